import type { DeviceImport } from '@aftersales/contracts/warranty';
import { useState } from 'react';
import { failureOf, readJson } from '../api';
import { errorText } from '../error-text';
import { useAuth } from '../auth/auth-context';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'running'; filename: string; estimatedRows?: number; progress?: DeviceImport }
  | { kind: 'done'; result: DeviceImport }
  | { kind: 'failed'; message: string };

const POLL_INTERVAL_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The file's data rows, for the progress bar: its lines less the header. A line break inside a quoted
 * field makes it an estimate. Read as a stream, so a large file is never held in memory whole.
 */
async function estimateRows(file: File): Promise<number> {
  const reader = file.stream().getReader();
  let lines = 0;
  let endsWithLineBreak = true;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    const bytes = chunk.value;
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
    if (bytes.length > 0) endsWithLineBreak = bytes[bytes.length - 1] === 10;
  }
  return Math.max(0, lines + (endsWithLineBreak ? 0 : 1) - 1);
}

/**
 * Uploads a device CSV and follows the import while the upload runs: the client names the import, so it
 * can ask for its progress before the upload's reply arrives with the final counts.
 */
export function useDeviceImport() {
  const { api, authorizedFetch } = useAuth();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  async function start(file: File): Promise<void> {
    const id = crypto.randomUUID();
    const whileRunning = (change: (running: ImportState & { kind: 'running' }) => ImportState) =>
      setState((current) => (current.kind === 'running' ? change(current) : current));
    setState({ kind: 'running', filename: file.name });
    // Without the estimate the progress shows the rows processed alone; an unreadable file fails the upload.
    void estimateRows(file).then(
      (estimatedRows) => whileRunning((s) => ({ ...s, estimatedRows })),
      () => undefined,
    );

    let uploading = true;
    const follow = async () => {
      while (uploading) {
        await sleep(POLL_INTERVAL_MS);
        // Until the gateway has read the file's first part the import is unknown (404): ask again.
        const progress = await api<DeviceImport>(`/api/admin/devices/imports/${id}`).catch(() => undefined);
        if (progress) whileRunning((s) => ({ ...s, progress }));
      }
    };
    void follow();

    const body = new FormData();
    body.append('file', file);
    try {
      const response = await authorizedFetch(`/api/admin/devices/imports?id=${id}`, { method: 'POST', body });
      setState({ kind: 'done', result: await readJson<DeviceImport>(response) });
    } catch (error) {
      setState({ kind: 'failed', message: errorText(error) });
    } finally {
      uploading = false;
    }
  }

  /** The rejected rows as CSV. The report needs the bearer token, so a plain link cannot fetch it. */
  async function downloadRejections(importId: string): Promise<void> {
    const response = await authorizedFetch(`/api/admin/devices/imports/${importId}/rejections.csv`);
    if (!response.ok) throw await failureOf(response);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `rejected-rows-${importId}.csv`;
    link.click();
    // The browser reads the blob after click() returns; revoking it at once could cut the download off.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  return { state, start, downloadRejections };
}
