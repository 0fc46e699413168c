import { connect } from 'node:net';
import os from 'node:os';
import { backgroundBusyPercent } from './cpu.js';
import { serverVersion } from './postgres.js';

const NATS = { host: '127.0.0.1', port: 4222 };
const NATS_TIMEOUT_MS = 2000;
const IDLE_SAMPLE_MS = 1000;

/**
 * The header lines that make numbers from different machines comparable: the machine, Node.js and
 * PostgreSQL, then what a benchmark adds (`[label, value]`), labels aligned.
 */
export async function machineHeader(extra: [string, string][] = []): Promise<string[]> {
  const cpus = os.cpus();
  const lines: [string, string][] = [
    ['os', `${os.type()} ${os.release()} ${os.arch()}`],
    ['cpus', `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`],
    ['memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ['node', process.version],
    ['postgresql', await serverVersion()],
    ...extra,
  ];
  const width = Math.max(...lines.map(([label]) => label.length)) + 2;
  return lines.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`);
}

/** The machine header of a benchmark of the distributed mode: with the NATS server, and how busy the machine was. */
export async function describeMachine(): Promise<string[]> {
  return machineHeader([
    ['nats-server', await natsVersion()],
    ['before run', await background()],
  ]);
}

/** Other work on the machine takes CPU from the measured processes: say how much there was at the start. */
async function background(): Promise<string> {
  const busy = await backgroundBusyPercent(IDLE_SAMPLE_MS);
  if (busy === undefined) return 'machine load not measured (no /proc)';
  return `machine ${busy.toFixed(0)}% busy over ${IDLE_SAMPLE_MS / 1000} s before the bench started anything`;
}

/**
 * The running server's version, from the INFO line NATS sends every client first: no client library nor
 * `nats-server` binary on the PATH needed, and it is the server the services use.
 */
function natsVersion(): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(NATS);
    let received = '';
    const done = (version: string) => {
      socket.destroy();
      resolve(version);
    };
    socket.setTimeout(NATS_TIMEOUT_MS, () => done('unknown (no answer)'));
    socket.on('error', (error) => done(`unknown (${error.message})`));
    socket.on('data', (chunk) => {
      received += chunk.toString();
      const line = /^INFO (\{.*\})\s*\r\n/.exec(received);
      if (!line) return;
      const info = JSON.parse(line[1]!) as { version?: string; jetstream?: boolean };
      done(`${info.version ?? 'unknown'}${info.jetstream ? ', JetStream on' : ''}`);
    });
  });
}
