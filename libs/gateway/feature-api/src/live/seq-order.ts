import type { ChatMessage } from '@aftersales/contracts/consultation';

/**
 * What a socket that was given every message up to `delivered` has not had yet: in `seq` order, each
 * once, however the notices that brought them were repeated or reordered.
 */
export function notYetGiven(delivered: number, messages: readonly ChatMessage[]): ChatMessage[] {
  const bySeq = new Map<number, ChatMessage>();
  for (const message of messages) if (message.seq > delivered) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * Whether the first of `fresh` (from `notYetGiven`) leaves out one the socket has not had: a notice was
 * lost or overtaken.
 */
export function skipsAhead(delivered: number, fresh: readonly ChatMessage[]): boolean {
  return fresh.length > 0 && fresh[0]!.seq !== delivered + 1;
}
