import type { RepairPoint } from '@aftersales/contracts/warranty';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../use-resource';
import { PlaceFilter } from './PlaceFilter';
import { placesOf } from './place-names';
import { RepairPointCard } from './RepairPointCard';
import { ErrorAlert } from '../ui/ErrorAlert';

/** Where an out-of-warranty machine can be repaired at the customer's cost, nearest first. */
export function ThirdPartyPointsNearby() {
  const { t } = useTranslation();
  // Most customers are in China; the customer names their region to bring its points to the top.
  const [place, setPlace] = useState({ country: 'CN', region: '' });
  const near = place.region ? `${place.country}/${place.region}` : place.country;
  const points = useResource<RepairPoint[]>(
    `/api/repair-points?kind=third_party&near=${encodeURIComponent(near)}`,
  );

  return (
    <div className="nearby">
      <h2>{t('repairPoints.thirdPartyHeading')}</h2>
      <p className="muted small">{t('repairPoints.thirdPartyIntro')}</p>
      <div className="filters">
        {/* Every point is listed whatever the place; the place only orders them. */}
        <PlaceFilter places={placesOf(points.data ?? [])} {...place} onChange={setPlace} />
      </div>
      {points.status === 'failed' && (
        <ErrorAlert>{t('common.loadFailed', { message: points.message })}</ErrorAlert>
      )}
      {points.status === 'loaded' && points.data.length === 0 && (
        <p className="muted">{t('repairPoints.noneYet')}</p>
      )}
      <div className="points" aria-busy={points.status === 'loading'}>
        {points.data?.map((point) => (
          <RepairPointCard key={point.id} point={point} />
        ))}
      </div>
    </div>
  );
}
