import type { RepairPoint } from '@aftersales/contracts/warranty';
import { useTranslation } from 'react-i18next';
import { placeOf } from './place-names';

/** One point as a customer needs it to get in touch: where it is and whom to call. */
export function RepairPointCard({ point }: { point: RepairPoint }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="point" data-testid="repair-point">
      <header>
        <h3>{point.name}</h3>
        <span className={`badge ${point.kind}`}>{t(`repairPoints.kinds.${point.kind}`)}</span>
      </header>
      <p className="muted small">{placeOf(point, i18n.language)}</p>
      <dl>
        <dt>{t('repairPoints.address')}</dt>
        <dd>{point.address}</dd>
        <dt>{t('repairPoints.contact')}</dt>
        <dd>{point.contact}</dd>
        <dt>{t('repairPoints.phone')}</dt>
        <dd>
          <a href={`tel:${point.phone.replace(/\s+/g, '')}`}>{point.phone}</a>
        </dd>
        {point.email && (
          <>
            <dt>{t('repairPoints.email')}</dt>
            <dd>
              <a href={`mailto:${point.email}`}>{point.email}</a>
            </dd>
          </>
        )}
        {point.models.length > 0 && (
          <>
            <dt>{t('repairPoints.models')}</dt>
            <dd>{point.models.join(t('common.listSeparator'))}</dd>
          </>
        )}
      </dl>
    </article>
  );
}
