import { Controller } from '@nestjs/common';
import type { CommandMetadata, ParsedRequestOf } from '@aftersales/contracts/common';
import { repairOrderMessages as m } from '@aftersales/contracts/repair-orders';
import { Answers } from '@aftersales/shared-messaging';
import { RepairOrdersService } from './repair-orders.service.js';

type Request<K extends keyof typeof m> = ParsedRequestOf<(typeof m)[K]>;

/** The repair-orders service's answers on the bus. */
@Controller()
export class RepairOrdersMsController {
  constructor(private readonly orders: RepairOrdersService) {}

  @Answers(m.get)
  get({ diagnosisCode, viewer }: Request<'get'>) {
    return this.orders.get(diagnosisCode, viewer);
  }

  @Answers(m.listForCustomer)
  listForCustomer({ customerId }: Request<'listForCustomer'>) {
    return this.orders.listForCustomer(customerId);
  }

  @Answers(m.tickets)
  tickets({ customerId, ...query }: Request<'tickets'>) {
    return this.orders.tickets(customerId, query);
  }

  @Answers(m.pointOrders)
  pointOrders({ repairPointId, status }: Request<'pointOrders'>) {
    return this.orders.pointOrders(repairPointId, status);
  }

  @Answers(m.checkDevices)
  checkDevices(request: Request<'checkDevices'>, metadata: CommandMetadata) {
    return this.orders.checkDevices(request, metadata);
  }

  @Answers(m.submitMailIn)
  submitMailIn(request: Request<'submitMailIn'>, metadata: CommandMetadata) {
    return this.orders.submitMailIn(request, metadata);
  }

  @Answers(m.correctOutboundShipment)
  correctOutboundShipment(request: Request<'correctOutboundShipment'>, metadata: CommandMetadata) {
    return this.orders.correctOutboundShipment(request, metadata);
  }

  @Answers(m.cancel)
  cancel(request: Request<'cancel'>, metadata: CommandMetadata) {
    return this.orders.cancel(request, metadata);
  }

  @Answers(m.confirmReceipt)
  confirmReceipt(request: Request<'confirmReceipt'>, metadata: CommandMetadata) {
    return this.orders.confirmReceipt(request, metadata);
  }

  @Answers(m.receive)
  receive(request: Request<'receive'>, metadata: CommandMetadata) {
    return this.orders.receive(request, metadata);
  }

  @Answers(m.recordProgress)
  recordProgress(request: Request<'recordProgress'>, metadata: CommandMetadata) {
    return this.orders.recordProgress(request, metadata);
  }

  @Answers(m.shipBack)
  shipBack(request: Request<'shipBack'>, metadata: CommandMetadata) {
    return this.orders.shipBack(request, metadata);
  }
}
