import type {
  DeviceLine,
  RepairOrder,
  RepairOrderDetail,
  Shipment,
} from '@aftersales/contracts/repair-orders';
import type { RepairPoint } from '@aftersales/contracts/warranty';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { photosOfLine } from '../photos/line-photos';
import { LinePhotosView } from '../photos/PhotoThumbnails';
import { placeOf } from '../repair-points/place-names';
import { useCarrierName } from './carriers';
import { dateTime } from './format';
import { LineStatusBadge } from './StatusBadges';

/** Where the machines go and when the order was opened and submitted. */
export function OrderPoint({ order, point }: { order: RepairOrder; point?: RepairPoint }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts" data-testid="order-facts">
      <dt>{t('repairOrder.repairPoint')}</dt>
      <dd data-testid="order-point">
        {point ? (
          <>
            {point.name}
            <br />
            <span className="muted small">
              {placeOf(point, i18n.language)} · {point.address} · {point.contact} {point.phone}
            </span>
          </>
        ) : (
          (order.repairPointId ?? t('repairOrder.noPointYet'))
        )}
      </dd>
      <dt>{t('repairOrder.openedAt')}</dt>
      <dd>{dateTime(order.openedAt)}</dd>
      <dt>{t('tickets.submittedAt')}</dt>
      <dd>{order.submittedAt ? dateTime(order.submittedAt) : '—'}</dd>
    </dl>
  );
}

interface OrderLinesProps {
  order: RepairOrderDetail;
  /** Where the reader reads the order's photos. */
  photosBase: string;
  /** Where a line's repair report is read; none where the reader has no such page. */
  reportPath?: (deviceOrderNo: string) => string;
  /** What the reader may do with each line, in a last column. */
  actions?: (line: DeviceLine) => ReactNode;
  actionsLabel?: string;
}

/** The machines of the order, each with its own number, status, photos and return parcel. */
export function OrderLines({ order, photosBase, reportPath, actions, actionsLabel }: OrderLinesProps) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="stack" data-testid="order-lines">
        <thead>
          <tr>
            <th>{t('tickets.deviceOrderNo')}</th>
            <th>{t('tickets.sn')}</th>
            <th>{t('tickets.deviceName')}</th>
            <th>{t('mailIn.fault')}</th>
            <th>{t('tickets.status')}</th>
            <th>{t('tickets.returnShipment')}</th>
            {reportPath && <th>{t('repairOrder.report')}</th>}
            {actions && <th>{actionsLabel}</th>}
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.deviceOrderNo} data-testid="order-line" data-sn={line.sn}>
              <td className="mono device-order-no" data-label={t('tickets.deviceOrderNo')}>
                {line.deviceOrderNo}
              </td>
              <td className="mono" data-label={t('tickets.sn')}>
                {line.sn}
              </td>
              <td data-label={t('tickets.deviceName')}>{line.model}</td>
              <td className="wrap-text" data-label={t('mailIn.fault')}>
                {line.fault ?? '—'}
                {line.receiptNote && <span className="muted small block">{line.receiptNote}</span>}
                <LinePhotosView
                  base={photosBase}
                  photos={photosOfLine(order, line.deviceOrderNo)}
                  sn={line.sn}
                />
              </td>
              <td data-label={t('tickets.status')}>
                <LineStatusBadge status={line.status} />
              </td>
              <td data-label={t('tickets.returnShipment')}>
                {line.returnShipment ? <ShipmentText shipment={line.returnShipment} /> : '—'}
              </td>
              {reportPath && (
                <td data-label={t('repairOrder.report')}>
                  <Link
                    to={reportPath(line.deviceOrderNo)}
                    aria-label={t('repairOrder.reportOf', { sn: line.sn })}
                  >
                    {t('repairOrder.report')}
                  </Link>
                </td>
              )}
              {actions && <td data-label={actionsLabel}>{actions(line)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ShipmentText({ shipment }: { shipment: Pick<Shipment, 'carrier' | 'trackingNumber'> }) {
  const carrierName = useCarrierName();
  return (
    <span>
      {carrierName(shipment.carrier)} <span className="mono">{shipment.trackingNumber}</span>
    </span>
  );
}
