import type { Consultation } from '@aftersales/contracts/consultation';
import { deviceLineStatusSchema, type TicketRow } from '@aftersales/contracts/repair-orders';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ConsultationStatusBadge } from '../consultations/ConsultationStatus';
import { dateTime } from '../repair-orders/format';
import { ShipmentText } from '../repair-orders/OrderParts';
import { ErrorAlert } from '../ui/ErrorAlert';
import { type TicketsFilter, useConsultations, useTicketRows } from './use-tickets';

/** 我的工单: the customer's repair orders, one row per device line as the manual lists them, and consultations. */
export function MyTicketsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter: TicketsFilter = {
    status: params.get('status') ?? '',
    q: params.get('q') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const rows = useTicketRows(filter);
  const consultations = useConsultations();
  // The filter lives in the address, so that Back and a reload keep it.
  const show = (next: Partial<TicketsFilter>) => {
    const { status, q, page } = { ...filter, page: 1, ...next };
    setParams(
      new URLSearchParams({
        ...(status ? { status } : {}),
        ...(q ? { q } : {}),
        ...(page > 1 ? { page: String(page) } : {}),
      }),
    );
  };
  return (
    <div className="page wide">
      <section className="card">
        <h1>{t('tickets.heading')}</h1>
        <TicketFilters filter={filter} onChange={show} />
        {rows.status === 'failed' && (
          <ErrorAlert>{t('common.loadFailed', { message: rows.message })}</ErrorAlert>
        )}
        {!rows.data && rows.status === 'loading' && <p className="muted">{t('chat.loading')}</p>}
        {rows.data && (
          <div aria-busy={rows.status === 'loading'}>
            <TicketRows rows={rows.data.rows} filtered={filter.status !== '' || filter.q !== ''} />
            <Pagination
              page={rows.data.page}
              pageSize={rows.data.pageSize}
              total={rows.data.total}
              onPage={(page) => show({ page })}
            />
          </div>
        )}
      </section>
      <section className="card">
        <h2>{t('tickets.consultations')}</h2>
        {consultations.status === 'failed' && (
          <ErrorAlert>{t('common.loadFailed', { message: consultations.message })}</ErrorAlert>
        )}
        {consultations.data && <ConsultationRows consultations={consultations.data} />}
      </section>
    </div>
  );
}

function TicketFilters({
  filter,
  onChange,
}: {
  filter: TicketsFilter;
  onChange(next: Partial<TicketsFilter>): void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filter.q);
  function search(event: FormEvent) {
    event.preventDefault();
    onChange({ q: q.trim() });
  }
  return (
    <form className="filters" onSubmit={search} role="search">
      <div className="field">
        <label htmlFor="ticket-status">{t('tickets.status')}</label>
        <select
          id="ticket-status"
          value={filter.status}
          onChange={(e) => onChange({ status: e.target.value })}
        >
          <option value="">{t('tickets.allStatuses')}</option>
          {deviceLineStatusSchema.options.map((status) => (
            <option key={status} value={status}>
              {t(`lineStatus.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field grow">
        <label htmlFor="ticket-q">{t('tickets.search')}</label>
        <div className="row">
          <input
            id="ticket-q"
            type="search"
            value={q}
            maxLength={64}
            placeholder={t('tickets.searchPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit">{t('tickets.searchButton')}</button>
        </div>
      </div>
    </form>
  );
}

function TicketRows({ rows, filtered }: { rows: TicketRow[]; filtered: boolean }) {
  const { t } = useTranslation();
  if (rows.length === 0)
    return <p className="muted">{filtered ? t('tickets.noMatch') : t('tickets.noOrders')}</p>;
  return (
    <div className="table-scroll">
      <table className="stack" data-testid="repair-order-lines">
        <thead>
          <tr>
            <th>{t('tickets.deviceOrderNo')}</th>
            <th>{t('tickets.diagnosisCode')}</th>
            <th>{t('tickets.deviceName')}</th>
            <th>{t('tickets.sn')}</th>
            <th>{t('tickets.submittedAt')}</th>
            <th>{t('tickets.returnShipment')}</th>
            <th>{t('tickets.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const code = encodeURIComponent(row.diagnosisCode);
            // Until the form is in, the code leads to the form; after, to the order's detail.
            const to =
              row.status === 'awaiting_submission'
                ? `/repair-orders/${code}/mail-in`
                : `/repair-orders/${code}`;
            return (
              <tr key={row.deviceOrderNo}>
                <td className="mono device-order-no" data-label={t('tickets.deviceOrderNo')}>
                  {row.deviceOrderNo}
                </td>
                <td className="mono" data-label={t('tickets.diagnosisCode')}>
                  <Link to={to}>{row.diagnosisCode}</Link>
                </td>
                <td data-label={t('tickets.deviceName')}>{row.model}</td>
                <td className="mono" data-label={t('tickets.sn')}>
                  {row.sn}
                </td>
                <td className="nowrap" data-label={t('tickets.submittedAt')}>
                  {row.submittedAt ? dateTime(row.submittedAt) : '—'}
                </td>
                <td data-label={t('tickets.returnShipment')}>
                  {row.returnCarrier && row.returnTrackingNumber ? (
                    <ShipmentText
                      shipment={{ carrier: row.returnCarrier, trackingNumber: row.returnTrackingNumber }}
                    />
                  ) : (
                    '—'
                  )}
                </td>
                <td className="nowrap" data-label={t('tickets.status')}>
                  {t(`lineStatus.${row.status}`)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label={t('tickets.pages')}>
      <button
        type="button"
        className="secondary small-button"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('adminAudit.previous')}
      </button>
      <span className="muted small" data-testid="tickets-page">
        {t('tickets.page', { page, pages, total })}
      </span>
      <button
        type="button"
        className="secondary small-button"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('adminAudit.next')}
      </button>
    </nav>
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
