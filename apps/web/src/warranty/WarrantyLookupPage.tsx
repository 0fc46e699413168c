import type { WarrantyLookupReply } from '@aftersales/contracts/warranty';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { ThirdPartyPointsNearby } from '../repair-points/ThirdPartyPointsNearby';
import { BatchLookupCard } from './BatchLookupCard';
import { type LookupState, useWarrantyLookup } from './use-warranty-lookup';
import { WarrantyBasis } from './WarrantyBasis';
import { ErrorAlert } from '../ui/ErrorAlert';

/** "Start a ticket": one machine's warranty, and a batch of them for mining farms. */
export function WarrantyLookupPage() {
  return (
    <div className="page">
      <SingleLookupCard />
      <BatchLookupCard />
    </div>
  );
}

function SingleLookupCard() {
  const { t } = useTranslation();
  const { state, lookUp } = useWarrantyLookup();
  const [sn, setSn] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    void lookUp(sn);
  }

  return (
    <section className="card">
      <h1>{t('warranty.heading')}</h1>
      <p className="muted">{t('warranty.intro')}</p>
      <form className="lookup-form" onSubmit={submit} noValidate>
        <label htmlFor="sn">{t('warranty.snLabel')}</label>
        <div className="row">
          <input
            id="sn"
            name="sn"
            value={sn}
            onChange={(e) => setSn(e.target.value)}
            placeholder={t('warranty.snPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={state.kind === 'invalid'}
          />
          <button type="submit" disabled={state.kind === 'loading'}>
            {state.kind === 'loading' ? t('warranty.lookingUp') : t('warranty.lookUp')}
          </button>
        </div>
      </form>
      <LookupOutcome state={state} />
    </section>
  );
}

function LookupOutcome({ state }: { state: LookupState }) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'idle':
    case 'loading':
      return null;
    case 'invalid':
      return <ErrorAlert>{t('warranty.invalidSn')}</ErrorAlert>;
    case 'not-found':
      return <ErrorAlert>{t('warranty.notFound', { sn: state.sn })}</ErrorAlert>;
    case 'failed':
      return <ErrorAlert>{t('warranty.failed', { message: state.message })}</ErrorAlert>;
    case 'found':
      return <WarrantyCard warranty={state.warranty} />;
  }
}

function WarrantyCard({ warranty }: { warranty: WarrantyLookupReply }) {
  const { t } = useTranslation();
  const { state } = useAuth();
  // Customers open consultations; agents and others look machines up for information only.
  const customer = state.status === 'signed-in' && state.user.role === 'customer';
  return (
    <div className="result" data-testid="warranty-result">
      <span className={warranty.inWarranty ? 'badge ok' : 'badge expired'}>
        {warranty.inWarranty ? t('warranty.inWarranty') : t('warranty.outOfWarranty')}
      </span>
      <dl>
        <dt>{t('warranty.model')}</dt>
        <dd>{warranty.model}</dd>
        <dt>{t('warranty.sn')}</dt>
        <dd>{warranty.sn}</dd>
        <dt>{t('warranty.shippedOn')}</dt>
        <dd>{warranty.shippedOn}</dd>
        <dt>{t('warranty.warrantyEndsOn')}</dt>
        <dd>{warranty.warrantyEndsOn}</dd>
        <dt>{t('warranty.basis')}</dt>
        <dd>
          <WarrantyBasis basis={warranty.basis} />
        </dd>
      </dl>
      {warranty.inWarranty ? (
        <>
          <p className="alert info">{t('warranty.inWarrantyNote')}</p>
          {customer && (
            <Link className="button primary" to={`/consultations/new?sn=${encodeURIComponent(warranty.sn)}`}>
              {t('warranty.createConsultation')}
            </Link>
          )}
        </>
      ) : (
        <>
          <p className="alert warning">{t('warranty.outOfWarrantyNote')}</p>
          <ThirdPartyPointsNearby />
        </>
      )}
    </div>
  );
}
