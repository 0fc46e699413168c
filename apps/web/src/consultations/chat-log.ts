import type { ChatMessage } from '@aftersales/contracts/consultation';

/** A message the user sent that the server has not yet answered for. */
export interface PendingMessage {
  messageId: string;
  text: string;
  /** Kept until the message is posted, so that sending again sends them again. */
  files: readonly File[];
  state: 'sending' | 'failed';
  /** Why it failed, in the user's language; `sending` messages have none. */
  error?: string;
}

/**
 * A consultation's chat as the page shows it: the server's messages in `seq` order, each once, and after
 * them what the user is still sending.
 */
export interface ChatLog {
  messages: ChatMessage[];
  pending: PendingMessage[];
}

export const emptyChatLog: ChatLog = { messages: [], pending: [] };

/**
 * Adds messages from any source (a history page, a live push, a join's catch-up, a send's answer): one copy per
 * `seq`, in order, and a pending message leaves as soon as its posted copy arrives.
 */
export function mergeMessages(log: ChatLog, incoming: readonly ChatMessage[]): ChatLog {
  if (incoming.length === 0) return log;
  const bySeq = new Map(log.messages.map((m) => [m.seq, m]));
  for (const message of incoming) bySeq.set(message.seq, message);
  const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const posted = new Set(incoming.map((m) => m.messageId));
  return { messages, pending: log.pending.filter((p) => !posted.has(p.messageId)) };
}

/** Shows a message as sending, or again as sending when it is retried. */
export function sending(log: ChatLog, messageId: string, text: string, files: readonly File[] = []): ChatLog {
  const others = log.pending.filter((p) => p.messageId !== messageId);
  return { ...log, pending: [...others, { messageId, text, files, state: 'sending' }] };
}

/** Marks a pending message failed; it stays on screen, so that it can be sent again. */
export function failed(log: ChatLog, messageId: string, error: string): ChatLog {
  return {
    ...log,
    pending: log.pending.map((p) => (p.messageId === messageId ? { ...p, state: 'failed', error } : p)),
  };
}

/** The last `seq` the page has seen: what a join or a catch-up asks to follow. */
export function lastSeqOf(log: ChatLog): number {
  return log.messages.at(-1)?.seq ?? 0;
}

/** Whether messages before the earliest one shown exist: the history starts at `seq` 1. */
export function hasEarlier(log: ChatLog): boolean {
  const first = log.messages[0];
  return first !== undefined && first.seq > 1;
}
