import http from 'node:http';
import { measureCpu } from '../shared/cpu.js';
import type { RunningProcess } from '../shared/processes.js';
import { offerAtRate } from '../shared/schedule.js';
import { percentile } from '../shared/stats.js';
import type { LoadResult } from './load.js';

export interface RatePlan {
  /** Requests per second offered, whatever the answers do. */
  rate: number;
  /** Open at most this many: enough that the rate stays reachable at `rate × latency` requests in flight. */
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface RateResult extends LoadResult {
  offeredRate: number;
  /** How late the load generator itself sent its requests (p99, ms): time counted against the server. */
  sendLagP99: number;
}

/** A request with no answer after this long counts as an error, as autocannon's `timeout: 10` does. */
const REQUEST_TIMEOUT_MS = 10_000;

interface Outcome {
  /** Milliseconds from the request's scheduled time to the end of its answer, or to its failure. */
  latency: number;
  sendLag: number;
  status: number | 'error';
}

/**
 * Offers `plan.rate` requests per second to `url`: request i is due at start + i / rate and is sent then,
 * answered or not the ones before it, on up to `plan.connections` keep-alive connections (beyond those it
 * waits for one). Latency counts from the due time, so a server that falls behind shows its backlog instead
 * of slowing the load down. autocannon's `overallRate` does not do this: it lets each connection send its
 * share of a second back to back at the top of every second, all connections at once, which measures bursts.
 */
export async function offerRate(
  url: string,
  headers: Record<string, string>,
  plan: RatePlan,
  processes: RunningProcess[],
): Promise<RateResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  try {
    await schedule(url, headers, agent, plan.rate, plan.warmupSeconds);
    const { value, cpu } = await measureCpu(processes, () =>
      schedule(url, headers, agent, plan.rate, plan.seconds),
    );
    const { outcomes, seconds } = value;
    const answered = outcomes.filter((o) => o.status !== 'error');
    const ok = answered.filter((o) => typeof o.status === 'number' && o.status >= 200 && o.status < 300);
    // Every request counts, failed ones too: leaving them out would let timeouts and errors lower the p99.
    const latencies = outcomes.map((o) => o.latency);
    return {
      offeredRate: plan.rate,
      requestsPerSecond: ok.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      non2xx: answered.length - ok.length,
      errors: outcomes.length - answered.length,
      duration: seconds,
      sendLagP99: percentile(
        outcomes.map((o) => o.sendLag),
        99,
      ),
      cpu,
    };
  } finally {
    agent.destroy();
  }
}

/** Sends `rate × seconds` requests on schedule; resolves when the last has been answered. */
async function schedule(
  url: string,
  headers: Record<string, string>,
  agent: http.Agent,
  rate: number,
  seconds: number,
): Promise<{ outcomes: Outcome[]; seconds: number }> {
  const started = performance.now();
  const outcomes = await offerAtRate(rate, Math.round(rate * seconds), (due) =>
    send(url, headers, agent, due),
  );
  return { outcomes, seconds: (performance.now() - started) / 1000 };
}

function send(
  url: string,
  headers: Record<string, string>,
  agent: http.Agent,
  due: number,
): Promise<Outcome> {
  const sendLag = performance.now() - due;
  return new Promise((resolve) => {
    const done = (status: Outcome['status']) => {
      const elapsed = performance.now() - due;
      // A request that got no answer counts as one that waited out the timeout: a refused connection fails
      // at once, and must not pass for a fast answer.
      const latency = status === 'error' ? Math.max(elapsed, REQUEST_TIMEOUT_MS) : elapsed;
      resolve({ latency, sendLag, status });
    };
    const request = http.get(url, { agent, headers, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      response.resume();
      response.once('end', () => done(response.statusCode ?? 'error'));
      response.once('error', () => done('error'));
    });
    request.once('timeout', () => request.destroy(new Error(`No answer within ${REQUEST_TIMEOUT_MS} ms`)));
    request.once('error', () => done('error'));
  });
}
