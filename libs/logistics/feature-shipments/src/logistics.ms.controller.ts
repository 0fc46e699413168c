import { Controller } from '@nestjs/common';
import type { CommandMetadata, ParsedRequestOf } from '@aftersales/contracts/common';
import { logisticsMessages as m } from '@aftersales/contracts/logistics';
import { Answers } from '@aftersales/shared-messaging';
import { LogisticsService } from './logistics.service.js';

type Request<K extends keyof typeof m> = ParsedRequestOf<(typeof m)[K]>;

/** The logistics service's answers on the bus. */
@Controller()
export class LogisticsMsController {
  constructor(private readonly logistics: LogisticsService) {}

  @Answers(m.listCarriers)
  listCarriers({ includeInactive }: Request<'listCarriers'>) {
    return this.logistics.carriers(includeInactive);
  }

  @Answers(m.registerCarrier)
  registerCarrier({ code, carrier }: Request<'registerCarrier'>, metadata: CommandMetadata) {
    return this.logistics.registerCarrier(code, carrier, metadata);
  }

  @Answers(m.changeCarrier)
  changeCarrier({ code, carrier, expectedVersion }: Request<'changeCarrier'>, metadata: CommandMetadata) {
    return this.logistics.changeCarrier(code, carrier, expectedVersion, metadata);
  }

  @Answers(m.checkTrackingNumber)
  checkTrackingNumber({ carrier, trackingNumber, customerId }: Request<'checkTrackingNumber'>) {
    return this.logistics.checkTrackingNumber(carrier, trackingNumber, customerId);
  }

  @Answers(m.get)
  get({ shipmentId, viewer }: Request<'get'>) {
    return this.logistics.get(shipmentId, viewer);
  }

  @Answers(m.ofOrder)
  ofOrder({ diagnosisCode, viewer }: Request<'ofOrder'>) {
    return this.logistics.ofOrder(diagnosisCode, viewer);
  }

  @Answers(m.recordCheckpoint)
  recordCheckpoint(
    { shipmentId, viewer, checkpoint }: Request<'recordCheckpoint'>,
    metadata: CommandMetadata,
  ) {
    return this.logistics.recordCheckpoint(shipmentId, viewer, checkpoint, metadata);
  }

  @Answers(m.ingestWebhook)
  ingestWebhook({ body, signature }: Request<'ingestWebhook'>, metadata: CommandMetadata) {
    return this.logistics.ingestAftership(body, signature, metadata);
  }
}
