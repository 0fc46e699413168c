import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { otherDatabasesBackends } from './postgres.js';
import type { RunningProcess } from './processes.js';

/**
 * Where the CPU went while a measurement ran, in % of one core per process (200% is both cores of a 2-core
 * machine), and how busy the whole machine was. Read from Linux's /proc; elsewhere it is not measured.
 */
export interface CpuShares {
  byProcess: { label: string; percent: number }[];
  /** What the machine spent beyond the processes listed: other work on it skews the numbers. */
  otherPercent: number;
  machineBusyPercent: number;
}

/** The shared servers, found by name: every process of theirs counts, backends included, unless excluded. */
const SERVERS = [
  { label: 'postgres', comm: 'postgres' },
  { label: 'nats-server', comm: 'nats-server' },
];

const clockTicksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * Runs `work` and returns its value with the CPU each process and the machine spent meanwhile. With the
 * benchmark's `database`, PostgreSQL's backends of other databases count as other processes, not `postgres`.
 */
export async function measureCpu<T>(
  processes: RunningProcess[],
  work: () => PromiseLike<T>,
  database?: string,
): Promise<{ value: T; cpu: CpuShares | undefined }> {
  // Processes of the shared servers that are not the benchmark's.
  const excluded = async () => (database ? otherDatabasesBackends(database) : new Set<number>());
  const before = snapshot(processes, await excluded());
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  const after = snapshot(processes, await excluded());
  return { value, cpu: before && after ? shares(before, after, seconds) : undefined };
}

/** How busy the machine is while this benchmark does nothing, in % of all its cores; undefined without /proc. */
export async function backgroundBusyPercent(milliseconds: number): Promise<number | undefined> {
  try {
    const before = machineTicks();
    await new Promise((resolve) => setTimeout(resolve, milliseconds));
    return busyPercent(before, machineTicks());
  } catch {
    return undefined;
  }
}

/**
 * Waits until the machine is quiet (under `percent` busy over a second), for at most `timeoutMs`, so that
 * the work one run leaves behind (consumers and relays catching up) is not measured in the next. Answers how
 * busy the last second was; undefined without /proc.
 */
export async function quietMachine(percent = 10, timeoutMs = 60_000): Promise<number | undefined> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const busy = await backgroundBusyPercent(1_000);
    if (busy === undefined || busy < percent || performance.now() > deadline) return busy;
  }
}

interface Snapshot {
  /** CPU seconds by label, then by pid: a process that starts or ends in between counts only its part. */
  seconds: Map<string, Map<number, number>>;
  machine: { busy: number; total: number };
}

function snapshot(processes: RunningProcess[], excluded: ReadonlySet<number>): Snapshot | undefined {
  try {
    const seconds = new Map<string, Map<number, number>>();
    const add = (label: string, pids: number[]) =>
      seconds.set(label, new Map(pids.map((pid) => [pid, cpuSecondsOf(pid)])));
    for (const { label, pid } of processes) add(label, [pid]);
    for (const server of SERVERS) {
      add(
        server.label,
        pidsNamed(server.comm).filter((pid) => !excluded.has(pid)),
      );
    }
    // This process is the load generator: every benchmark's clients run on its event loop.
    const usage = process.cpuUsage();
    seconds.set('load generator', new Map([[process.pid, (usage.user + usage.system) / 1e6]]));
    return { seconds, machine: machineTicks() };
  } catch {
    return undefined;
  }
}

function shares(before: Snapshot, after: Snapshot, seconds: number): CpuShares {
  const byProcess = [...after.seconds].map(([label, pids]) => {
    const earlier = before.seconds.get(label);
    const spent = [...pids].reduce((sum, [pid, total]) => sum + total - (earlier?.get(pid) ?? 0), 0);
    return { label, percent: (spent / seconds) * 100 };
  });
  const machineBusyPercent = busyPercent(before.machine, after.machine);
  const listed = byProcess.reduce((sum, p) => sum + p.percent, 0);
  const otherPercent = Math.max(0, machineBusyPercent * os.cpus().length - listed);
  return { byProcess, otherPercent, machineBusyPercent };
}

/** utime + stime of a process, from /proc/<pid>/stat; 0 for one that has gone meanwhile. */
function cpuSecondsOf(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // The command name, in parentheses, may hold spaces: count the fields after it. utime and stime are the
  // 14th and 15th fields, so the 12th and 13th after the name.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}

function pidsNamed(comm: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The machine's busy and total ticks over all cores, from the first line of /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal; guest time is already in user.
  const ticks = values.slice(0, 8).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  // idle and iowait
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: total - idle, total };
}

function busyPercent(before: { busy: number; total: number }, after: { busy: number; total: number }) {
  const total = after.total - before.total;
  return total > 0 ? ((after.busy - before.busy) / total) * 100 : 0;
}
