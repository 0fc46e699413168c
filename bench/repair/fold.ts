import { repairOrderDecider, type RepairOrderEvent } from '@aftersales/repair-orders-domain';
import { fold } from '@aftersales/shared-decider';
import type { EventStore } from '@aftersales/shared-event-store';
import pg from 'pg';
import { percentile } from '../shared/stats.js';

export interface FoldResult {
  events: number;
  ours: { p50: number; p99: number };
  raw: { p50: number; p99: number };
}

const ROUNDS = 200;

/**
 * The order's state rebuilt as a command handler rebuilds it (the store's `loadStream`, then `fold`),
 * beside the least anyone could do: one query for the stream's rows on a plain driver connection, then the
 * same fold. Rounds alternate, so both see the same machine.
 */
export async function measureFold(
  store: EventStore,
  databaseUrl: string,
  stream: string,
): Promise<FoldResult> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const raw = async () => {
      const { rows } = await client.query<RepairOrderEvent>(
        'select type, data from "repair-orders".events where stream_id = $1 order by version',
        [stream],
      );
      return fold(repairOrderDecider, rows);
    };
    const ours = async () =>
      fold(
        repairOrderDecider,
        (await store.loadStream<RepairOrderEvent>(stream)).map(
          (e) => ({ type: e.type, data: e.data }) as RepairOrderEvent,
        ),
      );
    const timings = { ours: [] as number[], raw: [] as number[] };
    let events = 0;
    for (let round = -20; round < ROUNDS; round++) {
      for (const [name, run] of [
        ['ours', ours],
        ['raw', raw],
      ] as const) {
        const started = performance.now();
        const state = await run();
        if (round >= 0) timings[name].push(performance.now() - started);
        if (state.status === 'none') throw new Error(`${stream} folded to nothing`);
      }
    }
    events = (await store.readStream(stream)).length;
    const summary = (values: number[]) => ({ p50: percentile(values, 50), p99: percentile(values, 99) });
    return { events, ours: summary(timings.ours), raw: summary(timings.raw) };
  } finally {
    await client.end();
  }
}
