import { diagnosisCodeSchema } from '@aftersales/contracts/consultation';
import {
  type PointOrders,
  type RepairOrder,
  type RepairOrderStatus,
  repairOrderStatusSchema,
} from '@aftersales/contracts/repair-orders';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { dateTime } from '../repair-orders/format';
import { ShipmentText } from '../repair-orders/OrderParts';
import { OrderStatusBadge } from '../repair-orders/StatusBadges';
import { pointById, useOfficialPoints } from '../repair-orders/use-official-points';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useResource } from '../use-resource';
import { beep } from './beep';
import { CameraScan } from './CameraScan';

/** The statuses a repair point's orders pass through; those awaiting the form are not the point's yet. */
const pointStatuses = repairOrderStatusSchema.options.filter((s) => s !== 'awaiting_submission');

/** 维修点工作台: the orders sent to the engineer's point, by status, and the scan field for a parcel's slip. */
export function RepairPointQueuePage() {
  const { t } = useTranslation();
  const { api, state } = useAuth();
  const [params, setParams] = useSearchParams();
  const status = repairOrderStatusSchema.safeParse(params.get('status')).data;
  const queue = useResource<PointOrders>(`/api/repair-point/orders${status ? `?status=${status}` : ''}`, api);
  const points = useOfficialPoints();
  const repairPointId = state.status === 'signed-in' ? state.user.repairPointId : undefined;
  const point = pointById(points.data, repairPointId);
  const total = Object.values(queue.data?.counts ?? {}).reduce((sum, n) => sum + n, 0);
  const choose = (next?: RepairOrderStatus) => setParams(next ? { status: next } : {});
  return (
    <div className="page wide">
      <section className="card">
        <h1>{t('console.heading')}</h1>
        <p className="muted">{point?.name ?? repairPointId}</p>
        <CodeScan />
      </section>
      <section className="card">
        <div className="status-tabs" role="group" aria-label={t('console.byStatus')}>
          <button type="button" aria-pressed={!status} onClick={() => choose()}>
            {t('console.all')} <span className="count">{total}</span>
          </button>
          {pointStatuses.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={status === s}
              onClick={() => choose(s)}
              data-testid={`count-${s}`}
            >
              {t(`tickets.orderStatus.${s}`)} <span className="count">{queue.data?.counts[s] ?? 0}</span>
            </button>
          ))}
        </div>
        {queue.status === 'failed' && (
          <ErrorAlert>{t('common.loadFailed', { message: queue.message })}</ErrorAlert>
        )}
        {queue.data && <QueueTable orders={queue.data.orders} />}
      </section>
    </div>
  );
}

/**
 * A USB scanner types the packing slip's code and Enter into the focused field, or the camera reads its QR
 * code: the order opens.
 */
function CodeScan() {
  const { t } = useTranslation();
  const { api } = useAuth();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();

  async function open(value: string) {
    const scanned = value.trim();
    if (!diagnosisCodeSchema.safeParse(scanned).success) {
      beep('refused');
      setError(t('console.codeMalformed', { code: scanned }));
      return;
    }
    try {
      await api(`/api/repair-point/orders/${encodeURIComponent(scanned)}`);
      beep('received');
      navigate(`/repair-point/orders/${encodeURIComponent(scanned)}`);
    } catch (e) {
      beep('refused');
      setError(errorText(e));
      setCode('');
    }
  }

  return (
    <form
      className="lookup-form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void open(code);
      }}
    >
      <label htmlFor="scan-code">{t('console.scanCode')}</label>
      <div className="row">
        <input
          id="scan-code"
          className="scan-input"
          value={code}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder={t('console.scanCodePlaceholder')}
          onChange={(e) => {
            setCode(e.target.value);
            setError(undefined);
          }}
        />
        <button type="submit">{t('console.open')}</button>
        <CameraScan
          onCode={(read) => {
            setCode(read);
            setError(undefined);
            void open(read);
          }}
        />
      </div>
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </form>
  );
}

function QueueTable({ orders }: { orders: RepairOrder[] }) {
  const { t } = useTranslation();
  if (orders.length === 0) return <p className="muted">{t('console.noOrders')}</p>;
  return (
    <div className="table-scroll">
      <table className="stack" data-testid="point-orders">
        <thead>
          <tr>
            <th>{t('tickets.diagnosisCode')}</th>
            <th>{t('tickets.status')}</th>
            <th>{t('console.devices')}</th>
            <th>{t('tickets.submittedAt')}</th>
            <th>{t('repairOrder.outbound')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <td className="mono" data-label={t('tickets.diagnosisCode')}>
                <Link to={`/repair-point/orders/${encodeURIComponent(order.diagnosisCode)}`}>
                  {order.diagnosisCode}
                </Link>
              </td>
              <td data-label={t('tickets.status')}>
                <OrderStatusBadge status={order.status} />
              </td>
              <td data-label={t('console.devices')}>
                {order.lines
                  .map((line) => line.model)
                  .filter((m, i, all) => all.indexOf(m) === i)
                  .join(', ')}{' '}
                × {order.lines.filter((line) => line.status !== 'cancelled').length}
              </td>
              <td className="nowrap" data-label={t('tickets.submittedAt')}>
                {order.submittedAt ? dateTime(order.submittedAt) : '—'}
              </td>
              <td data-label={t('repairOrder.outbound')}>
                {order.outboundShipment ? <ShipmentText shipment={order.outboundShipment} /> : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
