import { type RepairPoint, repairPointKinds } from '@aftersales/contracts/warranty';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { CheckboxField, Field, FormActions, numberFrom, TextField, useSubmission } from './form-fields';
import { saveEntry } from './save-entry';

const fields = [
  'id',
  'kind',
  'name',
  'country',
  'region',
  'city',
  'address',
  'contact',
  'phone',
  'email',
  'models',
  'capacityPerWeek',
  'active',
] as const;

/**
 * The point as the API takes it. Optional fields left empty are left out (JSON drops undefined), the
 * country code is upper-cased as the field shows it, and the rest goes as typed, for the server to judge.
 */
function inputOf(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    kind: text('kind'),
    name: text('name'),
    country: text('country').toUpperCase(),
    region: text('region'),
    city: text('city'),
    address: text('address'),
    contact: text('contact'),
    phone: text('phone'),
    email: text('email') || undefined,
    // Model names hold spaces ("VolcMiner D1 Lite"), so only lines and commas separate them.
    models: text('models')
      .split(/[\n,，]/)
      .map((model) => model.trim())
      .filter((model) => model !== ''),
    capacityPerWeek: numberFrom(form, 'capacityPerWeek'),
    active: form.get('active') === 'on',
  };
}

interface RepairPointFormProps {
  /** The point to change; none registers a new one. */
  point?: RepairPoint;
  onSaved(point: RepairPoint): void;
  onCancel(): void;
}

export function RepairPointForm({ point, onSaved, onCancel }: RepairPointFormProps) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { busy, fieldErrors, error, submit } = useSubmission();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = inputOf(form);
    const entry = point
      ? { key: point.id, version: point.version }
      : { newKey: { id: String(form.get('id') ?? '').trim() } };
    const saved = await submit(() => saveEntry<RepairPoint>(api, '/api/admin/repair-points', input, entry), {
      fields,
    });
    if (saved) onSaved(saved);
  }

  return (
    <section className="card">
      <h2>{point ? t('adminPoints.editHeading', { name: point.name }) : t('adminPoints.newHeading')}</h2>
      <form className="form-grid" onSubmit={save}>
        {point ? (
          <p className="field full muted">{t('adminPoints.idFixed', { id: point.id })}</p>
        ) : (
          <TextField
            name="id"
            required
            label={t('adminPoints.id')}
            hint={t('adminPoints.idHint')}
            error={fieldErrors.id}
            autoFocus
            wide
          />
        )}
        <Field name="kind" label={t('repairPoints.kind')} error={fieldErrors.kind}>
          {(control) => (
            <select {...control} defaultValue={point?.kind ?? 'official'}>
              {repairPointKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`repairPoints.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          name="name"
          required
          label={t('adminPoints.name')}
          defaultValue={point?.name}
          error={fieldErrors.name}
          autoFocus={point !== undefined}
        />
        <TextField
          name="country"
          required
          label={t('adminPoints.country')}
          hint={t('adminPoints.countryHint')}
          defaultValue={point?.country}
          error={fieldErrors.country}
          className="upper"
        />
        <TextField
          name="region"
          required
          label={t('adminPoints.region')}
          hint={t('adminPoints.regionHint')}
          defaultValue={point?.region}
          error={fieldErrors.region}
        />
        <TextField
          name="city"
          required
          label={t('adminPoints.city')}
          defaultValue={point?.city}
          error={fieldErrors.city}
        />
        <TextField
          name="contact"
          required
          label={t('repairPoints.contact')}
          defaultValue={point?.contact}
          error={fieldErrors.contact}
        />
        <TextField
          name="address"
          required
          label={t('repairPoints.address')}
          defaultValue={point?.address}
          error={fieldErrors.address}
          wide
        />
        <TextField
          name="phone"
          required
          label={t('repairPoints.phone')}
          type="tel"
          defaultValue={point?.phone}
          error={fieldErrors.phone}
        />
        <TextField
          name="email"
          label={t('adminPoints.emailOptional')}
          type="email"
          defaultValue={point?.email}
          error={fieldErrors.email}
        />
        <Field
          name="models"
          label={t('repairPoints.models')}
          hint={t('adminPoints.modelsHint')}
          error={fieldErrors.models}
          wide
        >
          {(control) => <textarea {...control} rows={3} defaultValue={point?.models.join('\n')} />}
        </Field>
        <TextField
          name="capacityPerWeek"
          label={t('adminPoints.capacity')}
          type="number"
          min={0}
          defaultValue={point?.capacityPerWeek}
          error={fieldErrors.capacityPerWeek}
        />
        <CheckboxField
          name="active"
          defaultChecked={point?.active ?? true}
          label={t('adminPoints.active')}
          hint={t('adminPoints.activeHint')}
        />
        <FormActions busy={busy} error={error} onCancel={onCancel} />
      </form>
    </section>
  );
}
