import { Inject, Injectable, Logger } from '@nestjs/common';
import { type ConsultationChangedNotice, consultationNotices } from '@aftersales/contracts/consultation';
import { ConsultationRepository } from '@aftersales/consultation-data-access';
import type { ConsultationEvent } from '@aftersales/consultation-domain';
import { BROADCASTS, type Broadcasts } from '@aftersales/shared-messaging';

/**
 * Tells every gateway what a command changed, read back from the read models it has just updated, so that
 * the gateways bring it to the sockets of both parties.
 */
@Injectable()
export class ConsultationNotices {
  private readonly logger = new Logger(ConsultationNotices.name);

  constructor(
    private readonly readModel: ConsultationRepository,
    @Inject(BROADCASTS) private readonly broadcasts: Broadcasts,
  ) {}

  /**
   * The change is made by now, so the caller hears of it even when the notice fails: the clients then
   * recover what they missed by joining again.
   */
  async changed(consultationId: string, events: ConsultationEvent[]): Promise<void> {
    try {
      await this.broadcasts.broadcast(
        consultationNotices.changed,
        await this.noticeOf(consultationId, events),
      );
    } catch (error) {
      this.logger.warn(`Notice of consultation ${consultationId} not sent: ${String(error)}`);
    }
  }

  private async noticeOf(
    consultationId: string,
    events: ConsultationEvent[],
  ): Promise<ConsultationChangedNotice> {
    const posted = events.flatMap((e) => (e.type === 'MessagePosted' ? [e.data.seq] : []));
    const [consultation, messages] = await Promise.all([
      this.readModel.findForBothSides(consultationId),
      posted.length === 0
        ? []
        : this.readModel.messages(consultationId, {
            afterSeq: Math.min(...posted) - 1,
            limit: posted.length,
          }),
    ]);
    if (!consultation) throw new Error(`Consultation ${consultationId} was changed but is not stored`);
    const reads = events.flatMap((e) =>
      e.type === 'MessagesRead' ? [{ consultationId, reader: e.data.reader, upToSeq: e.data.upToSeq }] : [],
    );
    return { consultationId, consultation, messages, reads };
  }
}
