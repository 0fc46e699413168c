import { MAX_MAIL_IN_DEVICES } from '@aftersales/contracts/repair-orders';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoPicker } from '../photos/PhotoPicker';
import { ErrorAlert } from '../ui/ErrorAlert';
import { splitSerialNumbers } from '../warranty/sn-list';
import { readDevicesCsv } from './devices-csv';
import type { LineView } from './mail-in-lines';
import type { CheckedLines } from './use-checked-lines';

interface DeviceLinesEditorProps {
  lines: CheckedLines;
  /** Where the order's photos are uploaded. */
  photosBase: string;
  /** Show a missing fault description as a problem: after a first try to submit. */
  showErrors: boolean;
}

/** The machines to mail in: each on its own line with its check and fault, added one by one or many at once. */
export function DeviceLinesEditor({ lines, photosBase, showErrors }: DeviceLinesEditorProps) {
  const { t } = useTranslation();
  const { views, progress, checkError } = lines;
  return (
    <>
      {views.length === 0 ? (
        <p className="muted">{t('mailIn.noDevices')}</p>
      ) : (
        <div className="table-scroll">
          <table className="stack mail-in-lines" data-testid="mail-in-lines">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('tickets.sn')}</th>
                <th>{t('tickets.deviceName')}</th>
                <th>{t('mailIn.fault')}</th>
                <th>{t('mailIn.check')}</th>
                <th>
                  <span className="visually-hidden">{t('mailIn.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {views.map((line, index) => (
                <DeviceLineRow
                  key={line.key}
                  line={line}
                  index={index}
                  lines={lines}
                  photosBase={photosBase}
                  showErrors={showErrors}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {progress && (
        <div className="check-progress" role="status">
          <span className="small">{t('mailIn.checking', progress)}</span>
          <progress max={progress.total} value={progress.checked} aria-label={t('mailIn.checkProgress')} />
        </div>
      )}
      {checkError && (
        <ErrorAlert>
          {t('mailIn.checkFailed', { message: checkError })}{' '}
          <button type="button" className="link" onClick={lines.retryChecks}>
            {t('mailIn.retry')}
          </button>
        </ErrorAlert>
      )}
      <AddOne lines={lines} />
      <AddMany lines={lines} />
    </>
  );
}

function DeviceLineRow({
  line,
  index,
  lines,
  photosBase,
  showErrors,
}: {
  line: LineView;
  index: number;
  lines: CheckedLines;
  photosBase: string;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const faultMissing = showErrors && line.fault.trim() === '';
  return (
    <tr
      className={line.problem ? 'flagged malformed' : undefined}
      data-testid="mail-in-line"
      data-sn={line.sn}
    >
      <td data-label="#">{index + 1}</td>
      <td className="mono" data-label={t('tickets.sn')}>
        {line.input}
      </td>
      <td data-label={t('tickets.deviceName')}>{line.model ?? '—'}</td>
      <td data-label={t('mailIn.fault')}>
        <input
          className="fault-input"
          aria-label={t('mailIn.faultOf', { sn: line.input })}
          value={line.fault}
          maxLength={1000}
          placeholder={t('mailIn.faultPlaceholder')}
          aria-invalid={faultMissing}
          onChange={(e) => lines.edit(line.key, { fault: e.target.value })}
        />
        {faultMissing && <span className="field-error">{t('mailIn.faultMissing')}</span>}
        <PhotoPicker
          base={photosBase}
          photos={line.photos}
          onChange={(photos) => lines.edit(line.key, { photos })}
          subject={line.input}
        />
      </td>
      <td data-label={t('mailIn.check')} data-testid="line-check">
        {!line.checked ? (
          <span className="muted">{t('mailIn.checkingLine')}</span>
        ) : line.problem ? (
          <span className="error-text">
            {t(`mailIn.problems.${line.problem}`, { diagnosisCode: line.check?.diagnosisCode ?? '' })}
          </span>
        ) : (
          <span className="ok-text">{t('mailIn.ok')}</span>
        )}
      </td>
      <td>
        <button
          type="button"
          className="secondary small-button"
          aria-label={t('mailIn.removeSn', { sn: line.input })}
          onClick={() => lines.remove(line.key)}
        >
          {t('mailIn.remove')}
        </button>
      </td>
    </tr>
  );
}

/** One machine: its SN and what is wrong with it. */
function AddOne({ lines }: { lines: CheckedLines }) {
  const { t } = useTranslation();
  const [sn, setSn] = useState('');
  const [fault, setFault] = useState('');
  const full = lines.views.length >= MAX_MAIL_IN_DEVICES;

  function add(event: FormEvent) {
    event.preventDefault();
    if (!sn.trim() || full) return;
    lines.add([{ sn, fault: fault.trim() }]);
    setSn('');
    setFault('');
  }

  return (
    <form className="add-device" onSubmit={add} noValidate>
      <h3>{t('mailIn.addOne')}</h3>
      <div className="add-device-fields">
        <div className="field">
          <label htmlFor="add-sn">{t('mailIn.newSn')}</label>
          <input
            id="add-sn"
            value={sn}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('warranty.snPlaceholder')}
            onChange={(e) => setSn(e.target.value)}
          />
        </div>
        <div className="field grow">
          <label htmlFor="add-fault">{t('mailIn.newFault')}</label>
          <input
            id="add-fault"
            value={fault}
            maxLength={1000}
            placeholder={t('mailIn.faultPlaceholder')}
            onChange={(e) => setFault(e.target.value)}
          />
        </div>
        <button type="submit" className="secondary" disabled={full}>
          {t('mailIn.add')}
        </button>
      </div>
      {full && <p className="small error-text">{t('mailIn.full', { max: MAX_MAIL_IN_DEVICES })}</p>}
    </form>
  );
}

/** Many machines: a pasted list of SNs with one fault for all, or a CSV file with a fault per machine. */
function AddMany({ lines }: { lines: CheckedLines }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [fault, setFault] = useState('');
  const [fileError, setFileError] = useState<string>();
  const room = MAX_MAIL_IN_DEVICES - lines.views.length;
  const sns = splitSerialNumbers(text);

  function add(devices: { sn: string; fault: string }[]): boolean {
    if (devices.length > room) {
      setFileError(t('mailIn.tooMany', { count: devices.length, room, max: MAX_MAIL_IN_DEVICES }));
      return false;
    }
    setFileError(undefined);
    lines.add(devices);
    return true;
  }

  function addPasted(event: FormEvent) {
    event.preventDefault();
    if (sns.length === 0) return;
    if (add(sns.map((sn) => ({ sn, fault: fault.trim() })))) setText('');
  }

  async function addFile(file: File) {
    try {
      const devices = readDevicesCsv(await file.text());
      if (devices.length === 0) setFileError(t('mailIn.csvEmpty', { name: file.name }));
      else add(devices);
    } catch (error) {
      setFileError(t('mailIn.csvUnreadable', { name: file.name, message: (error as Error).message }));
    }
  }

  return (
    <details className="add-many">
      <summary>{t('mailIn.addMany')}</summary>
      <form className="stacked" onSubmit={addPasted} noValidate>
        <label htmlFor="paste-sns">{t('mailIn.pasteLabel')}</label>
        <textarea
          id="paste-sns"
          rows={5}
          value={text}
          spellCheck={false}
          placeholder={t('batch.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <label htmlFor="paste-fault">{t('mailIn.pasteFault')}</label>
        <input
          id="paste-fault"
          value={fault}
          maxLength={1000}
          placeholder={t('mailIn.faultPlaceholder')}
          onChange={(e) => setFault(e.target.value)}
        />
        <div className="form-footer">
          <span className="muted small">{t('mailIn.pasted', { count: sns.length })}</span>
          <button type="submit" className="secondary" disabled={sns.length === 0}>
            {t('mailIn.addPasted')}
          </button>
        </div>
      </form>
      <div className="csv-upload">
        <p className="muted small">{t('mailIn.csvHint')}</p>
        <input
          id="devices-csv"
          type="file"
          accept=".csv,text/csv"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void addFile(file);
          }}
        />
        <label htmlFor="devices-csv" className="button secondary">
          {t('mailIn.uploadCsv')}
        </label>
      </div>
      {fileError && <ErrorAlert>{fileError}</ErrorAlert>}
    </details>
  );
}
