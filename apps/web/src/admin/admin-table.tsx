import { useTranslation } from 'react-i18next';

/** A managed list's table head: its columns, then the row buttons' column, named for screen readers. */
export function ManagedTableHead({ columns }: { columns: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column}>{column}</th>
        ))}
        <th>
          <span className="visually-hidden">{t('adminPoints.actions')}</span>
        </th>
      </tr>
    </thead>
  );
}

/** Whether a registered thing is offered to customers. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={active ? 'badge ok' : 'badge missing'}>
      {active ? t('adminPoints.activeBadge') : t('adminPoints.inactiveBadge')}
    </span>
  );
}
