import type { RepairOrderDetail } from '@aftersales/contracts/repair-orders';
import { type FormEvent, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RepairOrderView } from '../repair-orders/use-repair-order';
import { beep } from './beep';
import { CameraScan } from './CameraScan';
import { scanLine, stillExpected } from './scan';

/** Said in the language on screen when shown, so that switching language translates it too. */
type Outcome = { kind: 'ok' | 'warning' | 'error'; say: (t: TFunction) => string };

/**
 * Unpacking the parcel: a USB scanner types each machine's SN and Enter into this field, which keeps the
 * focus, or the camera reads its label. A machine of the order is received at once, with a beep and the
 * count still expected.
 */
export function ReceiptScan({ order, view }: { order: RepairOrderDetail; view: RepairOrderView }) {
  const { t } = useTranslation();
  const [sn, setSn] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  // Scans arrive faster than answers: each is sent after the one before it, in the order scanned.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const path = `/api/repair-point/orders/${encodeURIComponent(order.diagnosisCode)}/receipt`;

  function scan(event: FormEvent) {
    event.preventDefault();
    setSn('');
    receive(sn);
  }

  function receive(value: string) {
    const scanned = value.trim();
    if (!scanned) return;
    const result = scanLine(order, scanned);
    if (result.kind === 'unknown') {
      beep('refused');
      setOutcome({ kind: 'error', say: (t) => t('console.notOnOrder', { sn: result.sn }) });
      return;
    }
    if (result.kind === 'already') {
      beep('again');
      setOutcome({
        kind: 'warning',
        say: (t) =>
          t('console.scannedBefore', { sn: result.line.sn, status: t(`lineStatus.${result.line.status}`) }),
      });
      return;
    }
    const { line } = result;
    queue.current = queue.current.then(async () => {
      // A scan means the same whatever changed meanwhile: it names no version.
      const next = await view.command(path, {
        body: { lines: [{ deviceOrderNo: line.deviceOrderNo, outcome: 'received' }] },
        onVersionShown: false,
      });
      if (!next) {
        beep('refused');
        setOutcome(undefined);
        return;
      }
      beep('received');
      const count = stillExpected(next);
      setOutcome({ kind: 'ok', say: (t) => t('console.received', { sn: line.sn, count }) });
    });
  }

  return (
    <form className="lookup-form scan-form" onSubmit={scan}>
      <label htmlFor="scan-sn">{t('console.scanSn')}</label>
      <div className="row">
        <input
          id="scan-sn"
          className="scan-input"
          value={sn}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder={t('console.scanSnPlaceholder')}
          onChange={(e) => setSn(e.target.value)}
        />
        <button type="submit">{t('console.receive')}</button>
        <CameraScan onCode={receive} />
      </div>
      <p className="still-expected" data-testid="still-expected" aria-live="polite">
        {t('console.stillExpected', { count: stillExpected(order) })}
      </p>
      {outcome && (
        <p
          className={`alert ${outcome.kind === 'ok' ? 'info' : outcome.kind}`}
          role="status"
          data-testid="scan-outcome"
        >
          {outcome.say(t)}
        </p>
      )}
    </form>
  );
}
