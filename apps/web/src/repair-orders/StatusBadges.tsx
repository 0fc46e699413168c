import type { DeviceLineStatus, RepairOrderStatus } from '@aftersales/contracts/repair-orders';
import { useTranslation } from 'react-i18next';

/** The order's status as the manual names it (待收货, 已寄回, …). */
export function OrderStatusBadge({ status }: { status: RepairOrderStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge repair-${status}`} data-testid="order-status">
      {t(`tickets.orderStatus.${status}`)}
    </span>
  );
}

/** One machine's status: besides the order's, missing, not matching, repaired or beyond repair. */
export function LineStatusBadge({ status }: { status: DeviceLineStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge repair-${status}`} data-testid="line-status">
      {t(`lineStatus.${status}`)}
    </span>
  );
}
