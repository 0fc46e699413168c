import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/** Where "Create consultation" leads until the consultation chat is built. */
export function NewConsultationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <section className="card">
      <h1>{t('consultation.heading')}</h1>
      <p className="muted">{t('consultation.comingSoon', { sn: params.get('sn') ?? '' })}</p>
    </section>
  );
}
