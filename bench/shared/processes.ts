import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Teardown } from './teardown.js';

/** The checkout's root: apps are started from there, as `npm run start:distributed` does. */
export const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

const READY = /Ready: (?:open (http:\/\/\S+)|answering)/;
const READY_TIMEOUT_MS = 30_000;
/** A process that ignores SIGTERM this long is killed: the teardown must not hang. */
const STOP_TIMEOUT_MS = 5_000;

export interface RunningProcess {
  label: string;
  pid: number;
  /** The URL it printed when it became ready, if it serves HTTP, on 127.0.0.1: only loopback is loaded. */
  url?: string;
}

/**
 * Starts `script` (relative to the checkout) as its own process and waits for its "Ready" line, like the
 * e2e tests' `startApp`, which cannot start the bare baseline (it runs only `apps/<name>/dist/main.js`) nor
 * tells the pid that the CPU accounting needs. The teardown stops it; one that exits first fails the run.
 */
export function startProcess(
  teardown: Teardown,
  label: string,
  script: string,
  env: Record<string, string>,
): Promise<RunningProcess> {
  const child = spawn(process.execPath, [script], {
    cwd: workspaceRoot,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  teardown.add(`stop ${label}`, () => stop(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label} was not ready within ${READY_TIMEOUT_MS} ms:\n${output}`)),
      READY_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      // Keep only what a failure report needs: a long run's logs would grow without end.
      output = (output + chunk.toString()).slice(-20_000);
      const ready = READY.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      const url = ready[1]?.replace('//localhost:', '//127.0.0.1:');
      resolve({ label, pid: child.pid!, ...(url ? { url } : {}) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${signal ?? code}) before it was ready:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
