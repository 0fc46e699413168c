/**
 * Calls `send(due)` `count` times at `rate` per second: call i is due at start + i / rate and is made then,
 * whether or not the calls before it have finished, so that a system that falls behind shows a backlog
 * instead of slowing the load down (a closed loop would hide it). `due` is the `performance.now()` it was
 * due at, for latencies that count from the schedule. Resolves with every call's result, in call order.
 */
export async function offerAtRate<T>(
  rate: number,
  count: number,
  send: (due: number) => Promise<T>,
): Promise<T[]> {
  const interval = 1000 / rate;
  const started = performance.now();
  const calls: Promise<T>[] = [];
  await new Promise<void>((allSent) => {
    const sendDue = () => {
      const due = Math.min(count, Math.floor((performance.now() - started) / interval) + 1);
      while (calls.length < due) {
        const call = send(started + calls.length * interval);
        // Awaited only once all are sent: until then a failure must not count as unhandled and end the process.
        call.catch(() => undefined);
        calls.push(call);
      }
      if (calls.length === count) return allSent();
      // Timers fire 1 ms late at best: whatever fell due meanwhile goes out on the next wake-up.
      setTimeout(sendDue, Math.max(0, started + calls.length * interval - performance.now()));
    };
    sendDue();
  });
  return Promise.all(calls);
}
