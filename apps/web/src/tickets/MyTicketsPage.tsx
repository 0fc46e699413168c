import type { Consultation } from '@aftersales/contracts/consultation';
import type { RepairOrder } from '@aftersales/contracts/repair-orders';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConsultationStatusBadge } from '../consultations/ConsultationStatus';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useTickets } from './use-tickets';

/** 我的工单: the customer's repair orders, one row per device line as the manual lists them, and consultations. */
export function MyTicketsPage() {
  const { t } = useTranslation();
  const tickets = useTickets();
  return (
    <div className="page wide">
      <section className="card">
        <h1>{t('tickets.heading')}</h1>
        {tickets.status === 'loading' && <p className="muted">{t('chat.loading')}</p>}
        {tickets.status === 'failed' && (
          <ErrorAlert>{t('common.loadFailed', { message: tickets.message })}</ErrorAlert>
        )}
        {tickets.status === 'loaded' && <RepairOrderLines orders={tickets.orders} />}
      </section>
      {tickets.status === 'loaded' && (
        <section className="card">
          <h2>{t('tickets.consultations')}</h2>
          <ConsultationRows consultations={tickets.consultations} />
        </section>
      )}
    </div>
  );
}

function RepairOrderLines({ orders }: { orders: RepairOrder[] }) {
  const { t } = useTranslation();
  if (orders.length === 0) return <p className="muted">{t('tickets.noOrders')}</p>;
  return (
    <div className="table-scroll">
      <table className="stack" data-testid="repair-order-lines">
        <thead>
          <tr>
            <th>{t('tickets.deviceOrderNo')}</th>
            <th>{t('tickets.diagnosisCode')}</th>
            <th>{t('tickets.deviceName')}</th>
            <th>{t('tickets.sn')}</th>
            <th>{t('tickets.status')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.flatMap((order) =>
            order.lines.map((line) => (
              <tr key={line.deviceOrderNo}>
                <td className="mono device-order-no" data-label={t('tickets.deviceOrderNo')}>
                  {line.deviceOrderNo}
                </td>
                <td className="mono" data-label={t('tickets.diagnosisCode')}>
                  <Link to={`/repair-orders/${encodeURIComponent(order.diagnosisCode)}/mail-in`}>
                    {order.diagnosisCode}
                  </Link>
                </td>
                <td data-label={t('tickets.deviceName')}>{line.model}</td>
                <td className="mono" data-label={t('tickets.sn')}>
                  {line.sn}
                </td>
                <td className="nowrap" data-label={t('tickets.status')}>
                  {t(`tickets.orderStatus.${order.status}`)}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

function ConsultationRows({ consultations }: { consultations: Consultation[] }) {
  const { t } = useTranslation();
  if (consultations.length === 0) return <p className="muted">{t('tickets.noConsultations')}</p>;
  return (
    <div className="table-scroll">
      <table className="stack" data-testid="consultation-rows">
        <thead>
          <tr>
            <th>{t('tickets.consultationNumber')}</th>
            <th>{t('tickets.device')}</th>
            <th>{t('tickets.status')}</th>
            <th>{t('tickets.lastMessage')}</th>
            <th>{t('tickets.unread')}</th>
            <th>{t('tickets.lastActivity')}</th>
          </tr>
        </thead>
        <tbody>
          {consultations.map((c) => (
            <tr key={c.id}>
              <td className="mono" data-label={t('tickets.consultationNumber')}>
                <Link to={`/consultations/${c.id}`}>{c.number}</Link>
              </td>
              <td data-label={t('tickets.device')}>
                {c.device.model}
                <br />
                <span className="mono small">{c.device.sn}</span>
              </td>
              <td data-label={t('tickets.status')}>
                <ConsultationStatusBadge consultation={c} />
              </td>
              <td className="last-message" data-label={t('tickets.lastMessage')}>
                {c.lastMessage ?? '—'}
              </td>
              <td data-label={t('tickets.unread')}>{c.unread}</td>
              <td className="nowrap" data-label={t('tickets.lastActivity')}>
                {new Date(c.lastActivityAt).toLocaleString()}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
