/** Whole minutes from `since` to `now`, never negative (a clock a little ahead of the server's). */
export function waitingMinutes(since: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
}
