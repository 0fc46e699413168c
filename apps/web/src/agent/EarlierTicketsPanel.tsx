import type { EarlierTickets } from '@aftersales/contracts/consultation';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { agentOrderPath } from './order-path';

/**
 * Beside the conversation: what else the customer has asked and sent in, so the agent knows a returning
 * machine or a repeated fault. Other consultations open in the console, repair orders on their own page.
 */
export function EarlierTicketsPanel({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const tickets = useResource<EarlierTickets>(
    `/api/consultations/${encodeURIComponent(consultationId)}/earlier-tickets`,
    api,
  );
  const date = (at: string) => new Date(at).toLocaleDateString();
  return (
    <section className="side-panel" data-testid="earlier-tickets">
      <h3>{t('agent.earlierTickets')}</h3>
      {tickets.status === 'failed' && (
        <ErrorAlert>{t('common.loadFailed', { message: tickets.message })}</ErrorAlert>
      )}
      {tickets.data && tickets.data.consultations.length === 0 && tickets.data.repairOrders.length === 0 && (
        <p className="muted small">{t('agent.noEarlierTickets')}</p>
      )}
      {tickets.data && tickets.data.repairOrders.length > 0 && (
        <>
          <h4>{t('agent.earlierRepairOrders')}</h4>
          <ul className="ticket-list" data-testid="earlier-repair-orders">
            {tickets.data.repairOrders.map((order) => (
              <li key={order.id}>
                <Link to={agentOrderPath(order.diagnosisCode)} className="mono">
                  {order.diagnosisCode}
                </Link>{' '}
                <span className="small">{t(`tickets.orderStatus.${order.status}`)}</span>
                <span className="small muted">
                  {order.lines.map((line) => line.sn).join(t('common.listSeparator'))}
                </span>
                <span className="small muted">{t('agent.openedAt', { date: date(order.openedAt) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {tickets.data && tickets.data.consultations.length > 0 && (
        <>
          <h4>{t('agent.earlierConsultations')}</h4>
          <ul className="ticket-list" data-testid="earlier-consultations">
            {tickets.data.consultations.map((c) => (
              <li key={c.id}>
                <Link to={`/agent/${c.id}`} className="mono">
                  {c.number}
                </Link>{' '}
                <span className="small">
                  {t(`consultations.status.${c.status}`)}
                  {c.outcome && ` · ${t(`consultations.outcome.${c.outcome}`)}`}
                </span>
                <span className="small muted">
                  {c.device.model} · {c.device.sn}
                </span>
                {c.lastMessage && <span className="small muted last-message">{c.lastMessage}</span>}
                <span className="small muted">{t('agent.openedAt', { date: date(c.openedAt) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
