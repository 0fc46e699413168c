import {
  type Carrier,
  normalizeTrackingNumber,
  OTHER_CARRIER,
  type TrackingNumberProblem,
  trackingNumberProblem,
} from '@aftersales/contracts/logistics';
import { type ShipmentInput, shipmentInputSchema } from '@aftersales/contracts/repair-orders';

/**
 * What the fields hold while the user types: a listed carrier's code, `other` and its name, or nothing
 * chosen yet.
 */
export interface ShipmentDraft {
  carrier: string;
  otherCarrier: string;
  trackingNumber: string;
}

/** Why a draft is not a shipment yet, by field. */
export interface ShipmentProblems {
  carrier?: 'missing';
  trackingNumber?: 'missing' | 'invalid' | TrackingNumberProblem;
}

export type ShipmentCheck =
  | { ok: true; shipment: ShipmentInput; carrier?: Carrier }
  | { ok: false; problems: ShipmentProblems; carrier?: Carrier };

/**
 * The fields for a parcel: a new one starts with no carrier chosen (a guess would only make a right
 * number look wrong); one entered before shows its carrier, or its free-text name when the carrier is not
 * on the list.
 */
export function draftOf(shipment: ShipmentInput | undefined, carriers: readonly Carrier[]): ShipmentDraft {
  if (!shipment) return { carrier: '', otherCarrier: '', trackingNumber: '' };
  const listed = carriers.some((carrier) => carrier.code === shipment.carrier);
  return {
    carrier: listed ? shipment.carrier : OTHER_CARRIER,
    otherCarrier: listed ? '' : shipment.carrier,
    trackingNumber: shipment.trackingNumber,
  };
}

/**
 * The draft as the shipment to send, its number written as the server compares numbers, or why it is not
 * one yet: a listed carrier's number must fit that carrier's rule, the same rule the server applies.
 */
export function shipmentOf(draft: ShipmentDraft, carriers: readonly Carrier[]): ShipmentCheck {
  const carrier = carriers.find((c) => c.code === draft.carrier);
  const name = draft.carrier === OTHER_CARRIER ? draft.otherCarrier.trim() : draft.carrier;
  const trackingNumber = normalizeTrackingNumber(draft.trackingNumber);
  const problems: ShipmentProblems = {};
  // The field holds at most 60 characters: an empty name is the only way to miss the schema.
  if (!shipmentInputSchema.shape.carrier.safeParse(name).success) problems.carrier = 'missing';
  if (!trackingNumber) problems.trackingNumber = 'missing';
  else if (!shipmentInputSchema.shape.trackingNumber.safeParse(trackingNumber).success)
    problems.trackingNumber = 'invalid';
  else {
    const problem = carrier && trackingNumberProblem(carrier, trackingNumber);
    if (problem) problems.trackingNumber = problem;
  }
  const listed = carrier ? { carrier } : {};
  if (problems.carrier || problems.trackingNumber) return { ok: false, problems, ...listed };
  return { ok: true, shipment: { carrier: name, trackingNumber }, ...listed };
}
