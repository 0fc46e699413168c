import type { WarrantyLookupReply } from '@aftersales/contracts/warranty';
import { useTranslation } from 'react-i18next';

/** "12 months" or "12个月": the browser knows each language's plural rules. */
export function formatMonths(months: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'month', unitDisplay: 'long' }).format(
    months,
  );
}

/** Why the warranty ends when it does: the model's policy and each extension with its reason. */
export function WarrantyBasis({ basis }: { basis: WarrantyLookupReply['basis'] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="basis" data-testid="warranty-basis">
      <li>{t('warranty.policyBasis', { months: formatMonths(basis.policyMonths, i18n.language) })}</li>
      {basis.extensions.map((extension) => (
        <li key={extension.grantedAt}>
          {t('warranty.extensionBasis', {
            months: formatMonths(extension.months, i18n.language),
            reason: extension.reason,
            date: extension.grantedAt.slice(0, 10),
          })}
        </li>
      ))}
    </ul>
  );
}
