import { type DeviceLine, faultComponents } from '@aftersales/contracts/repair-orders';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, FormButtons } from '../admin/form-fields';
import { PhotoPicker } from '../photos/PhotoPicker';
import type { RepairOrderView } from '../repair-orders/use-repair-order';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ListEditor } from './ListEditor';
import {
  type DraftProblem,
  emptyFault,
  emptyPart,
  emptyProgress,
  type FaultComponent,
  progressOf,
  slotted,
} from './progress-draft';

interface ProgressFormProps {
  diagnosisCode: string;
  line: DeviceLine;
  view: RepairOrderView;
  onDone(): void;
}

/**
 * One entry of a machine's repair record: faults found with their structured codes, parts replaced, the
 * test and burn-in, notes, and, when it is known, the result.
 */
export function ProgressForm({ diagnosisCode, line, view, onDone }: ProgressFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(emptyProgress);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const update = (next: Partial<typeof draft>) => setDraft({ ...draft, ...next });
  const problemText = (p: DraftProblem) =>
    t(`progress.problems.${p.problem}`, {
      n: 'fault' in p ? p.fault + 1 : 'part' in p ? p.part + 1 : 0,
    });

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = progressOf(draft);
    if ('problems' in result) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    const saved = await view.command(
      `/api/repair-point/orders/${encodeURIComponent(diagnosisCode)}/lines/${line.deviceOrderNo}/progress`,
      { body: result.progress },
    );
    if (saved) onDone();
  }

  return (
    <form className="progress-form" onSubmit={save} noValidate data-testid="progress-form">
      <h3>{t('progress.heading', { sn: line.sn, model: line.model })}</h3>
      <ListEditor
        legend={t('progress.faults')}
        items={draft.faults}
        empty={emptyFault}
        addLabel={t('progress.addFault')}
        rowTestId="fault-row"
        onChange={(faults) => update({ faults })}
      >
        {(fault, setFault, i) => (
          <>
            <div className="field">
              <label htmlFor={`fault-${i}-component`}>{t('progress.component')}</label>
              <select
                id={`fault-${i}-component`}
                value={fault.component}
                onChange={(e) => setFault({ component: e.target.value as FaultComponent })}
              >
                {faultComponents.map((c) => (
                  <option key={c} value={c}>
                    {t(`faults.components.${c}`)}
                  </option>
                ))}
              </select>
            </div>
            {slotted.includes(fault.component) && (
              <div className="field narrow-field">
                <label htmlFor={`fault-${i}-position`}>{t('progress.position')}</label>
                <input
                  id={`fault-${i}-position`}
                  type="number"
                  min={1}
                  max={16}
                  value={fault.position}
                  onChange={(e) => setFault({ position: e.target.value })}
                />
              </div>
            )}
            {fault.component === 'hash_board' && (
              <div className="field">
                <label htmlFor={`fault-${i}-chips`}>{t('progress.chips')}</label>
                <input
                  id={`fault-${i}-chips`}
                  value={fault.chips}
                  placeholder="U12, U13"
                  spellCheck={false}
                  onChange={(e) => setFault({ chips: e.target.value })}
                />
              </div>
            )}
            <div className="field">
              <label htmlFor={`fault-${i}-code`}>{t('progress.code')}</label>
              <input
                id={`fault-${i}-code`}
                value={fault.code}
                maxLength={40}
                onChange={(e) => setFault({ code: e.target.value })}
              />
            </div>
            <div className="field grow">
              <label htmlFor={`fault-${i}-note`}>{t('progress.faultNote')}</label>
              <input
                id={`fault-${i}-note`}
                value={fault.note}
                maxLength={500}
                onChange={(e) => setFault({ note: e.target.value })}
              />
            </div>
          </>
        )}
      </ListEditor>

      <ListEditor
        legend={t('progress.parts')}
        items={draft.parts}
        empty={emptyPart}
        addLabel={t('progress.addPart')}
        onChange={(parts) => update({ parts })}
      >
        {(part, setPart, i) => (
          <>
            <div className="field grow">
              <label htmlFor={`part-${i}-name`}>{t('progress.part')}</label>
              <input
                id={`part-${i}-name`}
                value={part.part}
                maxLength={120}
                onChange={(e) => setPart({ part: e.target.value })}
              />
            </div>
            <div className="field narrow-field">
              <label htmlFor={`part-${i}-quantity`}>{t('progress.quantity')}</label>
              <input
                id={`part-${i}-quantity`}
                type="number"
                min={1}
                value={part.quantity}
                onChange={(e) => setPart({ quantity: e.target.value })}
              />
            </div>
          </>
        )}
      </ListEditor>

      <fieldset>
        <legend>{t('progress.test')}</legend>
        <CheckboxField
          label={t('progress.tested')}
          checked={draft.tested}
          onChange={(e) => update({ tested: e.target.checked })}
        />
        {draft.tested && (
          <div className="fault-row">
            <div className="field">
              <label htmlFor="test-passed">{t('progress.testOutcome')}</label>
              <select
                id="test-passed"
                value={draft.passed ? 'passed' : 'failed'}
                onChange={(e) => update({ passed: e.target.value === 'passed' })}
              >
                <option value="passed">{t('faults.testPassed')}</option>
                <option value="failed">{t('faults.testFailed')}</option>
              </select>
            </div>
            <div className="field narrow-field">
              <label htmlFor="test-burn-in">{t('progress.burnInHours')}</label>
              <input
                id="test-burn-in"
                type="number"
                min={0}
                max={720}
                value={draft.burnInHours}
                onChange={(e) => update({ burnInHours: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="test-hashrate">{t('progress.hashrate')}</label>
              <input
                id="test-hashrate"
                value={draft.hashrate}
                maxLength={40}
                placeholder="110 TH/s"
                onChange={(e) => update({ hashrate: e.target.value })}
              />
            </div>
          </div>
        )}
      </fieldset>

      <div className="field">
        <label htmlFor="progress-note">{t('progress.note')}</label>
        <textarea
          id="progress-note"
          rows={2}
          maxLength={2000}
          value={draft.note}
          onChange={(e) => update({ note: e.target.value })}
        />
      </div>
      <div className="field">
        <span className="label">{t('photos.heading')}</span>
        <PhotoPicker
          base={`/api/repair-point/orders/${encodeURIComponent(diagnosisCode)}/photos`}
          photos={draft.photos}
          onChange={(photos) => update({ photos })}
          subject={line.sn}
        />
      </div>

      <fieldset>
        <legend>{t('progress.result')}</legend>
        <div className="choices">
          {(['', 'repaired', 'unrepairable'] as const).map((result) => (
            <label key={result || 'none'}>
              <input
                type="radio"
                name="progress-result"
                checked={draft.result === result}
                onChange={() => update({ result })}
              />
              {result ? t(`lineStatus.${result}`) : t('progress.stillRepairing')}
            </label>
          ))}
        </div>
      </fieldset>

      {problems.length > 0 && (
        <ErrorAlert>
          {problems.map((p) => (
            <span key={problemText(p)} className="block">
              {problemText(p)}
            </span>
          ))}
        </ErrorAlert>
      )}
      <FormButtons busy={view.busy} label={t('progress.save')} onCancel={onDone} />
    </form>
  );
}
