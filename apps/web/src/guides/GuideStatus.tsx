import type { StaffGuideSummary } from '@aftersales/contracts/consultation';
import { useTranslation } from 'react-i18next';

/** Draft or published, and whether changes wait to be published. */
export function GuideStatus({ guide }: { guide: Pick<StaffGuideSummary, 'status' | 'unpublishedChanges'> }) {
  const { t } = useTranslation();
  return (
    <span className="guide-status" data-testid="guide-status">
      <span className={`badge ${guide.status}`}>{t(`guides.status.${guide.status}`)}</span>
      {guide.unpublishedChanges && <span className="muted small"> · {t('guides.unpublishedChanges')}</span>}
    </span>
  );
}
