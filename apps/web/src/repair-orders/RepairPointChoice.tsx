import type { RepairPoint } from '@aftersales/contracts/warranty';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlaceFilter } from '../repair-points/PlaceFilter';
import { placeOf, placesOf } from '../repair-points/place-names';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useOfficialPoints } from './use-official-points';

interface RepairPointChoiceProps {
  /** The models on the form: only a point that repairs every one of them can take the parcel. */
  models: readonly string[];
  value: string;
  onChange(repairPointId: string): void;
  error?: string;
}

/** Whether the point takes mail-ins of these models: an active official point, and one with no list repairs all. */
export function repairsAll(point: RepairPoint, models: readonly string[]): boolean {
  return (
    point.active &&
    point.kind === 'official' &&
    (point.models.length === 0 || models.every((model) => point.models.includes(model)))
  );
}

/** The official repair point the parcel goes to: those that repair the form's machines, nearest first. */
export function RepairPointChoice({ models, value, onChange, error }: RepairPointChoiceProps) {
  const { t, i18n } = useTranslation();
  // Most customers are in China; naming their region brings its points to the top.
  const [place, setPlace] = useState({ country: 'CN', region: '' });
  const points = useOfficialPoints(place.region ? `${place.country}/${place.region}` : place.country);
  const eligible = (points.data ?? []).filter((point) => repairsAll(point, models));
  const hidden = (points.data?.length ?? 0) - eligible.length;
  const first = eligible[0]?.id;
  const chosenFits = eligible.some((point) => point.id === value);

  // The nearest point that fits is chosen until the customer chooses another.
  useEffect(() => {
    if (!chosenFits && first) onChange(first);
  }, [chosenFits, first]);

  return (
    <fieldset className="point-choice">
      <legend>{t('mailIn.pointHeading')}</legend>
      <p className="muted small">{t('mailIn.pointIntro')}</p>
      <div className="filters">
        <PlaceFilter places={placesOf(points.data ?? [])} {...place} onChange={setPlace} />
      </div>
      {points.status === 'failed' && (
        <ErrorAlert>{t('common.loadFailed', { message: points.message })}</ErrorAlert>
      )}
      {points.status === 'loaded' && eligible.length === 0 && (
        <ErrorAlert>{t('mailIn.noPoint', { models: models.join(t('common.listSeparator')) })}</ErrorAlert>
      )}
      <div className="points" aria-busy={points.status === 'loading'}>
        {eligible.map((point) => (
          <label key={point.id} className={point.id === value ? 'point choice chosen' : 'point choice'}>
            <input
              type="radio"
              name="repairPointId"
              value={point.id}
              checked={point.id === value}
              onChange={() => onChange(point.id)}
            />
            <span>
              <strong>{point.name}</strong>
              <span className="muted small">
                {placeOf(point, i18n.language)} · {point.address}
              </span>
              <span className="muted small">
                {point.contact} · {point.phone}
              </span>
            </span>
          </label>
        ))}
      </div>
      {hidden > 0 && <p className="muted small">{t('mailIn.pointsHidden', { count: hidden })}</p>}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
