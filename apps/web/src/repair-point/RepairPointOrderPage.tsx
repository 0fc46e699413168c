import type { DeviceLine, RepairOrderDetail } from '@aftersales/contracts/repair-orders';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormButtons } from '../admin/form-fields';
import { PhotoPicker } from '../photos/PhotoPicker';
import { OrderLines, OrderPoint } from '../repair-orders/OrderParts';
import { Parcels } from '../repair-orders/Parcels';
import { ShipmentFields, shipmentRefusalTexts, useShipmentDraft } from '../repair-orders/ShipmentFields';
import { OrderStatusBadge } from '../repair-orders/StatusBadges';
import { Timeline } from '../repair-orders/Timeline';
import { pointById, useOfficialPoints } from '../repair-orders/use-official-points';
import { type RepairOrderView, useRepairOrder } from '../repair-orders/use-repair-order';
import { useShipments } from '../repair-orders/use-shipments';
import { ErrorAlert } from '../ui/ErrorAlert';
import { CheckpointForm } from './CheckpointForm';
import { ProgressForm } from './ProgressForm';
import { ReceiptScan } from './ReceiptScan';

const receivable: readonly DeviceLine['status'][] = ['awaiting_receipt', 'missing'];
const inRepair: readonly DeviceLine['status'][] = ['received', 'repairing', 'repaired', 'unrepairable'];
const shippable: readonly DeviceLine['status'][] = ['repaired', 'unrepairable', 'mismatched'];

/** An order at the repair point: receive its parcel, repair each machine, and ship them back. */
export function RepairPointOrderPage() {
  const { diagnosisCode = '' } = useParams();
  return <PointOrder key={diagnosisCode} diagnosisCode={diagnosisCode} />;
}

/** What the engineer is doing with one line: reporting it missing or not matching, or recording its repair. */
type LineTask = { deviceOrderNo: string; task: 'issue' | 'progress' };

function PointOrder({ diagnosisCode }: { diagnosisCode: string }) {
  const { t } = useTranslation();
  const code = encodeURIComponent(diagnosisCode);
  const view = useRepairOrder(`/api/repair-point/orders/${code}`, diagnosisCode);
  const points = useOfficialPoints();
  const [task, setTask] = useState<LineTask>();
  const { order } = view;
  const shipments = useShipments(order);
  if (!order) {
    return view.loadError ? (
      <section className="card">
        <ErrorAlert>{view.loadError}</ErrorAlert>
        <Link to="/repair-point">{t('console.backToQueue')}</Link>
      </section>
    ) : (
      <p className="muted">{t('chat.loading')}</p>
    );
  }
  const point = pointById(points.data, order.repairPointId);
  const taskLine = order.lines.find((line) => line.deviceOrderNo === task?.deviceOrderNo);
  // A task's answer may come after the engineer moved on to another (its change arrived live first).
  const finish = (done: LineTask | undefined) =>
    setTask((current) => (current === done ? undefined : current));
  const toReceive = order.lines.some((line) => receivable.includes(line.status));
  return (
    <div className="page wide">
      <section className="card">
        <div className="card-title">
          <h1>{t('console.orderHeading', { diagnosisCode: order.diagnosisCode })}</h1>
          <OrderStatusBadge status={order.status} />
        </div>
        <p className="muted small">
          <Link to="/repair-point">{t('console.backToQueue')}</Link> ·{' '}
          <span data-testid="live-status">{view.live ? t('chat.live') : t('chat.offline')}</span>
        </p>
        {view.failure && (
          <p className={view.failure.changed ? 'alert warning' : 'alert error'} role="alert">
            {view.failure.message}
          </p>
        )}
        <OrderPoint order={order} point={point} />
        <Parcels
          order={order}
          shipments={shipments}
          actions={({ tracked }) => <CheckpointForm shipment={tracked} onRecorded={shipments.keep} />}
        />
        {toReceive && <ReceiptScan order={order} view={view} />}
      </section>
      <section className="card">
        <h2>{t('repairOrder.devicesHeading')}</h2>
        <OrderLines
          order={order}
          photosBase={`/api/repair-point/orders/${code}/photos`}
          reportPath={(no) => `/repair-point/orders/${code}/lines/${no}/report`}
          actionsLabel={t('console.actions')}
          actions={(line) => (
            <LineActions
              line={line}
              onTask={(next) => setTask({ deviceOrderNo: line.deviceOrderNo, task: next })}
            />
          )}
        />
        {taskLine && task?.task === 'issue' && (
          <ReceiptIssueForm order={order} line={taskLine} view={view} onDone={() => finish(task)} />
        )}
        {taskLine && task?.task === 'progress' && (
          <ProgressForm
            key={taskLine.deviceOrderNo}
            diagnosisCode={order.diagnosisCode}
            line={taskLine}
            view={view}
            onDone={() => finish(task)}
          />
        )}
      </section>
      {order.lines.some((line) => shippable.includes(line.status)) && (
        <ShipBackForm order={order} view={view} />
      )}
      <section className="card">
        <h2>{t('repairOrder.timelineHeading')}</h2>
        <Timeline order={order} pointName={point?.name} />
      </section>
    </div>
  );
}

function LineActions({ line, onTask }: { line: DeviceLine; onTask(task: LineTask['task']): void }) {
  const { t } = useTranslation();
  return (
    <span className="actions wrap">
      {receivable.includes(line.status) && (
        <button type="button" className="secondary small-button" onClick={() => onTask('issue')}>
          {t('console.reportIssue')}
        </button>
      )}
      {inRepair.includes(line.status) && (
        <button
          type="button"
          className="secondary small-button"
          aria-label={t('console.recordRepairOf', { sn: line.sn })}
          onClick={() => onTask('progress')}
        >
          {t('console.recordRepair')}
        </button>
      )}
    </span>
  );
}

/** A machine of the form that is not in the parcel, or is not the machine the form describes. */
function ReceiptIssueForm({
  order,
  line,
  view,
  onDone,
}: {
  order: RepairOrderDetail;
  line: DeviceLine;
  view: RepairOrderView;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'missing' | 'mismatched'>('missing');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const orderPath = `/api/repair-point/orders/${encodeURIComponent(order.diagnosisCode)}`;
  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await view.command(`${orderPath}/receipt`, {
      body: {
        lines: [
          {
            deviceOrderNo: line.deviceOrderNo,
            outcome,
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(photos.length > 0 ? { photos } : {}),
          },
        ],
      },
    });
    if (saved) onDone();
  }
  return (
    <form className="issue-form" onSubmit={save} data-testid="issue-form">
      <h3>{t('console.issueHeading', { sn: line.sn })}</h3>
      <div className="choices">
        {(['missing', 'mismatched'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="issue-outcome"
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />
            {t(`lineStatus.${value}`)}
          </label>
        ))}
      </div>
      <div className="field">
        <label htmlFor="issue-note">{t('console.issueNote')}</label>
        <input id="issue-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </div>
      <PhotoPicker base={`${orderPath}/photos`} photos={photos} onChange={setPhotos} subject={line.sn} />
      <FormButtons busy={view.busy} label={t('console.confirmIssue')} onCancel={onDone} />
    </form>
  );
}

/** The machines ready to go back, in one parcel with its carrier and tracking number. */
function ShipBackForm({ order, view }: { order: RepairOrderDetail; view: RepairOrderView }) {
  const { t } = useTranslation();
  const ready = order.lines.filter((line) => shippable.includes(line.status));
  const [unselected, setUnselected] = useState<ReadonlySet<string>>(new Set());
  const shipment = useShipmentDraft();
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<ReturnType<typeof shipmentRefusalTexts>>({});
  const chosen = ready.filter((line) => !unselected.has(line.deviceOrderNo));
  const toggle = (no: string) =>
    setUnselected((current) => {
      const next = new Set(current);
      if (!next.delete(no)) next.add(no);
      return next;
    });

  async function ship(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setServerErrors({});
    const parcel = shipment.check;
    if (!parcel.ok || chosen.length === 0) return;
    const shipped = await view.command(
      `/api/repair-point/orders/${encodeURIComponent(order.diagnosisCode)}/return-shipment`,
      {
        body: { deviceOrderNos: chosen.map((line) => line.deviceOrderNo), ...parcel.shipment },
        onRefusal: (error) => setServerErrors(shipmentRefusalTexts(error)),
      },
    );
    if (shipped) {
      shipment.reset();
      setTried(false);
    }
  }

  return (
    <form className="card" onSubmit={ship} noValidate data-testid="ship-back">
      <h2>{t('console.shipBackHeading')}</h2>
      <fieldset>
        <legend>{t('console.shipBackLines')}</legend>
        <div className="choices">
          {ready.map((line) => (
            <label key={line.deviceOrderNo}>
              <input
                type="checkbox"
                checked={!unselected.has(line.deviceOrderNo)}
                onChange={() => toggle(line.deviceOrderNo)}
              />
              <span className="mono">{line.sn}</span> · {t(`lineStatus.${line.status}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <ShipmentFields shipment={shipment} showErrors={tried} serverErrors={serverErrors} />
      {tried && chosen.length === 0 && <ErrorAlert>{t('console.chooseLines')}</ErrorAlert>}
      <FormButtons busy={view.busy} label={t('console.shipBack', { count: chosen.length })} />
    </form>
  );
}
