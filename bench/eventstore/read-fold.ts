import type { EventStore, RecordedEvent } from '@aftersales/shared-event-store';
import { batchOf, median, newStreamId, type Plan } from './workload.js';

export const STREAM_LENGTH = 1000;
const APPEND_SIZE = 100;

/** What a decider's evolve would keep, reduced to its cheapest form: the fold itself is not measured. */
const fold = (events: RecordedEvent[]) =>
  events.reduce((state, event) => ({ version: event.version, notes: state.notes + 1 }), {
    version: 0,
    notes: 0,
  });

/** Median milliseconds to read one `STREAM_LENGTH`-event stream and fold it, by one reader at a time. */
export async function readAndFold(store: EventStore, plan: Plan): Promise<number> {
  const streamId = newStreamId();
  for (let version = 0; version < STREAM_LENGTH; version += APPEND_SIZE) {
    await store.append(streamId, batchOf(APPEND_SIZE), version === 0 ? 'no_stream' : version);
  }
  const once = async () => {
    const started = performance.now();
    const state = fold(await store.readStream(streamId));
    // A wrong read would look fast: check that the whole stream came back.
    if (state.version !== STREAM_LENGTH) throw new Error(`Read ${state.version} of ${STREAM_LENGTH} events`);
    return performance.now() - started;
  };
  for (let i = 0; i < plan.warmup; i++) await once();
  const timings: number[] = [];
  for (let i = 0; i < plan.count; i++) timings.push(await once());
  return median(timings);
}
