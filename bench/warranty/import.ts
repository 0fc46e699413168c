export const IMPORT_ROWS = 100_000;

/** A registry export of `IMPORT_ROWS` new machines, every row valid: SNs no demo device has. */
export function registryCsv(): string {
  const lines = ['sn,model,shipped_at'];
  for (let i = 0; i < IMPORT_ROWS; i++)
    lines.push(`ZH8${String(i).padStart(10, '0')},VolcMiner D1,2025-03-01`);
  return lines.join('\n') + '\n';
}
