import os from 'node:os';
import { serverVersion } from './postgres.js';

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
