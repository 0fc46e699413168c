import type { DeviceLineStatus, RepairOrderStatus } from '@aftersales/contracts/repair-orders';

/**
 * An order's status is its lines' statuses read together: it moves on when all its machines have
 * (missing machines aside), and is under repair while any is at the repair point.
 */
export function orderStatusOf(lines: readonly DeviceLineStatus[]): RepairOrderStatus {
  const live = lines.filter((s) => s !== 'cancelled');
  if (live.length === 0) return 'cancelled';
  if (live.includes('awaiting_submission')) return 'awaiting_submission';
  if (live.every((s) => s === 'awaiting_receipt')) return 'awaiting_receipt';
  const arrived = live.filter((s) => s !== 'missing' && s !== 'awaiting_receipt');
  if (arrived.length === 0) return 'received';
  if (arrived.every((s) => s === 'completed')) return 'completed';
  if (arrived.every((s) => s === 'returned' || s === 'completed')) return 'returned';
  if (arrived.some((s) => s !== 'received' && s !== 'mismatched')) return 'repairing';
  return 'received';
}
