import type { Consultation } from '@aftersales/contracts/consultation';
import { MAX_MESSAGE_TEXT } from '@aftersales/contracts/consultation';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { ErrorAlert } from '../ui/ErrorAlert';

/**
 * "Create consultation" from an in-warranty lookup: the machine's SN and, optionally, what is wrong with it.
 * The server checks the warranty again and says why when it refuses.
 */
export function NewConsultationPage() {
  const { t } = useTranslation();
  const { api } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const sn = params.get('sn') ?? '';
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

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
