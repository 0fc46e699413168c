import { type BatchLookupResult, MAX_BATCH_LOOKUP } from '@aftersales/contracts/warranty';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitSerialNumbers } from './sn-list';
import { type BatchState, useBatchLookup } from './use-batch-lookup';
import { ErrorAlert } from '../ui/ErrorAlert';

/** For mining farms: the warranty of up to 500 machines at once, from a pasted list. */
export function BatchLookupCard() {
  const { t } = useTranslation();
  const { state, lookUp } = useBatchLookup();
  const [text, setText] = useState('');
  const sns = splitSerialNumbers(text);

  function submit(event: FormEvent) {
    event.preventDefault();
    void lookUp(sns);
  }

  return (
    <section className="card">
      <h2>{t('batch.heading')}</h2>
      <p className="muted">{t('batch.intro', { max: MAX_BATCH_LOOKUP })}</p>
      <form className="stacked" onSubmit={submit} noValidate>
        <label htmlFor="batch-sns">{t('batch.label')}</label>
        <textarea
          id="batch-sns"
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('batch.placeholder')}
          spellCheck={false}
          aria-invalid={sns.length > MAX_BATCH_LOOKUP}
        />
        <div className="form-footer">
          <span className={sns.length > MAX_BATCH_LOOKUP ? 'small error-text' : 'muted small'}>
            {t('batch.entered', { count: sns.length, max: MAX_BATCH_LOOKUP })}
          </span>
          <button type="submit" className="primary" disabled={state.kind === 'loading'}>
            {state.kind === 'loading' ? t('batch.lookingUp') : t('batch.lookUp')}
          </button>
        </div>
      </form>
      <BatchOutcome state={state} />
    </section>
  );
}

function BatchOutcome({ state }: { state: BatchState }) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'empty':
      return <ErrorAlert>{t('batch.empty')}</ErrorAlert>;
    case 'too-many':
      return <ErrorAlert>{t('batch.tooMany', { count: state.count, max: MAX_BATCH_LOOKUP })}</ErrorAlert>;
    case 'loading':
      return (
        <p className="muted" role="status">
          {t('batch.progress', { count: state.count })}
        </p>
      );
    case 'failed':
      return <ErrorAlert>{t('warranty.failed', { message: state.message })}</ErrorAlert>;
    case 'done':
      return <BatchResults results={state.results} />;
  }
}

const statuses = ['in_warranty', 'out_of_warranty', 'unknown', 'malformed'] as const;

function BatchResults({ results }: { results: BatchLookupResult[] }) {
  const { t } = useTranslation();
  const counts = statuses.map((status) => ({
    status,
    count: results.filter((r) => r.status === status).length,
  }));
  return (
    <div className="result">
      <p data-testid="batch-summary">
        {t('batch.summary', { count: results.length })}
        {counts
          .filter(({ count }) => count > 0)
          .map(({ status, count }) => `${t(`batch.status.${status}`)} ${count}`)
          .join(t('common.listSeparator'))}
      </p>
      <div className="table-scroll">
        <table data-testid="batch-results">
          <thead>
            <tr>
              <th>{t('batch.input')}</th>
              <th>{t('warranty.sn')}</th>
              <th>{t('warranty.model')}</th>
              <th>{t('warranty.warrantyEndsOn')}</th>
              <th>{t('batch.statusColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result, index) => (
              <BatchRow key={index} result={result} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const badgeOf = { in_warranty: 'ok', out_of_warranty: 'expired', unknown: 'missing', malformed: 'invalid' };

function BatchRow({ result }: { result: BatchLookupResult }) {
  const { t } = useTranslation();
  const warranty = 'warranty' in result ? result.warranty : undefined;
  // Rows that need the customer's attention stand out: a typo, or a machine we do not know.
  const flagged = result.status === 'unknown' || result.status === 'malformed';
  return (
    <tr className={flagged ? `flagged ${result.status}` : undefined}>
      <td className="mono">{result.input}</td>
      <td className="mono">{'sn' in result ? result.sn : '—'}</td>
      <td className="nowrap">{warranty?.model ?? '—'}</td>
      <td className="nowrap">{warranty?.warrantyEndsOn ?? '—'}</td>
      <td>
        <span className={`badge ${badgeOf[result.status]}`}>{t(`batch.status.${result.status}`)}</span>
      </td>
    </tr>
  );
}
