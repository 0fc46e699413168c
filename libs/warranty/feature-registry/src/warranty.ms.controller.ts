import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { apiError } from '@aftersales/contracts/common';
import {
  type WarrantyLookupReply,
  warrantyLookupRequestSchema,
  warrantySubjects,
} from '@aftersales/contracts/warranty';
import { parsePayload, RpcError } from '@aftersales/shared-messaging';
import { DeviceRepository } from '@aftersales/warranty-data-access';
import { warrantyStatus } from '@aftersales/warranty-domain';

@Controller()
export class WarrantyMsController {
  constructor(private readonly devices: DeviceRepository) {}

  @MessagePattern(warrantySubjects.lookup)
  async lookup(@Payload() payload: unknown): Promise<WarrantyLookupReply> {
    const { sn } = parsePayload(warrantyLookupRequestSchema, payload);
    const device = await this.devices.findBySn(sn);
    if (!device) throw new RpcError(apiError(404, `No machine with SN ${sn} is registered`));
    const today = new Date().toISOString().slice(0, 10);
    return warrantyStatus(device, today);
  }
}
