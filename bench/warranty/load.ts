import autocannon from 'autocannon';
import { type CpuShares, measureCpu } from '../shared/cpu.js';
import type { RunningProcess } from '../shared/processes.js';

export interface LoadPlan {
  connections: number;
  /** Seconds of untimed load first: connections open, JIT warm, pools full, plans cached. */
  warmupSeconds: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx: any of them means something else than a lookup was measured. */
  non2xx: number;
  /** Requests that got no answer at all: connection errors and timeouts. */
  errors: number;
  /** Seconds autocannon measured. */
  duration: number;
  cpu: CpuShares | undefined;
}

/**
 * Loads `url` with `plan.connections` connections that each send the next request as soon as the last one
 * is answered: first the warm-up, then the measurement, with the CPU time of `processes` taken around it.
 */
export async function load(
  url: string,
  headers: Record<string, string>,
  plan: LoadPlan,
  processes: RunningProcess[],
): Promise<LoadResult> {
  const options = { url, headers, connections: plan.connections, timeout: 10 };
  await autocannon({ ...options, duration: plan.warmupSeconds });
  const { value: result, cpu } = await measureCpu(processes, () =>
    autocannon({ ...options, duration: plan.seconds }),
  );
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    duration: result.duration,
    cpu,
  };
}
