import type { CpuShares } from './cpu.js';

/** A markdown table, its columns padded to line up in a terminal too. */
export function table(columns: string[], rows: string[][]): string[] {
  const widths = columns.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

/**
 * Where the CPU went during one measurement: each process's share of a core and its CPU time per unit of
 * work (`perSecond` units a second, such as requests or messages), which shows what each part costs
 * whatever the throughput it reached; then the rest of the machine.
 */
export function cpuLine(label: string, cpu: CpuShares | undefined, perSecond: number, unit: string): string {
  if (!cpu) return `CPU, ${label}: not measured (no /proc)`;
  const microsPerUnit = (percent: number) => (perSecond > 0 ? ((percent / 100) * 1e6) / perSecond : NaN);
  const shares = cpu.byProcess.map(
    ({ label, percent }) =>
      `${label} ${percent.toFixed(0)}% (${microsPerUnit(percent).toFixed(0)} µs/${unit})`,
  );
  return (
    `CPU, ${label} (% of one core): ${shares.join(', ')}, ` +
    `other processes ${cpu.otherPercent.toFixed(0)}%; machine ${cpu.machineBusyPercent.toFixed(0)}% busy`
  );
}

/** Above this much of one core taken by processes that are not part of the measurement, the report warns. */
const OTHER_WORK_WARNING_PERCENT = 20;

/** Another test run or build on the machine lowers the numbers of every row, and not in the same proportion. */
export function otherWorkWarning(measurements: (CpuShares | undefined)[]): string[] {
  const other = Math.max(...measurements.map((cpu) => cpu?.otherPercent ?? 0));
  if (other <= OTHER_WORK_WARNING_PERCENT) return [];
  return [
    `Warning: other processes took up to ${other.toFixed(0)}% of a core during the measurements: ` +
      'rerun on an idle machine for numbers to compare.',
  ];
}
