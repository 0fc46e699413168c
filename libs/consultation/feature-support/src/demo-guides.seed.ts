import { Injectable } from '@nestjs/common';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { DEMO_GUIDE_AUTHOR, demoGuides } from '@aftersales/consultation-data-access';
import { GuidesService } from './guides.service.js';

/**
 * Publishes the demo guides that are missing, so that "Self-service repair" is not empty on a first
 * start. A guide that exists is left as support made it; the seed names its commands, so that two
 * replicas seeding at once create and publish each guide once.
 */
@Injectable()
export class DemoGuidesSeed {
  constructor(private readonly guides: GuidesService) {}

  async seed(now: Date): Promise<void> {
    for (const { id, content } of demoGuides) {
      if (await this.guides.exists(id)) continue;
      await this.guides.create(id, content, DEMO_GUIDE_AUTHOR, seedMetadata(`seed-guide-${id}`, now));
      await this.guides.publish(id, DEMO_GUIDE_AUTHOR, 1, seedMetadata(`seed-guide-${id}-publish`, now));
    }
  }
}

function seedMetadata(commandId: string, now: Date): CommandMetadata {
  return {
    actor: 'service:consultation',
    commandId,
    correlationId: commandId,
    causationId: commandId,
    now: now.toISOString(),
  };
}
