import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

/** Where the reminder and "My tickets" lead until the mail-in form is built with repair orders. */
export function MailInPage() {
  const { t } = useTranslation();
  const { diagnosisCode = '' } = useParams();
  return (
    <section className="card">
      <h1>{t('mailIn.heading')}</h1>
      <p className="muted">{t('mailIn.comingSoon', { diagnosisCode })}</p>
      <Link to="/tickets">{t('nav.myTickets')}</Link>
    </section>
  );
}
