import { describe, expect, it } from '@jest/globals';
import { decideRefresh, sessionActive } from './sessions.js';

const now = '2026-11-25T08:00:00.000Z';
const live = { expiresAt: '2026-12-25T08:00:00.000Z' };

describe('refreshing a session', () => {
  it('rotates a token that was not exchanged yet', () => {
    expect(decideRefresh({}, live, now)).toEqual({ kind: 'rotate' });
  });

  it('detects reuse when an exchanged token comes back', () => {
    expect(decideRefresh({ usedAt: '2026-11-25T07:00:00.000Z' }, live, now)).toEqual({
      kind: 'reuse-detected',
    });
  });

  it('refuses an unknown token, a revoked session and an expired one', () => {
    expect(decideRefresh(undefined, undefined, now).kind).toBe('refused');
    expect(decideRefresh({}, { ...live, revokedAt: now }, now)).toEqual({
      kind: 'refused',
      reason: 'The session has ended; please sign in',
    });
    expect(decideRefresh({}, { expiresAt: now }, now)).toEqual({
      kind: 'refused',
      reason: 'The session has expired; please sign in',
    });
  });

  it('keeps a session active until it is revoked or expires', () => {
    expect(sessionActive(live, now)).toBe(true);
    expect(sessionActive({ ...live, revokedAt: now }, now)).toBe(false);
    expect(sessionActive({ expiresAt: now }, now)).toBe(false);
    expect(sessionActive(undefined, now)).toBe(false);
  });
});
