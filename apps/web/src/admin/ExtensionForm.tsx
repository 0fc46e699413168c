import type { WarrantyLookupReply } from '@aftersales/contracts/warranty';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { WarrantyBasis } from '../warranty/WarrantyBasis';
import { FormActions, numberFrom, TextField, useSubmission } from './form-fields';

/** Extends one machine's warranty, with the reason the customer will read. */
export function ExtensionForm() {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { busy, fieldErrors, error, submit } = useSubmission();
  const [warranty, setWarranty] = useState<WarrantyLookupReply>();
  // One id per extension: a resubmitted form after a failure grants it once; a new grant gets a new id.
  const extensionId = useRef(crypto.randomUUID());

  async function grant(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const sn = String(form.get('sn')).trim();
    setWarranty(undefined);
    const reply = await submit(
      () =>
        api<WarrantyLookupReply>(`/api/admin/devices/${encodeURIComponent(sn)}/extensions`, {
          method: 'POST',
          body: {
            extensionId: extensionId.current,
            months: numberFrom(form, 'months'),
            reason: String(form.get('reason')),
          },
        }),
      { fields: ['sn', 'months', 'reason'] },
    );
    if (reply) {
      setWarranty(reply);
      extensionId.current = crypto.randomUUID();
    }
  }

  return (
    <section className="card">
      <h2>{t('adminPolicies.extensionHeading')}</h2>
      <p className="muted">{t('adminPolicies.extensionIntro')}</p>
      <form className="form-grid" onSubmit={grant}>
        <TextField
          name="sn"
          required
          label={t('warranty.sn')}
          placeholder={t('warranty.snPlaceholder')}
          spellCheck={false}
          error={fieldErrors.sn}
        />
        <TextField
          name="months"
          required
          label={t('adminPolicies.extensionMonths')}
          type="number"
          min={1}
          max={60}
          error={fieldErrors.months}
        />
        <TextField
          name="reason"
          required
          label={t('adminPolicies.reason')}
          hint={t('adminPolicies.reasonHint')}
          maxLength={300}
          error={fieldErrors.reason}
          wide
        />
        <FormActions busy={busy} error={error} label={t('adminPolicies.grant')} />
      </form>
      {warranty && (
        <div className="result" role="status" data-testid="extension-result">
          <p>
            {t('adminPolicies.newEndDate', { sn: warranty.sn, date: warranty.warrantyEndsOn })}{' '}
            <span className={warranty.inWarranty ? 'badge ok' : 'badge expired'}>
              {warranty.inWarranty ? t('warranty.inWarranty') : t('warranty.outOfWarranty')}
            </span>
          </p>
          <WarrantyBasis basis={warranty.basis} />
        </div>
      )}
    </section>
  );
}
