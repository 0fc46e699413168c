import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface RunningApp {
  /** The URL the app printed when it became ready, if it serves HTTP. */
  url?: string;
  /** Where a service without an HTTP API answers its health, as it printed it. */
  healthUrl?: string;
  /** Where it answers `GET /metrics`, as it printed it. */
  metricsUrl?: string;
  output: () => string;
  /** Sends SIGTERM, as an orchestrator does, and resolves with the exit code once the process ended. */
  stop: () => Promise<number | null>;
}

// A URL ends at a space, or at the quote that ends the message of a JSON log line (LOG_FORMAT=json).
const READY = /Ready: (?:open (http:\/\/[^\s"]+)|answering)/;
const HEALTH = /Health: (http:\/\/[^\s"]+)/;
const METRICS = /Metrics: (http:\/\/[^\s"]+)/;

/**
 * Starts a built app (`apps/<name>/dist/main.js`) as its own process, as an operator would, and waits
 * until it says it is ready. An app that exits first fails the test with what it printed.
 */
export function startApp(name: string, env: Record<string, string>, timeoutMs = 30_000): Promise<RunningApp> {
  const child = spawn(process.execPath, [`apps/${name}/dist/main.js`], {
    cwd: workspaceRoot,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const running = (url?: string): RunningApp => ({
    url,
    healthUrl: HEALTH.exec(output)?.[1],
    metricsUrl: METRICS.exec(output)?.[1],
    output: () => output,
    stop: () => stop(name, child, () => output),
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop(name, child, () => output).catch(() => undefined);
      reject(new Error(`${name} was not ready within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = READY.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(running(ready[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready:\n${output}`));
    });
  });
}

/** Longer than any drain of ours takes: an app still running then is stuck, not finishing its work. */
const STOP_TIMEOUT_MS = 20_000;

/**
 * SIGTERM, then the exit code. An app that has not exited within `STOP_TIMEOUT_MS` is killed, and the stop
 * fails naming it with the end of what it printed, rather than hanging the test that stops it.
 */
function stop(name: string, child: ChildProcess, output: () => string): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${name} did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM:\n${output().split('\n').slice(-30).join('\n')}`,
        ),
      );
    }, STOP_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}
