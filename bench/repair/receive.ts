import http from 'node:http';
import { measureCpu, type CpuShares } from '../shared/cpu.js';
import type { RunningProcess } from '../shared/processes.js';
import { offerAtRate } from '../shared/schedule.js';
import { percentile } from '../shared/stats.js';
import { codeOf, lineOf } from './seed.js';

export interface ReceiveResult {
  rate: number;
  commandsPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
  sendLagP99: number;
  cpu: CpuShares | undefined;
}

const REQUEST_TIMEOUT_MS = 10_000;

interface Outcome {
  latency: number;
  sendLag: number;
  ok: boolean;
}

/**
 * `receive` through the gateway at a fixed rate, each command on an order of its own (seeded awaiting
 * receipt), so every one decides and appends: command i is due at start + i / rate and is sent then,
 * answered or not the ones before it; its latency counts from that due time.
 */
export async function offerReceipts(
  gatewayUrl: string,
  token: string,
  {
    rate,
    warmupSeconds,
    seconds,
    firstOrder,
  }: { rate: number; warmupSeconds: number; seconds: number; firstOrder: number },
  processes: RunningProcess[],
): Promise<ReceiveResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
  let next = firstOrder;
  const send = (due: number) => receipt(gatewayUrl, token, agent, next++, due);
  try {
    await offerAtRate(rate, rate * warmupSeconds, send);
    const started = performance.now();
    const { value: outcomes, cpu } = await measureCpu(processes, () =>
      offerAtRate(rate, rate * seconds, send),
    );
    const elapsed = (performance.now() - started) / 1000;
    const ok = outcomes.filter((o) => o.ok);
    return {
      rate,
      commandsPerSecond: ok.length / elapsed,
      p50: percentile(
        outcomes.map((o) => o.latency),
        50,
      ),
      p99: percentile(
        outcomes.map((o) => o.latency),
        99,
      ),
      failed: outcomes.length - ok.length,
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

function receipt(
  gatewayUrl: string,
  token: string,
  agent: http.Agent,
  order: number,
  due: number,
): Promise<Outcome> {
  const body = JSON.stringify({ lines: [{ deviceOrderNo: lineOf(order), outcome: 'received' }] });
  const sent = performance.now();
  return new Promise((resolve) => {
    const done = (ok: boolean) => resolve({ latency: performance.now() - due, sendLag: sent - due, ok });
    const request = http.request(
      `${gatewayUrl}/api/repair-point/orders/${codeOf(order)}/receipt`,
      {
        method: 'POST',
        agent,
        timeout: REQUEST_TIMEOUT_MS,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => done(response.statusCode === 200));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => done(false));
    request.end(body);
  });
}
