import { Logger } from '@nestjs/common';
import type { RepairPoint } from '@aftersales/contracts/warranty';
import { identityNotices, type IdentityNotices } from '@aftersales/contracts/identity';
import { recordAuditEntry, repairPointEvents, setRepairPointActive } from '@aftersales/identity-data-access';
import type { Consumer, RecordedEvent } from '@aftersales/shared-event-store';
import type { Broadcasts } from '@aftersales/shared-messaging';
import type { Database } from '@aftersales/shared-persistence';

/**
 * Identity's reaction to warranty's repair-point events: the audit trail records them, and a point's
 * API keys stop working while it is inactive and work again once it is reactivated.
 */
export class RepairPointConsumer implements Consumer {
  readonly name = 'repair_points';
  readonly from = 'warranty';
  readonly events = repairPointEvents;
  private readonly logger = new Logger('identity');
  /** Set once Nest made it: the consumer is declared before the module's providers exist. */
  broadcasts?: Broadcasts;

  async handle(event: RecordedEvent, tx: Database): Promise<void> {
    const point = event.data as RepairPoint;
    await recordAuditEntry(event, tx);
    await setRepairPointActive(point.id, point.active, new Date(point.updatedAt), tx);
  }

  /** Gateways forget the point's keys they remember only now, so none re-reads them from before. */
  async afterCommit(event: RecordedEvent): Promise<void> {
    const { id } = event.data as RepairPoint;
    await this.broadcasts
      ?.broadcast(identityNotices.repairPointKeysChanged, {
        repairPointId: id,
      } satisfies IdentityNotices['repairPointKeysChanged'])
      // The change is stored by now: a lost notice only leaves gateways trusting the keys up to 30 s.
      .catch((error: unknown) => this.logger.warn(`Notice of repair point ${id} not sent: ${String(error)}`));
  }
}
