import type { DeviceImport } from '@aftersales/contracts/warranty';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../error-text';
import { type ImportState, useDeviceImport } from './use-device-import';
import { ErrorAlert } from '../ui/ErrorAlert';

/** Registers devices from a CSV file, with progress while it runs and a report of the rows it refused. */
export function DeviceImportPage() {
  const { t } = useTranslation();
  const { state, start, downloadRejections } = useDeviceImport();
  const [file, setFile] = useState<File>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file) void start(file);
  }

  return (
    <section className="card">
      <h1>{t('adminImports.heading')}</h1>
      <p className="muted">{t('adminImports.intro')}</p>
      <pre className="sample">
        {'sn,model,shipped_at,customer_ref,order_ref\nZH10014510045,VolcMiner D1,2026-06-25,,'}
      </pre>
      <form className="file-form" onSubmit={submit}>
        <label htmlFor="device-csv">{t('adminImports.file')}</label>
        <div className="row">
          {/* The browser's own file button speaks the browser's language; this one speaks the page's. */}
          <input
            id="device-csv"
            className="visually-hidden"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
          <label htmlFor="device-csv" className="button secondary">
            {t('adminImports.choose')}
          </label>
          <span className={file ? 'file-name' : 'file-name muted'}>
            {file?.name ?? t('adminImports.noFile')}
          </span>
          <button type="submit" disabled={!file || state.kind === 'running'}>
            {state.kind === 'running' ? t('adminImports.importing') : t('adminImports.start')}
          </button>
        </div>
      </form>
      <ImportOutcome state={state} onDownload={downloadRejections} />
    </section>
  );
}

function ImportOutcome({ state, onDownload }: { state: ImportState; onDownload(id: string): Promise<void> }) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'failed':
      return <ErrorAlert>{t('adminImports.failed', { message: state.message })}</ErrorAlert>;
    case 'running': {
      const processed = state.progress?.processedRows ?? 0;
      return (
        <div className="result" data-testid="import-progress">
          <p role="status">
            {state.estimatedRows === undefined
              ? t('adminImports.progress', { filename: state.filename, processed })
              : t('adminImports.progressOf', {
                  filename: state.filename,
                  processed,
                  total: state.estimatedRows,
                })}
          </p>
          <progress
            max={state.estimatedRows || 1}
            value={Math.min(processed, state.estimatedRows ?? 0)}
            aria-label={t('adminImports.progressLabel')}
          />
          {state.progress && <ImportCounts counts={state.progress} />}
        </div>
      );
    }
    case 'done':
      return (
        <div className="result" data-testid="import-result">
          <p className="alert info" role="status">
            {t('adminImports.done', {
              filename: state.result.filename,
              processed: state.result.processedRows,
            })}
          </p>
          <ImportCounts counts={state.result} />
          {state.result.rejected > 0 && (
            <RejectionsDownload importId={state.result.id} onDownload={onDownload} />
          )}
        </div>
      );
  }
}

function ImportCounts({ counts }: { counts: DeviceImport }) {
  const { t } = useTranslation();
  const stats = [
    ['processed', counts.processedRows],
    ['inserted', counts.inserted],
    ['updated', counts.updated],
    ['unchanged', counts.unchanged],
    ['rejected', counts.rejected],
  ] as const;
  return (
    <dl className="stats" data-testid="import-counts">
      {stats.map(([name, value]) => (
        <div key={name} className={name === 'rejected' && value > 0 ? 'flagged' : undefined}>
          <dt>{t(`adminImports.${name}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RejectionsDownload({
  importId,
  onDownload,
}: {
  importId: string;
  onDownload(id: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  return (
    <>
      <p className="muted">{t('adminImports.rejectedNote')}</p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setError(undefined);
          onDownload(importId).catch((e: unknown) => setError(errorText(e)));
        }}
      >
        {t('adminImports.download')}
      </button>
      {error && <ErrorAlert>{t('adminImports.downloadFailed', { message: error })}</ErrorAlert>}
    </>
  );
}
