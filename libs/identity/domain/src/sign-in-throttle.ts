/** Failed sign-ins are remembered over this window; older ones are purged. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures of one account from one address before each further attempt must wait. */
export const FREE_FAILURES_PER_PAIR = 5;
/** The first wait after those; each further failure doubles it, up to the window. */
export const FIRST_BACKOFF_MS = 60 * 1000;
/** Failures from one address, whatever the accounts, before the address waits for the window. */
export const MAX_FAILURES_PER_ADDRESS = 20;

/**
 * Recent unsuccessful sign-in attempts from the caller's address, counting the one being decided on.
 * Counted per account *and* address, so that failures from one address never lock the owner out of
 * an account when they sign in from another.
 */
export interface RecentFailures {
  /** Failures of this account from this address. */
  pair: number;
  /** When the pair's latest failure before this attempt happened, epoch ms. */
  pairPreviousMs?: number;
  /** Failures from this address against any account. */
  address: number;
  /** When the address's oldest counted failure happened, epoch ms. */
  addressOldestMs?: number;
}

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; reason: string; by: 'account-and-address' | 'address' };

/** How long the pair waits after its latest failure: none for the first few, then doubling, up to the window. */
export function pairBackoffMs(previousFailures: number): number {
  if (previousFailures < FREE_FAILURES_PER_PAIR) return 0;
  const doublings = previousFailures - FREE_FAILURES_PER_PAIR;
  return Math.min(FIRST_BACKOFF_MS * 2 ** doublings, THROTTLE_WINDOW_MS);
}

function refusal(by: 'account-and-address' | 'address', reopensAtMs: number, now: Date): ThrottleDecision {
  const retryAfterSeconds = Math.max(1, Math.ceil((reopensAtMs - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const whom = by === 'address' ? 'your address' : 'this account from your address';
  return {
    allowed: false,
    by,
    retryAfterSeconds,
    reason: `Too many failed sign-ins for ${whom}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
  };
}

/**
 * After five failures of one account from one address, each further attempt from that address waits
 * a minute after the latest, then two, four, … up to the window; an attempt made while waiting counts
 * as a failure too, so hammering only lengthens the wait. An address that fails twenty times against
 * any accounts waits until its oldest failure leaves the window.
 */
export function throttleSignIn(failures: RecentFailures, now: Date): ThrottleDecision {
  if (failures.address > MAX_FAILURES_PER_ADDRESS) {
    return refusal('address', (failures.addressOldestMs ?? now.getTime()) + THROTTLE_WINDOW_MS, now);
  }
  const wait = pairBackoffMs(failures.pair - 1);
  const reopensAtMs = (failures.pairPreviousMs ?? now.getTime()) + wait;
  if (wait > 0 && reopensAtMs > now.getTime()) return refusal('account-and-address', reopensAtMs, now);
  return { allowed: true };
}
