import { randomUUID } from 'node:crypto';

export const IMPORT_ROWS = 100_000;

export interface ImportResult {
  rows: number;
  milliseconds: number;
  status: number;
  /** The import's counts as the answer gives them. */
  counts: {
    processedRows?: number;
    inserted?: number;
    updated?: number;
    unchanged?: number;
    rejected?: number;
  };
}

/** A registry export of `IMPORT_ROWS` new machines, every row valid: SNs no demo device has. */
export function registryCsv(): string {
  const lines = ['sn,model,shipped_at'];
  for (let i = 0; i < IMPORT_ROWS; i++)
    lines.push(`ZH8${String(i).padStart(10, '0')},VolcMiner D1,2025-03-01`);
  return lines.join('\n') + '\n';
}

/**
 * Uploads `csv` once, as an admin would, and times it from the first byte sent to the answer: the gateway
 * answers when the warranty service has stored the last chunk.
 */
export async function importDevices(gatewayUrl: string, token: string, csv: string): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'registry.csv');
  const started = performance.now();
  const response = await fetch(`${gatewayUrl}/api/admin/devices/imports?id=${randomUUID()}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const counts = (await response.json()) as ImportResult['counts'];
  const milliseconds = performance.now() - started;
  return { rows: IMPORT_ROWS, milliseconds, status: response.status, counts };
}
