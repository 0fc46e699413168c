import { describe, expect, it } from '@jest/globals';
import { throttleSignIn } from './sign-in-throttle.js';

const now = new Date('2026-11-25T08:00:00.000Z');
const ago = (seconds: number) => now.getTime() - seconds * 1000;

describe('sign-in throttle', () => {
  it('lets the first five failures of an account from one address through at once', () => {
    expect(throttleSignIn({ pair: 5, pairPreviousMs: ago(1), address: 5 }, now)).toEqual({ allowed: true });
  });

  it('makes the sixth attempt of the pair wait a minute after the fifth failure', () => {
    expect(throttleSignIn({ pair: 6, pairPreviousMs: ago(10), address: 6 }, now)).toEqual({
      allowed: false,
      by: 'account-and-address',
      retryAfterSeconds: 50,
      reason: 'Too many failed sign-ins for this account from your address; try again in 1 minute',
    });
    expect(throttleSignIn({ pair: 6, pairPreviousMs: ago(60), address: 6 }, now)).toEqual({ allowed: true });
  });

  it('doubles the wait with every further failure of the pair', () => {
    // Seven earlier failures: 1 min × 2² = 4 min after the latest.
    const decision = throttleSignIn({ pair: 8, pairPreviousMs: ago(60), address: 8 }, now);
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: 180 });
    expect(throttleSignIn({ pair: 8, pairPreviousMs: ago(240), address: 8 }, now)).toEqual({ allowed: true });
  });

  it('never makes the pair wait longer than the window after its latest failure', () => {
    const decision = throttleSignIn({ pair: 19, pairPreviousMs: ago(0), address: 19 }, now);
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: 900 });
    expect(decision.allowed || decision.reason).toBe(
      'Too many failed sign-ins for this account from your address; try again in 15 minutes',
    );
  });

  it('does not count failures from other addresses: a new address starts with none of the pair', () => {
    expect(throttleSignIn({ pair: 1, address: 1 }, now)).toEqual({ allowed: true });
  });

  it('stops an address that fails against many accounts until its oldest failure leaves the window', () => {
    const decision = throttleSignIn({ pair: 1, address: 21, addressOldestMs: ago(30) }, now);
    expect(decision).toEqual({
      allowed: false,
      by: 'address',
      retryAfterSeconds: 870,
      reason: 'Too many failed sign-ins for your address; try again in 15 minutes',
    });
    expect(throttleSignIn({ pair: 1, address: 20, addressOldestMs: ago(30) }, now)).toEqual({
      allowed: true,
    });
  });
});
