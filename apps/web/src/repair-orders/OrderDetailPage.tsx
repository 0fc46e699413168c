import type { RepairOrderDetail } from '@aftersales/contracts/repair-orders';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { OrderLines, OrderPoint } from './OrderParts';
import { Parcels } from './Parcels';
import { ShipmentFields, shipmentRefusalTexts, useShipmentDraft } from './ShipmentFields';
import { OrderStatusBadge } from './StatusBadges';
import { Timeline } from './Timeline';
import { pointById, useOfficialPoints } from './use-official-points';
import { type RepairOrderView, useRepairOrder } from './use-repair-order';
import { useShipments } from './use-shipments';

/** 寄修详情: the customer's order as it stands, updated live, and what the customer may still do with it. */
export function OrderDetailPage() {
  const { diagnosisCode = '' } = useParams();
  return <OrderDetail key={diagnosisCode} diagnosisCode={diagnosisCode} />;
}

function OrderDetail({ diagnosisCode }: { diagnosisCode: string }) {
  const { t } = useTranslation();
  const code = encodeURIComponent(diagnosisCode);
  const view = useRepairOrder(`/api/repair-orders/${code}`, diagnosisCode);
  const points = useOfficialPoints();
  const [searchParams] = useSearchParams();
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
        {searchParams.has('submitted') && order.status === 'awaiting_receipt' && (
          <p className="alert info" role="status">
            {t('repairOrder.submittedNotice')}
          </p>
        )}
        <OrderPoint order={order} point={point} />
        <CustomerActions order={order} view={view} />
      </section>
      <section className="card">
        <h2>{t('repairOrder.devicesHeading')}</h2>
        <OrderLines order={order} reportPath={(no) => `/repair-orders/${code}/lines/${no}/report`} />
      </section>
      <section className="card">
        <h2>{t('repairOrder.shipmentsHeading')}</h2>
        <Parcels order={order} shipments={shipments} />
        {order.status === 'awaiting_receipt' && <CorrectShipment order={order} view={view} />}
      </section>
      <section className="card">
        <h2>{t('repairOrder.timelineHeading')}</h2>
        <Timeline order={order} pointName={point?.name} />
      </section>
    </div>
  );
}

/** Printing the packing slip, finishing the form, cancelling before receipt, confirming the return. */
function CustomerActions({ order, view }: { order: RepairOrderDetail; view: RepairOrderView }) {
  const { t } = useTranslation();
  const code = encodeURIComponent(order.diagnosisCode);
  const cancellable = order.status === 'awaiting_submission' || order.status === 'awaiting_receipt';
  const returned = order.lines.some((line) => line.status === 'returned');
  return (
    <>
      <div className="actions wrap">
        {order.status === 'awaiting_submission' && (
          <Link className="button primary" to={`/repair-orders/${code}/mail-in`}>
            {t('repairOrder.fillMailIn')}
          </Link>
        )}
        {order.status !== 'awaiting_submission' && order.status !== 'cancelled' && (
          <Link className="button secondary" to={`/repair-orders/${code}/packing-slip`}>
            {t('repairOrder.printPackingSlip')}
          </Link>
        )}
        {returned && (
          <button
            type="button"
            className="primary"
            disabled={view.busy}
            onClick={() => void view.command(`/api/repair-orders/${code}/confirm-receipt`)}
          >
            {t('repairOrder.confirmReceipt')}
          </button>
        )}
        {cancellable && (
          <button
            type="button"
            className="secondary"
            disabled={view.busy}
            onClick={() => {
              if (window.confirm(t('repairOrder.confirmCancel', { diagnosisCode: order.diagnosisCode })))
                void view.command(`/api/repair-orders/${code}/cancel`);
            }}
          >
            {t('repairOrder.cancel')}
          </button>
        )}
      </div>
      {view.failure && <ErrorAlert>{view.failure.message}</ErrorAlert>}
    </>
  );
}

/** Until the parcel arrives, a mistyped tracking number or carrier can be corrected. */
function CorrectShipment({ order, view }: { order: RepairOrderDetail; view: RepairOrderView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const shipment = useShipmentDraft(order.outboundShipment);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<ReturnType<typeof shipmentRefusalTexts>>({});
  if (!open) {
    return (
      <button type="button" className="secondary small-button" onClick={() => setOpen(true)}>
        {t('repairOrder.correctShipment')}
      </button>
    );
  }
  async function save(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setServerErrors({});
    const parcel = shipment.check;
    if (!parcel.ok) return;
    const saved = await view.command(
      `/api/repair-orders/${encodeURIComponent(order.diagnosisCode)}/outbound-shipment`,
      {
        method: 'PUT',
        body: parcel.shipment,
        onRefusal: (error) => setServerErrors(shipmentRefusalTexts(error)),
      },
    );
    if (saved) setOpen(false);
  }
  return (
    <form className="correct-shipment" onSubmit={save} noValidate>
      <h3>{t('repairOrder.correctShipment')}</h3>
      <ShipmentFields shipment={shipment} showErrors={tried} serverErrors={serverErrors} />
      <div className="actions">
        <button type="submit" className="primary" disabled={view.busy}>
          {t('forms.save')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('forms.cancel')}
        </button>
      </div>
    </form>
  );
}
