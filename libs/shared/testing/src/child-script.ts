import { spawn } from 'node:child_process';

export interface ChildScript {
  /** What the script printed so far, stdout and stderr, line by line. */
  lines(): string[];
  /** Resolves once `condition` holds over the printed lines; fails with the output if the script ends first. */
  until(what: string, condition: (lines: string[]) => boolean, ms?: number): Promise<void>;
  /** Kills it with SIGKILL, as a crash would, and resolves once it is gone. */
  kill(): Promise<void>;
  /** Resolves when it has ended, with the signal that ended it or else its exit code. */
  ended: Promise<NodeJS.Signals | number | null>;
}

/**
 * Runs a plain JavaScript file with Node, as a service of its own. Its stdin is a pipe from the test
 * process that closes when the test process ends, however it ends: a script that exits on the end of
 * its stdin never outlives a test that failed, timed out or was killed.
 */
export function startScript(path: string, env: Record<string, string>): ChildScript {
  const child = spawn(process.execPath, [path], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const complete = text.split('\n');
    partial = complete.pop()!;
    lines.push(...complete);
    waiters.forEach((check) => check());
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const ended = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const output = () => [...lines, partial].join('\n');

  return {
    lines: () => lines,
    until: (what, condition, ms = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const finish = (failure?: Error) => {
          clearTimeout(timer);
          waiters.delete(check);
          child.off('exit', onExit);
          if (failure) reject(failure);
          else resolve();
        };
        const check = () => condition(lines) && finish();
        const onExit = (code: number | null, signal: string | null) =>
          finish(new Error(`${path} ended (${signal ?? code}) before ${what}:\n${output()}`));
        const timer = setTimeout(
          () => finish(new Error(`Not within ${ms} ms: ${what}; ${path} printed:\n${output()}`)),
          ms,
        );
        waiters.add(check);
        child.once('exit', onExit);
        check();
        if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode, child.signalCode);
      }),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await ended;
    },
    ended,
  };
}
