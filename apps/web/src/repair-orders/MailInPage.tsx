import type { RepairOrderDetail } from '@aftersales/contracts/repair-orders';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiRequestError } from '../api';
import { fieldErrorTexts } from '../error-text';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DeviceLinesEditor } from './DeviceLinesEditor';
import { formReady, modelsOf, type RefusedDevice } from './mail-in-lines';
import { RepairPointChoice } from './RepairPointChoice';
import { ShipmentFields, shipmentRefusalTexts, useShipmentDraft } from './ShipmentFields';
import { type CheckedLines, useCheckedLines } from './use-checked-lines';
import { useRepairOrder } from './use-repair-order';

/** 自助寄修页: the order's machines, the repair point they go to, and the parcel they travel in. */
export function MailInPage() {
  const { diagnosisCode = '' } = useParams();
  return <MailInForm key={diagnosisCode} diagnosisCode={diagnosisCode} />;
}

function MailInForm({ diagnosisCode }: { diagnosisCode: string }) {
  const { t } = useTranslation();
  const code = encodeURIComponent(diagnosisCode);
  const view = useRepairOrder(`/api/repair-orders/${code}`, diagnosisCode);
  const { order } = view;
  const lines = useCheckedLines(diagnosisCode);
  useFirstLines(order, lines);

  return (
    <div className="page wide">
      <section className="card">
        <h1>{t('mailIn.heading')}</h1>
        <p className="muted">{t('mailIn.intro', { diagnosisCode })}</p>
        {view.loadError && !order && <ErrorAlert>{view.loadError}</ErrorAlert>}
        {!order && !view.loadError && <p className="muted">{t('chat.loading')}</p>}
        {order && order.status !== 'awaiting_submission' && (
          <p className="alert info">
            {t('mailIn.alreadySubmitted')} <Link to={`/repair-orders/${code}`}>{t('mailIn.openDetail')}</Link>
          </p>
        )}
      </section>
      {order?.status === 'awaiting_submission' && (
        <MailInSections
          order={order}
          lines={lines}
          submit={view.command}
          busy={view.busy}
          failure={view.failure}
        />
      )}
    </div>
  );
}

/** The form starts with the machines the order holds: the consultation's device. */
function useFirstLines(order: RepairOrderDetail | undefined, lines: CheckedLines) {
  const added = useRef(false);
  useEffect(() => {
    if (!order || added.current || order.status !== 'awaiting_submission') return;
    added.current = true;
    lines.add(order.lines.map((line) => ({ sn: line.sn, fault: line.fault ?? '', photos: line.photos })));
  }, [order]);
}

interface SectionsProps {
  order: RepairOrderDetail;
  lines: CheckedLines;
  submit: ReturnType<typeof useRepairOrder>['command'];
  busy: boolean;
  failure?: { message: string };
}

function MailInSections({ order, lines, submit, busy, failure }: SectionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const code = encodeURIComponent(order.diagnosisCode);
  const [repairPointId, setRepairPointId] = useState('');
  const shipment = useShipmentDraft();
  const [tried, setTried] = useState(false);
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const ready = formReady(lines.views);
  const parcel = shipment.check;

  async function send(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setServerFields({});
    if (!ready || !parcel.ok || !repairPointId) return;
    const submitted = await submit(`/api/repair-orders/${code}/mail-in`, {
      body: {
        devices: lines.views.map((line) => ({
          sn: line.sn,
          fault: line.fault.trim(),
          ...(line.photos.length > 0 ? { photos: line.photos } : {}),
        })),
        repairPointId,
        ...parcel.shipment,
      },
      onRefusal(error: ApiRequestError) {
        const refused = (error.body.details as { devices?: RefusedDevice[] } | undefined)?.devices;
        if (error.body.code === 'mail_in_devices_refused' && refused) lines.refuse(refused);
        setServerFields({ ...fieldErrorTexts(error), ...shipmentRefusalTexts(error) });
      },
    });
    if (submitted) navigate(`/repair-orders/${code}?submitted=1`);
  }

  const problems = lines.views.filter((line) => line.checked && line.problem).length;
  return (
    <>
      <section className="card">
        <h2>{t('mailIn.devicesHeading')}</h2>
        <p className="muted small">{t('mailIn.devicesIntro')}</p>
        <DeviceLinesEditor
          lines={lines}
          photosBase={`/api/repair-orders/${code}/photos`}
          showErrors={tried}
        />
      </section>
      <form className="card" onSubmit={send} noValidate>
        <RepairPointChoice
          models={modelsOf(lines.views)}
          value={repairPointId}
          onChange={setRepairPointId}
          error={
            serverFields.repairPointId ?? (tried && !repairPointId ? t('mailIn.choosePoint') : undefined)
          }
        />
        <fieldset>
          <legend>{t('mailIn.shipmentHeading')}</legend>
          <p className="muted small">{t('mailIn.shipmentIntro')}</p>
          <ShipmentFields shipment={shipment} showErrors={tried} serverErrors={serverFields} />
        </fieldset>
        {tried && !ready && (
          <ErrorAlert>
            {lines.views.length === 0
              ? t('mailIn.needDevice')
              : problems > 0
                ? t('mailIn.fixLines', { count: problems })
                : lines.progress
                  ? t('mailIn.waitForChecks')
                  : t('mailIn.describeFaults')}
          </ErrorAlert>
        )}
        {failure && <ErrorAlert>{failure.message}</ErrorAlert>}
        <div className="form-footer">
          <span className="muted small">{t('mailIn.summary', { count: lines.views.length })}</span>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('mailIn.submitting') : t('mailIn.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
