import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves once `condition` holds; fails, naming `what`, if it does not within `ms`. */
export async function waitUntil(
  what: string,
  condition: () => boolean | Promise<boolean>,
  ms = 20_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Not within ${ms} ms: ${what}`);
    await sleep(20);
  }
}
