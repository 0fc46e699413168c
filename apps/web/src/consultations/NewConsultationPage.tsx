import type { Consultation, GuideSummary } from '@aftersales/contracts/consultation';
import { MAX_MESSAGE_TEXT } from '@aftersales/contracts/consultation';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { GuideSuggestions } from '../guides/GuideSuggestions';
import { inLanguage } from '../guides/guide-text';
import { ErrorAlert } from '../ui/ErrorAlert';

/**
 * "Create consultation" from an in-warranty lookup: the machine's SN and, optionally, what is wrong with it.
 * The server checks the warranty again and says why when it refuses. Guides for the machine that match what
 * the customer writes are suggested first; one that solves it ends the attempt without a consultation.
 */
export function NewConsultationPage() {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const sn = params.get('sn') ?? '';
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [solvedBy, setSolvedBy] = useState<GuideSummary>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const opened = await api<Consultation>('/api/consultations', {
        method: 'POST',
        body: text.trim() ? { sn, text: text.trim() } : { sn },
      });
      navigate(`/consultations/${opened.id}`, { replace: true });
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  }

  if (!sn) {
    return (
      <section className="card">
        <h1>{t('consultation.heading')}</h1>
        <p className="muted">
          {t('consultation.noSn')} <Link to="/">{t('nav.startTicket')}</Link>
        </p>
      </section>
    );
  }
  if (solvedBy) {
    return (
      <section className="card" data-testid="solved-by-guide">
        <h1>{t('guides.solvedHeading')}</h1>
        <p className="alert info" role="status">
          {t('guides.solvedText')}
        </p>
        <p>
          <Link to={`/guides/${solvedBy.id}`}>{inLanguage(solvedBy.title, i18n.language)}</Link>
        </p>
        <Link to="/">{t('guides.backHome')}</Link>
      </section>
    );
  }
  return (
    <section className="card">
      <h1>{t('consultation.heading')}</h1>
      <form className="stacked" onSubmit={submit} noValidate>
        <p>
          {t('warranty.sn')}:{' '}
          <span className="mono" data-testid="consultation-sn">
            {sn}
          </span>
        </p>
        <label htmlFor="first-message">{t('consultation.firstMessage')}</label>
        <textarea
          id="first-message"
          rows={4}
          maxLength={MAX_MESSAGE_TEXT}
          value={text}
          placeholder={t('consultation.firstMessageHint')}
          onChange={(e) => setText(e.target.value)}
        />
        <GuideSuggestions sn={sn} text={text} onSolved={setSolvedBy} />
        {error && <ErrorAlert>{error}</ErrorAlert>}
        <div>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('consultation.opening') : t('consultation.open')}
          </button>
        </div>
      </form>
    </section>
  );
}
