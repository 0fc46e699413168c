import type { RepairOrderDetail } from '@aftersales/contracts/repair-orders';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { useCarrierName } from './carriers';
import { faultText, partText, testText } from './fault-text';
import { dateTime } from './format';
import { stepsOf, type TimelineStep } from './timeline-steps';

interface TimelineProps {
  order: RepairOrderDetail;
  /** The name of the order's repair point, for what its engineers did. */
  pointName?: string;
}

/** Everything that happened to the order, oldest first: when, who, what, and to which machines. */
export function Timeline({ order, pointName }: TimelineProps) {
  const { t } = useTranslation();
  const { state } = useAuth();
  const me = state.status === 'signed-in' ? `user:${state.user.id}` : undefined;
  const snOf = (deviceOrderNo: string) =>
    order.lines.find((l) => l.deviceOrderNo === deviceOrderNo)?.sn ?? deviceOrderNo;
  const carrierName = useCarrierName();
  const steps = stepsOf(order.timeline);
  return (
    <ol className="timeline" data-testid="timeline">
      {steps.map((step, index) => {
        const { text, details } = describe(t, step, snOf, carrierName);
        return (
          <li key={`${step.at}-${index}`} data-testid="timeline-entry" data-type={step.type}>
            <time dateTime={step.at}>{dateTime(step.at)}</time>
            <span className="who">{step.actor === me ? t('timeline.who.you') : who(t, step, pointName)}</span>
            <span className="what">{text}</span>
            {details.length > 0 && (
              <ul className="small">
                {details.map((detail, i) => (
                  <li key={i}>{detail}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** Who acted, by name where the order names them, and always by role: "张工（维修点 深圳）". */
function who(t: TFunction, step: TimelineStep, pointName?: string): string {
  const role = roleOf(t, step, pointName);
  return step.actorName ? t('timeline.who.named', { name: step.actorName, role }) : role;
}

function roleOf(t: TFunction, step: TimelineStep, pointName = ''): string {
  switch (step.type) {
    case 'RepairOrderOpened':
      return t('timeline.who.agent');
    case 'MailInSubmitted':
    case 'OutboundShipmentCorrected':
    case 'RepairOrderCancelled':
      return t('timeline.who.customer');
    case 'ReturnConfirmed':
      return step.details.confirmedBy === 'customer' ? t('timeline.who.customer') : t('timeline.who.carrier');
    case 'OutboundParcelDelivered':
      return t('timeline.who.carrier');
    case 'DeviceReceived':
    case 'RepairProgressRecorded':
    case 'DeviceReturned':
      // A repair point's own system calls the API with a key; its engineers sign in.
      return step.actor.startsWith('api-key:')
        ? t('timeline.who.pointSystem', { point: pointName })
        : t('timeline.who.point', { point: pointName });
  }
}

function describe(
  t: TFunction,
  step: TimelineStep,
  snOf: (deviceOrderNo: string) => string,
  carrierName: (carrier: string) => string,
): { text: string; details: string[] } {
  const sns = step.deviceOrderNos.map(snOf).join(t('common.listSeparator'));
  switch (step.type) {
    case 'RepairOrderOpened':
      return { text: t('timeline.RepairOrderOpened', { sns }), details: [] };
    case 'MailInSubmitted':
      return {
        text: t('timeline.MailInSubmitted', {
          count: step.details.lines.length,
          carrier: carrierName(step.details.carrier),
          trackingNumber: step.details.trackingNumber,
        }),
        details: step.details.lines.map((l) => `${l.sn}: ${l.fault}`),
      };
    case 'OutboundShipmentCorrected':
      return {
        text: t('timeline.OutboundShipmentCorrected', {
          carrier: carrierName(step.details.carrier),
          trackingNumber: step.details.trackingNumber,
        }),
        details: [],
      };
    case 'RepairOrderCancelled':
      return { text: t('timeline.RepairOrderCancelled'), details: [] };
    case 'DeviceReceived':
      return {
        text: t(`timeline.DeviceReceived.${step.details.outcome}`, { sns }),
        details: step.details.note ? [step.details.note] : [],
      };
    case 'RepairProgressRecorded': {
      const { faults, partsReplaced, test, note, result } = step.details;
      return {
        text: result
          ? t(`timeline.RepairProgressRecorded.${result}`, { sns })
          : t('timeline.RepairProgressRecorded.progress', { sns }),
        details: [
          ...faults.map((f) => t('timeline.fault', { fault: faultText(f) })),
          ...partsReplaced.map((p) => t('timeline.part', { part: partText(p) })),
          ...(test ? [t('timeline.test', { test: testText(test) })] : []),
          ...(note ? [note] : []),
        ],
      };
    }
    case 'DeviceReturned':
      return {
        text: t('timeline.DeviceReturned', {
          sns,
          carrier: carrierName(step.details.carrier),
          trackingNumber: step.details.trackingNumber,
        }),
        details: [],
      };
    case 'ReturnConfirmed':
      return { text: t('timeline.ReturnConfirmed', { sns }), details: [] };
    case 'OutboundParcelDelivered':
      return { text: t('timeline.OutboundParcelDelivered'), details: [] };
  }
}
