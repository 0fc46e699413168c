import type { RepairOrderDetail } from '@aftersales/contracts/repair-orders';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { OrderDetail } from './OrderDetail';
import { ShipmentFields, shipmentRefusalTexts, useShipmentDraft } from './ShipmentFields';
import type { RepairOrderView } from './use-repair-order';

/** 寄修详情: the customer's order as it stands, updated live, and what the customer may still do with it. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { diagnosisCode = '' } = useParams();
  const [searchParams] = useSearchParams();
  const code = encodeURIComponent(diagnosisCode);
  return (
    <OrderDetail
      key={diagnosisCode}
      diagnosisCode={diagnosisCode}
      reportPath={(no) => `/repair-orders/${code}/lines/${no}/report`}
      slots={(order, view) => ({
        notice: searchParams.has('submitted') && order.status === 'awaiting_receipt' && (
          <p className="alert info" role="status">
            {t('repairOrder.submittedNotice')}
          </p>
        ),
        actions: <CustomerActions order={order} view={view} />,
        parcelActions: order.status === 'awaiting_receipt' && <CorrectShipment order={order} view={view} />,
      })}
    />
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
