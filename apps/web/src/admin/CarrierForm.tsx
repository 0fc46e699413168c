import {
  type Carrier,
  type CarrierInput,
  type CheckDigitScheme,
  checkDigitSchemes,
  trackingNumberProblem,
  type TrackingRule,
} from '@aftersales/contracts/logistics';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { exampleNumber } from '../repair-orders/tracking-example';
import { CheckboxField, Field, FormActions, TextField, useSubmission } from './form-fields';
import { saveEntry } from './save-entry';

const fields = [
  'code',
  'nameZh',
  'nameEn',
  'pattern',
  'checkDigit',
  'trackingUrl',
  'aftershipSlug',
  'active',
] as const;

/** The carrier as the API takes it; optional fields left empty are left out. */
function inputOf(form: FormData): CarrierInput {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const checkDigit = text('checkDigit');
  const aftershipSlug = text('aftershipSlug');
  return {
    nameZh: text('nameZh'),
    nameEn: text('nameEn'),
    pattern: text('pattern'),
    ...(checkDigit ? { checkDigit: checkDigit as CheckDigitScheme } : {}),
    trackingUrl: text('trackingUrl'),
    ...(aftershipSlug ? { aftershipSlug } : {}),
    active: form.get('active') === 'on',
  };
}

type Trial = 'fits' | 'format' | 'check_digit' | 'pattern_invalid';

const ruleOf = (pattern: string, checkDigit: string): TrackingRule => ({
  pattern,
  ...(checkDigit ? { checkDigit: checkDigit as CheckDigitScheme } : {}),
});

/** What the rule being edited says of a number typed to try it. */
function trialOf(rule: TrackingRule, number: string): Trial | undefined {
  if (!number.trim() || !rule.pattern.trim()) return undefined;
  try {
    return trackingNumberProblem(rule, number) ?? 'fits';
  } catch {
    return 'pattern_invalid';
  }
}

interface CarrierFormProps {
  /** The carrier to change; none registers a new one. */
  carrier?: Carrier;
  onSaved(carrier: Carrier): void;
  onCancel(): void;
}

export function CarrierForm({ carrier, onSaved, onCancel }: CarrierFormProps) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { busy, fieldErrors, error, submit } = useSubmission();
  // The rule is held as typed, to try numbers against it before saving.
  const [pattern, setPattern] = useState(carrier?.pattern ?? '');
  const [checkDigit, setCheckDigit] = useState<string>(carrier?.checkDigit ?? '');
  const [trialNumber, setTrialNumber] = useState('');
  const rule = ruleOf(pattern, checkDigit);
  const trial = trialOf(rule, trialNumber);
  const example = pattern.trim() ? exampleNumber(rule) : undefined;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = inputOf(form);
    const entry = carrier
      ? { key: carrier.code, version: carrier.version }
      : { newKey: { code: String(form.get('code') ?? '').trim() } };
    const saved = await submit(() => saveEntry<Carrier>(api, '/api/admin/carriers', input, entry), {
      fields,
    });
    if (saved) onSaved(saved);
  }

  return (
    <section className="card">
      <h2>
        {carrier ? t('adminCarriers.editHeading', { name: carrier.nameZh }) : t('adminCarriers.newHeading')}
      </h2>
      <form className="form-grid" onSubmit={save} data-testid="carrier-form">
        {carrier ? (
          <p className="field full muted">{t('adminCarriers.codeFixed', { code: carrier.code })}</p>
        ) : (
          <TextField
            name="code"
            required
            label={t('adminCarriers.code')}
            hint={t('adminCarriers.codeHint')}
            error={fieldErrors.code}
            autoFocus
            wide
          />
        )}
        <TextField
          name="nameZh"
          required
          label={t('adminCarriers.nameZh')}
          defaultValue={carrier?.nameZh}
          error={fieldErrors.nameZh}
          autoFocus={carrier !== undefined}
        />
        <TextField
          name="nameEn"
          required
          label={t('adminCarriers.nameEn')}
          defaultValue={carrier?.nameEn}
          error={fieldErrors.nameEn}
        />
        <TextField
          name="pattern"
          required
          label={t('adminCarriers.pattern')}
          hint={t('adminCarriers.patternHint')}
          value={pattern}
          onChange={(e) => setPattern(e.target.value)}
          error={fieldErrors.pattern}
          className="mono"
          spellCheck={false}
        />
        <Field name="checkDigit" label={t('adminCarriers.checkDigit')} error={fieldErrors.checkDigit}>
          {(control) => (
            <select {...control} value={checkDigit} onChange={(e) => setCheckDigit(e.target.value)}>
              <option value="">{t('adminCarriers.noCheckDigit')}</option>
              {checkDigitSchemes.map((scheme) => (
                <option key={scheme} value={scheme}>
                  {t(`adminCarriers.checkDigits.${scheme}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          name="trialNumber"
          label={t('adminCarriers.trial')}
          hint={example ? t('shipment.trackingExample', { example }) : undefined}
          value={trialNumber}
          onChange={(e) => setTrialNumber(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <p className="field" role="status" data-testid="carrier-trial">
          {trial && (
            <span className={trial === 'fits' ? 'ok-text' : 'field-error'}>
              {t(`adminCarriers.trials.${trial}`)}
            </span>
          )}
        </p>
        <TextField
          name="trackingUrl"
          required
          type="url"
          label={t('adminCarriers.trackingUrl')}
          hint={t('adminCarriers.trackingUrlHint')}
          defaultValue={carrier?.trackingUrl}
          error={fieldErrors.trackingUrl}
          wide
        />
        <TextField
          name="aftershipSlug"
          label={t('adminCarriers.aftershipSlug')}
          hint={t('adminCarriers.aftershipSlugHint')}
          defaultValue={carrier?.aftershipSlug}
          error={fieldErrors.aftershipSlug}
        />
        <CheckboxField
          name="active"
          defaultChecked={carrier?.active ?? true}
          label={t('adminCarriers.active')}
          hint={t('adminCarriers.activeHint')}
        />
        <FormActions busy={busy} error={error} onCancel={onCancel} />
      </form>
    </section>
  );
}
