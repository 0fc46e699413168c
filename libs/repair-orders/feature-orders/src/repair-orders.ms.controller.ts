import { Controller } from '@nestjs/common';
import type { ParsedRequestOf } from '@aftersales/contracts/common';
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
}
