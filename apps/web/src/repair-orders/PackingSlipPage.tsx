import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ShipmentText } from './OrderParts';
import { dateTime } from './format';
import { QrCode } from './QrCode';
import { pointById, useOfficialPoints } from './use-official-points';
import { useRepairOrder } from './use-repair-order';

/**
 * 装箱单: an A4 sheet to put in the parcel. The repair point scans its QR code (the diagnosis code) to open
 * the order, then each machine's SN label to receive it.
 */
export function PackingSlipPage() {
  const { t } = useTranslation();
  const { diagnosisCode = '' } = useParams();
  const code = encodeURIComponent(diagnosisCode);
  const { order, loadError } = useRepairOrder(`/api/repair-orders/${code}`, diagnosisCode);
  const points = useOfficialPoints();
  const { state } = useAuth();
  if (!order)
    return loadError ? <ErrorAlert>{loadError}</ErrorAlert> : <p className="muted">{t('chat.loading')}</p>;
  const point = pointById(points.data, order.repairPointId);
  // Lines taken off the form before submitting travel in no parcel.
  const lines = order.lines.filter((line) => line.status !== 'cancelled' || order.status === 'cancelled');
  return (
    <article className="sheet" data-testid="packing-slip">
      <div className="no-print actions">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <Link to={`/repair-orders/${code}`}>{t('print.back')}</Link>
      </div>
      <header className="sheet-header">
        <div>
          <h1>{t('packingSlip.heading')}</h1>
          <p className="muted">{t('packingSlip.intro')}</p>
          <dl className="facts">
            <dt>{t('tickets.diagnosisCode')}</dt>
            <dd className="mono big" data-testid="slip-code">
              {order.diagnosisCode}
            </dd>
            <dt>{t('packingSlip.sender')}</dt>
            <dd>{state.status === 'signed-in' ? state.user.displayName : '—'}</dd>
            <dt>{t('packingSlip.to')}</dt>
            <dd>
              {point ? (
                <>
                  {point.name}
                  <br />
                  {point.address} · {point.contact} {point.phone}
                </>
              ) : (
                (order.repairPointId ?? '—')
              )}
            </dd>
            <dt>{t('repairOrder.outbound')}</dt>
            <dd>{order.outboundShipment ? <ShipmentText shipment={order.outboundShipment} /> : '—'}</dd>
            <dt>{t('tickets.submittedAt')}</dt>
            <dd>{order.submittedAt ? dateTime(order.submittedAt) : '—'}</dd>
          </dl>
        </div>
        <QrCode
          text={order.diagnosisCode}
          label={t('packingSlip.qrLabel', { diagnosisCode: order.diagnosisCode })}
        />
      </header>
      <div className="table-scroll">
        <table data-testid="slip-lines">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('tickets.sn')}</th>
              <th>{t('tickets.deviceName')}</th>
              <th>{t('tickets.deviceOrderNo')}</th>
              <th>{t('mailIn.fault')}</th>
              <th>{t('packingSlip.checked')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <tr key={line.deviceOrderNo}>
                <td>{index + 1}</td>
                <td className="mono">{line.sn}</td>
                <td>{line.model}</td>
                <td className="mono small">{line.deviceOrderNo}</td>
                <td className="wrap-text">{line.fault ?? '—'}</td>
                <td className="checkbox-cell">☐</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">{t('packingSlip.footer', { count: lines.length })}</p>
    </article>
  );
}
