import type { RepairOrderDetail } from '@aftersales/contracts/repair-orders';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { OrderLines, OrderPoint } from './OrderParts';
import { Parcels } from './Parcels';
import { OrderStatusBadge } from './StatusBadges';
import { Timeline } from './Timeline';
import { pointById, useOfficialPoints } from './use-official-points';
import { type RepairOrderView, useRepairOrder } from './use-repair-order';
import { useShipments } from './use-shipments';

/** What a reader's page adds to the detail, each in its place. */
export interface OrderDetailSlots {
  /** Under the heading: what just happened, or where the reader came from. */
  notice?: ReactNode;
  /** After the order's facts: what the reader may do with the order. */
  actions?: ReactNode;
  /** Under the parcels: what the reader may do with them. */
  parcelActions?: ReactNode;
}

interface OrderDetailProps {
  diagnosisCode: string;
  /** Where a line's repair report is read. */
  reportPath(deviceOrderNo: string): string;
  /** What the reader may do beside reading; none for a reader who only follows the order. */
  slots?(order: RepairOrderDetail, view: RepairOrderView): OrderDetailSlots;
}

/**
 * 寄修详情 as the customer and support read it (`GET /api/repair-orders/{diagnosisCode}`), updated live: the
 * order's point, its machines with their states and photos, its parcels and its timeline.
 */
export function OrderDetail({ diagnosisCode, reportPath, slots }: OrderDetailProps) {
  const { t } = useTranslation();
  const code = encodeURIComponent(diagnosisCode);
  const view = useRepairOrder(`/api/repair-orders/${code}`, diagnosisCode);
  const points = useOfficialPoints();
  const { order } = view;
  const shipments = useShipments(order);
  if (!order) {
    return view.loadError ? (
      <ErrorAlert>{view.loadError}</ErrorAlert>
    ) : (
      <p className="muted">{t('chat.loading')}</p>
    );
  }
  const point = pointById(points.data, order.repairPointId);
  const { notice, actions, parcelActions } = slots?.(order, view) ?? {};
  return (
    <div className="page wide">
      <section className="card">
        <div className="card-title">
          <h1>{t('repairOrder.heading', { diagnosisCode: order.diagnosisCode })}</h1>
          <OrderStatusBadge status={order.status} />
        </div>
        <p className="muted small">
          {t('repairOrder.lineCount', { count: order.lines.length })} ·{' '}
          <span data-testid="live-status">{view.live ? t('chat.live') : t('chat.offline')}</span>
        </p>
        {notice}
        <OrderPoint order={order} point={point} />
        {actions}
      </section>
      <section className="card">
        <h2>{t('repairOrder.devicesHeading')}</h2>
        <OrderLines order={order} photosBase={`/api/repair-orders/${code}/photos`} reportPath={reportPath} />
      </section>
      <section className="card">
        <h2>{t('repairOrder.shipmentsHeading')}</h2>
        <Parcels order={order} shipments={shipments} />
        {parcelActions}
      </section>
      <section className="card">
        <h2>{t('repairOrder.timelineHeading')}</h2>
        <Timeline order={order} pointName={point?.name} />
      </section>
    </div>
  );
}
