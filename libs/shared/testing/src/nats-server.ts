import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export interface DedicatedNats {
  url: string;
  /** The folder of its JetStream store. */
  storeDir: string;
  /** Stops the server (SIGTERM, so JetStream flushes its store); the store stays for `start`. */
  stop(): Promise<void>;
  /** Kills the server with SIGKILL, as a crash would: no flush, no goodbye; the store stays for `start`. */
  kill(): Promise<void>;
  /** Starts it again on the same port with the same store. */
  start(): Promise<void>;
  /** Stops it and deletes its store. */
  destroy(): Promise<void>;
}

/**
 * A nats-server of the test's own, on its own port, never the shared one: tests may stop it. With
 * `configuration` (such as an `authorization` block), it runs with that configuration file.
 */
export async function startDedicatedNats({
  configuration,
}: { configuration?: string } = {}): Promise<DedicatedNats> {
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'aftersales-nats-'));
  const configFile = join(storeDir, 'nats.conf');
  if (configuration) writeFileSync(configFile, configuration);
  let child: ChildProcess | undefined;
  const start = async () => {
    const args = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir];
    child = spawn('/usr/sbin/nats-server', configuration ? ['-c', configFile, ...args] : args, {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100 && !(await answers(port)); i++) await sleep(50);
  };
  const end = async (signal: NodeJS.Signals) => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill(signal);
    });
  };
  const stop = () => end('SIGTERM');
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    storeDir,
    start,
    stop,
    kill: () => end('SIGKILL'),
    destroy: async () => {
      await stop();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
