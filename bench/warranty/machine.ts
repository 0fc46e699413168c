import { connect } from 'node:net';
import { machineHeader } from '../shared/machine.js';
import { backgroundBusyPercent } from './cpu.js';

const NATS = { host: '127.0.0.1', port: 4222 };
const NATS_TIMEOUT_MS = 2000;
const IDLE_SAMPLE_MS = 1000;

/** The machine header, with the NATS server and how busy the machine was before the run. */
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
