import type { RepairOrderDetail } from '@aftersales/contracts/repair-orders';
import { stepsOfLine } from '../repair-orders/timeline-steps';

/** The photos of one machine of an order, by who took them and when. */
export interface LinePhotos {
  /** The customer's, on the mail-in form. */
  form: string[];
  /** The repair point's on receipt. */
  receipt: string[];
  /** The repair point's in its repair steps, oldest first. */
  repair: string[];
}

/** Every photo of a device line; none for a line the order does not hold. */
export function photosOfLine(order: RepairOrderDetail, deviceOrderNo: string): LinePhotos {
  const line = order.lines.find((l) => l.deviceOrderNo === deviceOrderNo);
  return {
    form: line?.photos ?? [],
    receipt: line?.receiptPhotos ?? [],
    repair: stepsOfLine(order.timeline, deviceOrderNo).flatMap((step) =>
      step.type === 'RepairProgressRecorded' ? (step.details.photos ?? []) : [],
    ),
  };
}

export const photoCount = ({ form, receipt, repair }: LinePhotos) =>
  form.length + receipt.length + repair.length;
