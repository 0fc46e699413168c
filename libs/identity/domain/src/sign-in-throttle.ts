/** Failed sign-ins are counted over this window, per account and per client address. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** Recent unsuccessful sign-in attempts, counting the one being decided on. */
export interface RecentFailures {
  account: number;
  address: number;
  /** When the oldest counted failure of each kind happened, epoch ms. */
  accountOldestMs?: number;
  addressOldestMs?: number;
}

export type ThrottleDecision =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: string };

/**
 * After five failures on one account, or twenty from one address, further attempts stop until the window
 * moves on.
 */
export function throttleSignIn(failures: RecentFailures, now: Date): ThrottleDecision {
  const blocked =
    failures.account > MAX_FAILURES_PER_ACCOUNT
      ? { by: 'this account', oldestMs: failures.accountOldestMs }
      : failures.address > MAX_FAILURES_PER_ADDRESS
        ? { by: 'your address', oldestMs: failures.addressOldestMs }
        : undefined;
  if (!blocked) return { allowed: true };
  const reopensAt = (blocked.oldestMs ?? now.getTime()) + THROTTLE_WINDOW_MS;
  const retryAfterSeconds = Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000));
  return {
    allowed: false,
    retryAfterSeconds,
    reason: `Too many failed sign-ins for ${blocked.by}; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
  };
}
