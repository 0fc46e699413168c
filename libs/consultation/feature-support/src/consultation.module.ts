import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { cannedReplyEvents, consultationEvents, guideEvents } from '@aftersales/contracts/consultation';
import {
  CannedReplyRepository,
  ConsultationRepository,
  consultationMigrations,
  GuideRepository,
} from '@aftersales/consultation-data-access';
import { EventSourcedServiceModule } from '@aftersales/shared-event-store';
import { CannedRepliesMsController } from './canned-replies.ms.controller.js';
import { CannedRepliesService } from './canned-replies.service.js';
import { ConsultationMsController } from './consultation.ms.controller.js';
import { ConsultationNotices } from './consultation.notices.js';
import { ConsultationService } from './consultation.service.js';
import { DemoGuidesSeed } from './demo-guides.seed.js';
import { GuidesMsController } from './guides.ms.controller.js';
import { GuidesService } from './guides.service.js';

export interface ConsultationOptions {
  /** Publishes the demo self-service guides that are missing, for trying the product out. */
  seedDemoData: boolean;
}

const CONSULTATION_OPTIONS = Symbol('ConsultationOptions');

/**
 * The consultation service: consultations and their chat, the canned replies agents answer with, and the
 * self-service repair guides, each event-sourced on the kit and answered over the bus.
 */
@Module({})
export class ConsultationModule implements OnModuleInit {
  constructor(
    @Inject(CONSULTATION_OPTIONS) private readonly options: ConsultationOptions,
    private readonly demoGuides: DemoGuidesSeed,
  ) {}

  static register(options: ConsultationOptions): DynamicModule {
    return {
      module: ConsultationModule,
      imports: [
        EventSourcedServiceModule.register({
          service: 'consultation',
          migrations: consultationMigrations,
          publishes: [
            ...Object.values(consultationEvents),
            ...Object.values(cannedReplyEvents),
            ...Object.values(guideEvents),
          ],
        }),
      ],
      controllers: [ConsultationMsController, CannedRepliesMsController, GuidesMsController],
      providers: [
        ConsultationRepository,
        ConsultationNotices,
        ConsultationService,
        CannedReplyRepository,
        CannedRepliesService,
        GuideRepository,
        GuidesService,
        DemoGuidesSeed,
        { provide: CONSULTATION_OPTIONS, useValue: options },
      ],
    };
  }

  /** Runs after the kit has migrated the schema: imported modules start first. */
  async onModuleInit(): Promise<void> {
    if (this.options.seedDemoData) await this.demoGuides.seed(new Date());
  }
}
