import type { EventDataOf } from '@aftersales/contracts/common';
import type { repairOrderEvents, TimelineEntry } from '@aftersales/contracts/repair-orders';

type Events = typeof repairOrderEvents;
/** An event's data as the timeline keeps it: the order's own id and code are the page's already. */
type Details<K extends keyof Events> = Omit<EventDataOf<Events[K]>, 'repairOrderId' | 'diagnosisCode'>;

interface Step<T extends string, K extends keyof Events> {
  type: T;
  at: string;
  actor: string;
  actorName?: string;
  deviceOrderNos: string[];
  details: Details<K>;
}

/** A timeline entry by its event, with that event's details. */
export type TimelineStep =
  | Step<'RepairOrderOpened', 'repairOrderOpened'>
  | Step<'MailInSubmitted', 'mailInSubmitted'>
  | Step<'OutboundShipmentCorrected', 'outboundShipmentCorrected'>
  | Step<'RepairOrderCancelled', 'repairOrderCancelled'>
  | Step<'DeviceReceived', 'deviceReceived'>
  | Step<'RepairProgressRecorded', 'repairProgressRecorded'>
  | Step<'DeviceReturned', 'deviceReturned'>
  | Step<'ReturnConfirmed', 'returnConfirmed'>
  | Step<'OutboundParcelDelivered', 'outboundParcelDelivered'>;

export type StepType = TimelineStep['type'];

const stepTypes: readonly string[] = [
  'RepairOrderOpened',
  'MailInSubmitted',
  'OutboundShipmentCorrected',
  'RepairOrderCancelled',
  'DeviceReceived',
  'RepairProgressRecorded',
  'DeviceReturned',
  'ReturnConfirmed',
  'OutboundParcelDelivered',
] satisfies StepType[];

/**
 * The entries this page knows how to tell, oldest first. The service wrote each entry's details from its
 * validated event, so they are that event's data; an event type newer than this page is left out.
 */
export function stepsOf(timeline: readonly TimelineEntry[]): TimelineStep[] {
  return timeline.filter((entry) => stepTypes.includes(entry.type)) as unknown as TimelineStep[];
}

/** The steps about one device line. */
export function stepsOfLine(timeline: readonly TimelineEntry[], deviceOrderNo: string): TimelineStep[] {
  return stepsOf(timeline).filter((step) => step.deviceOrderNos.includes(deviceOrderNo));
}
