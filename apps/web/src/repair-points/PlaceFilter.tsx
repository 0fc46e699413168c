import { useTranslation } from 'react-i18next';
import { countryName, regionName } from './place-names';

interface PlaceFilterProps {
  /** The countries to choose from, each with its regions. */
  places: Map<string, string[]>;
  country: string;
  region: string;
  /** An empty country stands for every country; without this option a country must be chosen. */
  anyCountry?: boolean;
  onChange(place: { country: string; region: string }): void;
}

/** Country, then one of its regions; an empty region stands for the whole country. */
export function PlaceFilter({ places, country, region, anyCountry = false, onChange }: PlaceFilterProps) {
  const { t, i18n } = useTranslation();
  const countries = places.has(country) || !country ? [...places.keys()] : [country, ...places.keys()];
  return (
    <>
      <div className="field">
        <label htmlFor="place-country">{t('repairPoints.country')}</label>
        <select
          id="place-country"
          value={country}
          onChange={(e) => onChange({ country: e.target.value, region: '' })}
        >
          {anyCountry && <option value="">{t('repairPoints.anyCountry')}</option>}
          {countries.map((code) => (
            <option key={code} value={code}>
              {countryName(code, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="place-region">{t('repairPoints.region')}</label>
        <select
          id="place-region"
          value={region}
          disabled={!country}
          onChange={(e) => onChange({ country, region: e.target.value })}
        >
          <option value="">{t('repairPoints.anyRegion')}</option>
          {(places.get(country) ?? []).map((name) => (
            <option key={name} value={name}>
              {regionName(country, name, i18n.language)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
