import { type RepairPoint, repairPointKinds } from '@aftersales/contracts/warranty';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useResource } from '../use-resource';
import { PlaceFilter } from './PlaceFilter';
import { placesOf } from './place-names';
import { RepairPointCard } from './RepairPointCard';
import { ErrorAlert } from '../ui/ErrorAlert';

/**
 * The public service network, official and third-party. The filters live in the URL, so a filtered list
 * can be shared. The network is a few dozen points: one request gives both the choices and the list.
 */
export function RepairPointFinderPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const country = params.get('country') ?? '';
  const region = params.get('region') ?? '';
  const points = useResource<RepairPoint[]>('/api/repair-points');

  const filter = (changes: Record<string, string>) =>
    setParams(
      Object.entries({ kind, country, region, ...changes }).filter(([, value]) => value !== ''),
      { replace: true },
    );
  const shown = (points.data ?? []).filter(
    (p) =>
      (!kind || p.kind === kind) && (!country || p.country === country) && (!region || p.region === region),
  );

  return (
    <section className="card wide">
      <h1>{t('repairPoints.finderHeading')}</h1>
      <p className="muted">{t('repairPoints.finderIntro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="kind">{t('repairPoints.kind')}</label>
          <select id="kind" value={kind} onChange={(e) => filter({ kind: e.target.value })}>
            <option value="">{t('repairPoints.allKinds')}</option>
            {repairPointKinds.map((k) => (
              <option key={k} value={k}>
                {t(`repairPoints.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <PlaceFilter
          places={placesOf(points.data ?? [])}
          country={country}
          region={region}
          anyCountry
          onChange={filter}
        />
      </div>
      {points.status === 'failed' && (
        <ErrorAlert>{t('common.loadFailed', { message: points.message })}</ErrorAlert>
      )}
      {points.status === 'loaded' && (
        <p className="muted small" data-testid="finder-count">
          {shown.length === 0 ? t('repairPoints.noMatch') : t('repairPoints.count', { count: shown.length })}
        </p>
      )}
      <div className="points grid">
        {shown.map((point) => (
          <RepairPointCard key={point.id} point={point} />
        ))}
      </div>
    </section>
  );
}
