import type { Checkpoint, ShipmentStatus } from '@aftersales/contracts/logistics';
import type { RepairOrder } from '@aftersales/contracts/repair-orders';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { trackingLinkOf, useCarriers } from './carriers';
import { dateTime } from './format';
import { ShipmentText } from './OrderParts';
import { type Parcel, parcelsOf } from './parcels';
import type { ShipmentsView } from './use-shipments';

export function ShipmentStatusBadge({ status }: { status: ShipmentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge parcel-${status}`} data-testid="parcel-status">
      {t(`shipmentStatus.${status}`)}
    </span>
  );
}

interface ParcelsProps {
  order: RepairOrder;
  shipments: ShipmentsView;
  /** What the reader may do with a tracked parcel, below its checkpoints. */
  actions?: (parcel: Parcel & { tracked: NonNullable<Parcel['tracked']> }) => ReactNode;
}

/** Each parcel of the order, both ways: its carrier and number, status, tracking link and checkpoints. */
export function Parcels({ order, shipments, actions }: ParcelsProps) {
  const { t } = useTranslation();
  const { carriers } = useCarriers();
  const parcels = parcelsOf(order, shipments.shipments);
  const snOf = (deviceOrderNo: string) =>
    order.lines.find((line) => line.deviceOrderNo === deviceOrderNo)?.sn ?? deviceOrderNo;
  if (parcels.length === 0) return <p className="muted">{t('parcels.none')}</p>;
  return (
    <>
      {shipments.loadError && (
        <ErrorAlert>{t('parcels.trackingFailed', { message: shipments.loadError })}</ErrorAlert>
      )}
      <ul className="parcels" data-testid="parcels">
        {parcels.map((parcel) => {
          const { tracked } = parcel;
          const carrier = carriers.find((c) => c.code === parcel.carrier);
          const link =
            tracked?.trackingLink ?? (carrier ? trackingLinkOf(carrier, parcel.trackingNumber) : undefined);
          return (
            <li
              key={`${parcel.direction}/${parcel.trackingNumber}`}
              className="parcel"
              data-testid="parcel"
              data-direction={parcel.direction}
            >
              <div className="parcel-head">
                <strong>{t(`parcels.${parcel.direction}`)}</strong>
                <ShipmentText shipment={parcel} />
                <ShipmentStatusBadge status={tracked?.status ?? 'created'} />
                {link && (
                  <a href={link} target="_blank" rel="noopener noreferrer" data-testid="tracking-link">
                    {t('parcels.trackOnCarrier')}
                  </a>
                )}
              </div>
              <p className="muted small">
                {dateTime(parcel.at)} · {parcel.deviceOrderNos.map(snOf).join(t('common.listSeparator'))}
              </p>
              {tracked && tracked.checkpoints.length > 0 ? (
                <Checkpoints checkpoints={tracked.checkpoints} />
              ) : (
                <p className="muted small">{t('parcels.noCheckpoints')}</p>
              )}
              {tracked && actions?.({ ...parcel, tracked })}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** A parcel's checkpoints, the latest first, as carriers show them. */
function Checkpoints({ checkpoints }: { checkpoints: readonly Checkpoint[] }) {
  const { t } = useTranslation();
  const latestFirst = [...checkpoints].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <ol className="timeline checkpoints" data-testid="checkpoints">
      {latestFirst.map((checkpoint) => (
        <li key={checkpoint.checkpointId} data-testid="checkpoint" data-status={checkpoint.status}>
          <time dateTime={checkpoint.at}>{dateTime(checkpoint.at)}</time>
          <span className="who">{t(`shipmentStatus.${checkpoint.status}`)}</span>
          {checkpoint.location && <span className="muted small">{checkpoint.location}</span>}
          {checkpoint.source === 'manual' && (
            <span className="muted small">{t('parcels.recordedByHand')}</span>
          )}
          <span className="what">{checkpoint.description}</span>
        </li>
      ))}
    </ol>
  );
}
