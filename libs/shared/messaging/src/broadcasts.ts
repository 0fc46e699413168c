/**
 * Notices every process hears (no queue group, no durability): for state other processes keep in memory,
 * such as the gateway's cache of who is signed in. Not for domain events, which go through the event bus.
 */
export interface Broadcasts {
  /**
   * Resolves once the transport has taken the notice, so that a reply sent afterwards reaches a listener
   * on the requester's connection after the notice does. That holds on one NATS server and in-process; in
   * a NATS cluster, or for another replica of the requester, the notice arrives moments later instead.
   */
  broadcast(subject: string, data: unknown): Promise<void>;
  /** Calls `handler` for every notice on `subject`; the returned function stops listening. */
  listen(subject: string, handler: (data: unknown) => void): () => void;
  /** Calls `handler` whenever notices may have been missed (the connection dropped). */
  onGap(handler: () => void): void;
}

export const BROADCASTS = Symbol('Broadcasts');
