import type { Consultation } from '@aftersales/contracts/consultation';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useParams } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { ConsultationStatusBadge } from '../consultations/ConsultationStatus';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ConversationPane } from './ConversationPane';
import { useAttention } from './use-attention';
import { useQueue } from './use-queue';
import { waitingMinutes } from './waiting-time';

/** 客服工作台: the queue beside the conversation the agent opened from it. */
export function AgentConsolePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { state } = useAuth();
  const agentId = state.status === 'signed-in' ? state.user.id : '';
  const { queue, mine, error, reload } = useQueue(agentId);
  const waiting = queue?.length ?? 0;
  useAttention(t('agent.heading'), waiting + mine.reduce((sum, c) => sum + c.unread, 0));
  return (
    <div className="wide console">
      <aside className="card queue">
        <h1>{t('agent.heading')}</h1>
        {error && <ErrorAlert>{t('common.loadFailed', { message: error })}</ErrorAlert>}
        <h2>{t('agent.queue', { count: queue?.length ?? 0 })}</h2>
        <QueueList consultations={queue} empty={t('agent.queueEmpty')} testId="queue" />
        <h2>{t('agent.mine', { count: mine.length })}</h2>
        <QueueList consultations={mine} empty={t('agent.mineEmpty')} testId="mine" />
      </aside>
      {id ? (
        <ConversationPane key={id} consultationId={id} agentId={agentId} onChanged={reload} />
      ) : (
        <section className="card conversation">
          <p className="muted">{t('agent.choose')}</p>
        </section>
      )}
    </div>
  );
}

function QueueList({
  consultations,
  empty,
  testId,
}: {
  consultations?: Consultation[];
  empty: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!consultations) return <p className="muted small">{t('chat.loading')}</p>;
  if (consultations.length === 0) return <p className="muted small">{empty}</p>;
  return (
    <ul className="queue-list" data-testid={testId}>
      {consultations.map((c) => (
        <li key={c.id}>
          <NavLink to={`/agent/${c.id}`} data-testid="queue-item">
            <span className="queue-head">
              <strong className="mono">{c.number}</strong>
              {c.unread > 0 && (
                <span className="badge unread" aria-label={t('consultations.unread', { count: c.unread })}>
                  {c.unread}
                </span>
              )}
            </span>
            <span className="small">
              {c.device.model} · {c.device.sn}
            </span>
            {c.lastMessage && <span className="small muted last-message">{c.lastMessage}</span>}
            <span className="small muted">
              {t('agent.waiting', { minutes: waitingMinutes(c.openedAt, now) })} ·{' '}
              <ConsultationStatusBadge consultation={c} />
            </span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
