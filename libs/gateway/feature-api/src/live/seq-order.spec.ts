import { describe, expect, it } from '@jest/globals';
import type { ChatMessage } from '@aftersales/contracts/consultation';
import { notYetGiven, skipsAhead } from './seq-order.js';

const message = (seq: number): ChatMessage => ({
  consultationId: '5f0c6a52-3d1b-4c8e-9a57-2b7c1e0d4f11',
  messageId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  seq,
  author: { kind: 'customer', userId: '8d2f7a40-1b6e-4c3d-9e85-6a0f2c4b7d93' },
  text: `message ${seq}`,
  attachments: [],
  postedAt: '2026-11-28T10:00:00.000Z',
});
const seqs = (messages: ChatMessage[]) => messages.map((m) => m.seq);

describe('what a live socket is given next', () => {
  it('leaves out what it was given already, and gives each message once, in seq order', () => {
    const arrived = [message(5), message(3), message(4), message(3), message(2)];
    expect(seqs(notYetGiven(2, arrived))).toEqual([3, 4, 5]);
  });

  it('gives nothing when every message arrived before', () => {
    expect(notYetGiven(4, [message(3), message(4)])).toEqual([]);
  });

  it('sees a gap when the next message is not the one after the last given', () => {
    expect(skipsAhead(2, notYetGiven(2, [message(4), message(5)]))).toBe(true);
    expect(skipsAhead(2, notYetGiven(2, [message(5), message(3), message(4)]))).toBe(false);
    expect(skipsAhead(2, [])).toBe(false);
  });
});
