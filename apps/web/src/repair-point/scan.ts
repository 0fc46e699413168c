import type { DeviceLine, RepairOrder } from '@aftersales/contracts/repair-orders';
import { normalizeSerialNumber } from '@aftersales/contracts/warranty';

/** What a scanned SN means for the parcel being unpacked. */
export type ScanResult =
  /** A machine the parcel should hold (or one reported missing that turned up): receive it. */
  | { kind: 'receive'; line: DeviceLine }
  /** Scanned before: nothing to do. */
  | { kind: 'already'; line: DeviceLine }
  /** Not a machine of this order. */
  | { kind: 'unknown'; sn: string };

const receivable: readonly DeviceLine['status'][] = ['awaiting_receipt', 'missing'];

/** The line a scanner's SN names: labels are printed in capitals, people type them in any case. */
export function scanLine(order: RepairOrder, scanned: string): ScanResult {
  const sn = normalizeSerialNumber(scanned);
  const line = order.lines.find((l) => l.sn === sn);
  if (!line || line.status === 'cancelled') return { kind: 'unknown', sn };
  return receivable.includes(line.status) ? { kind: 'receive', line } : { kind: 'already', line };
}

/** The machines the parcel should still hold. */
export function stillExpected(order: RepairOrder): number {
  return order.lines.filter((l) => l.status === 'awaiting_receipt').length;
}
