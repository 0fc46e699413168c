import type { WarrantyPolicy } from '@aftersales/contracts/warranty';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { useResource } from '../use-resource';
import { formatMonths } from '../warranty/WarrantyBasis';
import { ManagedTableHead } from './admin-table';
import { ExtensionForm } from './ExtensionForm';
import { FormActions, numberFrom, TextField, useSubmission } from './form-fields';
import { ErrorAlert } from '../ui/ErrorAlert';

/** Warranty length per model, and extensions for single machines. */
export function WarrantyPoliciesPage() {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const policies = useResource<WarrantyPolicy[]>('/api/admin/warranty-policies', api);
  // Choosing a row fills the form; the key gives the form that row's values.
  const [chosen, setChosen] = useState<WarrantyPolicy>();

  return (
    <div className="page">
      <section className="card">
        <h1>{t('adminPolicies.heading')}</h1>
        <p className="muted">{t('adminPolicies.intro')}</p>
        {policies.status === 'failed' && (
          <ErrorAlert>{t('common.loadFailed', { message: policies.message })}</ErrorAlert>
        )}
        {policies.data && (
          <table data-testid="warranty-policies">
            <ManagedTableHead columns={[t('warranty.model'), t('adminPolicies.months')]} />
            <tbody>
              {policies.data.map((policy) => (
                <tr key={policy.model}>
                  <td>{policy.model}</td>
                  <td>{formatMonths(policy.months, i18n.language)}</td>
                  <td>
                    <button
                      type="button"
                      className="secondary small-button"
                      aria-label={t('adminPolicies.changeLabel', { model: policy.model })}
                      onClick={() => setChosen(policy)}
                    >
                      {t('adminPolicies.change')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <PolicyForm
          key={chosen?.model}
          policy={chosen}
          models={policies.data?.map((p) => p.model) ?? []}
          onSaved={policies.reload}
        />
      </section>
      <ExtensionForm />
    </div>
  );
}

interface PolicyFormProps {
  policy?: WarrantyPolicy;
  /** Known models, offered while typing; a new model gets its first policy here too. */
  models: string[];
  onSaved(): void;
}

function PolicyForm({ policy, models, onSaved }: PolicyFormProps) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const { busy, fieldErrors, error, submit } = useSubmission();
  const [saved, setSaved] = useState<WarrantyPolicy>();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(undefined);
    const body = { model: String(form.get('model')).trim(), months: numberFrom(form, 'months') };
    const reply = await submit(
      () => api<WarrantyPolicy>('/api/admin/warranty-policies', { method: 'PUT', body }),
      { fields: ['model', 'months'] },
    );
    if (reply) {
      setSaved(reply);
      onSaved();
    }
  }

  return (
    <form className="form-grid policy-form" onSubmit={save}>
      <h2 className="field full">{t('adminPolicies.setHeading')}</h2>
      <TextField
        name="model"
        required
        label={t('warranty.model')}
        list="known-models"
        defaultValue={policy?.model}
        error={fieldErrors.model}
      />
      <datalist id="known-models">
        {models.map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
      <TextField
        name="months"
        required
        label={t('adminPolicies.months')}
        type="number"
        min={0}
        max={120}
        defaultValue={policy?.months}
        error={fieldErrors.months}
        autoFocus={policy !== undefined}
      />
      <FormActions busy={busy} error={error}>
        {saved && (
          <p className="alert info" role="status">
            {t('adminPolicies.saved', {
              model: saved.model,
              months: formatMonths(saved.months, i18n.language),
            })}
          </p>
        )}
      </FormActions>
    </form>
  );
}
