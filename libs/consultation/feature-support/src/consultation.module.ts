import { Module } from '@nestjs/common';
import { cannedReplyEvents, consultationEvents } from '@aftersales/contracts/consultation';
import {
  CannedReplyRepository,
  ConsultationRepository,
  consultationMigrations,
} from '@aftersales/consultation-data-access';
import { EventSourcedServiceModule } from '@aftersales/shared-event-store';
import { CannedRepliesMsController } from './canned-replies.ms.controller.js';
import { CannedRepliesService } from './canned-replies.service.js';
import { ConsultationMsController } from './consultation.ms.controller.js';
import { ConsultationNotices } from './consultation.notices.js';
import { ConsultationService } from './consultation.service.js';

/**
 * The consultation service: consultations and their chat, and the canned replies agents answer with, each
 * event-sourced on the kit and answered over the bus.
 */
@Module({
  imports: [
    EventSourcedServiceModule.register({
      service: 'consultation',
      migrations: consultationMigrations,
      publishes: [...Object.values(consultationEvents), ...Object.values(cannedReplyEvents)],
    }),
  ],
  controllers: [ConsultationMsController, CannedRepliesMsController],
  providers: [
    ConsultationRepository,
    ConsultationNotices,
    ConsultationService,
    CannedReplyRepository,
    CannedRepliesService,
  ],
})
export class ConsultationModule {}
