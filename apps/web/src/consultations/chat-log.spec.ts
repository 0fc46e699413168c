import { describe, expect, it } from '@jest/globals';
import type { ChatMessage } from '@aftersales/contracts/consultation';
import { emptyChatLog, failed, hasEarlier, lastSeqOf, mergeMessages, sending } from './chat-log';

const consultationId = '6f1f0c52-8d7e-4d43-9c1a-2d0f3b1c9a01';
const customer = { kind: 'customer' as const, userId: '0b3f7a52-1c4e-4f0a-9d2b-7e8c6a5d4f31' };

function message(seq: number, messageId = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`) {
  return {
    consultationId,
    messageId,
    seq,
    author: customer,
    text: `message ${seq}`,
    attachments: [],
    postedAt: '2026-11-28T10:00:00.000Z',
  } satisfies ChatMessage;
}

const seqs = (log: { messages: ChatMessage[] }) => log.messages.map((m) => m.seq);

describe('the chat log of a consultation page', () => {
  it('keeps one copy per seq, in order, whatever order the sources deliver', () => {
    const newestPage = mergeMessages(emptyChatLog, [message(4), message(5)]);
    const live = mergeMessages(newestPage, [message(6)]);
    const catchUpAfterReconnect = mergeMessages(live, [message(5), message(6), message(7)]);
    const earlierPage = mergeMessages(catchUpAfterReconnect, [message(2), message(3)]);
    expect(seqs(earlierPage)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('shows a sent message as sending until its posted copy arrives, then once', () => {
    const id = '11111111-2222-4333-8444-555555555555';
    const shown = sending(mergeMessages(emptyChatLog, [message(1)]), id, 'the fan is loud');
    expect(shown.pending).toEqual([{ messageId: id, text: 'the fan is loud', files: [], state: 'sending' }]);

    const settled = mergeMessages(shown, [message(2, id)]);
    expect(settled.pending).toEqual([]);
    expect(seqs(settled)).toEqual([1, 2]);
  });

  it('keeps a failed message on screen and sends it again under the same id', () => {
    const id = '11111111-2222-4333-8444-555555555555';
    const refused = failed(sending(emptyChatLog, id, 'hello'), id, 'offline');
    expect(refused.pending).toEqual([
      { messageId: id, text: 'hello', files: [], state: 'failed', error: 'offline' },
    ]);

    expect(sending(refused, id, 'hello').pending).toEqual([
      { messageId: id, text: 'hello', files: [], state: 'sending' },
    ]);
  });

  it('asks to follow the last seq seen, and offers earlier pages until seq 1 is shown', () => {
    expect(lastSeqOf(emptyChatLog)).toBe(0);
    expect(hasEarlier(emptyChatLog)).toBe(false);
    const newest = mergeMessages(emptyChatLog, [message(51), message(52)]);
    expect(lastSeqOf(newest)).toBe(52);
    expect(hasEarlier(newest)).toBe(true);
    expect(hasEarlier(mergeMessages(newest, [message(1)]))).toBe(false);
  });
});
