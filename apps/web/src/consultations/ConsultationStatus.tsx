import type { Consultation } from '@aftersales/contracts/consultation';
import { useTranslation } from 'react-i18next';

/** The status as the manual names it; a completed one says how it ended. */
export function ConsultationStatusBadge({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const { status, outcome } = consultation;
  return (
    <span className={`badge status-${status}`} data-testid="consultation-status">
      {t(`consultations.status.${status}`)}
      {outcome && ` · ${t(`consultations.outcome.${outcome}`)}`}
    </span>
  );
}
