import type { Author } from '@aftersales/contracts/consultation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { useRepairOrder } from '../repair-orders/use-repair-order';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ChatPanel } from './ChatPanel';
import { ConsultationStatusBadge } from './ConsultationStatus';
import { useChat } from './use-chat';

/** The customer's consultation: its machine and status, and the chat with support. */
export function ConsultationPage() {
  const { id = '' } = useParams();
  const { state } = useAuth();
  if (state.status !== 'signed-in') return null;
  const viewer: Author = { kind: 'customer', userId: state.user.id };
  return <ConsultationChat key={id} consultationId={id} viewer={viewer} />;
}

function ConsultationChat({ consultationId, viewer }: { consultationId: string; viewer: Author }) {
  const { t } = useTranslation();
  const chat = useChat(consultationId, viewer);
  const { consultation } = chat;
  if (chat.loadError && !consultation) return <ErrorAlert>{chat.loadError}</ErrorAlert>;
  if (!consultation) return <p className="muted">{t('chat.loading')}</p>;
  return (
    <section className="card chat-card">
      <div className="card-title">
        <h1>{t('consultations.numbered', { number: consultation.number })}</h1>
        <ConsultationStatusBadge consultation={consultation} />
      </div>
      <p className="muted small" data-testid="consultation-device">
        {consultation.device.model} · {consultation.device.sn} ·{' '}
        {t('consultations.warrantyEndsOn', { date: consultation.device.warrantyEndsOn })}
      </p>
      <p className="muted small">
        {t('consultations.unread', { count: consultation.unread })} ·{' '}
        <span data-testid="live-status">{chat.live ? t('chat.live') : t('chat.offline')}</span>
      </p>
      {consultation.diagnosisCode && <MailInReminder diagnosisCode={consultation.diagnosisCode} />}
      {chat.loadError && <ErrorAlert>{chat.loadError}</ErrorAlert>}
      <ChatPanel chat={chat} viewer={viewer} />
    </section>
  );
}

/**
 * After conversion, until the mail-in form is submitted: the manual's reminder that shipping alone is not
 * enough. Closing it leaves the chat free; it shows again on the next visit while the form is missing, and
 * goes as soon as the form is in, wherever it was submitted: the order is followed live.
 */
function MailInReminder({ diagnosisCode }: { diagnosisCode: string }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  const { order } = useRepairOrder(`/api/repair-orders/${encodeURIComponent(diagnosisCode)}`, diagnosisCode);
  if (dismissed || order?.status !== 'awaiting_submission') return null;
  return (
    <div className="alert warning reminder" role="dialog" aria-labelledby="mail-in-reminder-title">
      <button
        type="button"
        className="link close"
        aria-label={t('reminder.close')}
        onClick={() => setDismissed(true)}
      >
        ×
      </button>
      <h2 id="mail-in-reminder-title">{t('reminder.title')}</h2>
      <p>{t('reminder.body', { diagnosisCode })}</p>
      <Link className="button primary" to={`/repair-orders/${encodeURIComponent(diagnosisCode)}/mail-in`}>
        {t('reminder.startMailIn')}
      </Link>
    </div>
  );
}
