import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@aftersales/shared-event-store';

/** Concurrent writers, each awaiting its own operation: at most this many pool connections are busy. */
export const WRITERS = 8;

export interface Plan {
  /** Untimed operations first: connections opened, statements planned, caches warm. */
  warmup: number;
  count: number;
}

// A type, not an interface, so that it also fits Emmett's `Record<string, unknown>` event data.
type BenchData = {
  sn: string;
  repairPoint: string;
  note: string;
};

export type BenchEvent = NewEvent<{ type: 'BenchRepairNoted'; data: BenchData }>;

/** An event the size of the ones our services append: a few short fields and the usual metadata. */
export function benchEvent(): BenchEvent {
  const id = randomUUID();
  return {
    eventId: id,
    type: 'BenchRepairNoted',
    data: { sn: 'ZH10014510045', repairPoint: 'shenzhen-1', note: 'hashboard 2 replaced, fans cleaned' },
    metadata: {
      correlationId: id,
      causationId: id,
      actor: 'service:bench',
      timestamp: new Date().toISOString(),
    },
  };
}

export const batchOf = (size: number) => Array.from({ length: size }, benchEvent);

/** A stream id no earlier append used, so that every append creates its stream. */
export const newStreamId = () => `bench-${randomUUID()}`;

/** Runs `op` on `WRITERS` concurrent loops while `more()` holds; returns the elapsed milliseconds. */
async function writersWhile(more: () => boolean, op: () => Promise<void>): Promise<number> {
  const writer = async () => {
    while (more()) await op();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, writer));
  return performance.now() - started;
}

export function runCount(count: number, op: () => Promise<void>): Promise<number> {
  let started = 0;
  return writersWhile(() => started++ < count, op);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
