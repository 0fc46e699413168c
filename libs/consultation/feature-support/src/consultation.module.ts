import { Module } from '@nestjs/common';
import { consultationEvents } from '@aftersales/contracts/consultation';
import { ConsultationRepository, consultationMigrations } from '@aftersales/consultation-data-access';
import { EventSourcedServiceModule } from '@aftersales/shared-event-store';
import { ConsultationMsController } from './consultation.ms.controller.js';
import { ConsultationNotices } from './consultation.notices.js';
import { ConsultationService } from './consultation.service.js';

/** The consultation service: consultations and their chat, event-sourced on the kit, answered over the bus. */
@Module({
  imports: [
    EventSourcedServiceModule.register({
      service: 'consultation',
      migrations: consultationMigrations,
      publishes: Object.values(consultationEvents),
    }),
  ],
  controllers: [ConsultationMsController],
  providers: [ConsultationRepository, ConsultationNotices, ConsultationService],
})
export class ConsultationModule {}
