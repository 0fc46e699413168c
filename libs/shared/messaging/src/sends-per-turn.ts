/**
 * Holds the messages a process publishes until the current turn of the event loop has handled all its
 * input, then publishes them together. nats.js writes whatever was published before its next microtask in
 * one socket write; left alone, that is one write per message, since each HTTP request, and each database
 * answer, arrives in a callback of its own. Under load those writes, and the reads and wake-ups they cost
 * nats-server, were most of the CPU a request took. A message waits at most until the turn ends.
 */
export class SendsPerTurn {
  private queued: (() => void)[] = [];

  /** Runs `publish` once this turn's input is handled; settles as it returns or throws. */
  send<T>(publish: () => T): Promise<Awaited<T>> {
    return new Promise((resolve, reject) => {
      const run = () => {
        try {
          resolve(publish() as Awaited<T>);
        } catch (error) {
          reject(error as Error);
        }
      };
      if (this.queued.push(run) === 1) setImmediate(() => this.flush());
    });
  }

  /** Publishes what is queued at once, as a connection about to close must. */
  flush(): void {
    const queued = this.queued;
    this.queued = [];
    for (const run of queued) run();
  }
}
