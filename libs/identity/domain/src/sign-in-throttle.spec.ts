import { describe, expect, it } from '@jest/globals';
import { throttleSignIn } from './sign-in-throttle.js';

const now = new Date('2026-11-25T08:00:00.000Z');

describe('sign-in throttle', () => {
  it('lets sign-ins through below both limits', () => {
    expect(throttleSignIn({ account: 5, address: 20 }, now)).toEqual({ allowed: true });
  });

  it('stops the attempt after five failures on one account until the oldest leaves the window', () => {
    expect(
      throttleSignIn(
        { account: 6, address: 6, accountOldestMs: Date.parse('2026-11-25T07:50:00.000Z') },
        now,
      ),
    ).toEqual({
      allowed: false,
      retryAfterSeconds: 300,
      reason: 'Too many failed sign-ins for this account; try again in 5 minutes',
    });
  });

  it('stops an address that fails against many accounts', () => {
    const decision = throttleSignIn(
      { account: 1, address: 21, addressOldestMs: Date.parse('2026-11-25T07:59:30.000Z') },
      now,
    );
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: 870 });
    expect(decision.allowed || decision.reason).toMatch(/your address/);
  });
});
