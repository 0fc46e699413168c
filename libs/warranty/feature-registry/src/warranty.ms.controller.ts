import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { apiError, validationError } from '@aftersales/contracts/common';
import {
  type WarrantyLookupReply,
  warrantyLookupRequestSchema,
  warrantySubjects,
} from '@aftersales/contracts/warranty';
import { RpcError } from '@aftersales/shared-messaging';
import { DeviceRepository } from '@aftersales/warranty-data-access';
import { warrantyStatus } from '@aftersales/warranty-domain';

@Controller()
export class WarrantyMsController {
  constructor(private readonly devices: DeviceRepository) {}

  @MessagePattern(warrantySubjects.lookup)
  async lookup(@Payload() payload: unknown): Promise<WarrantyLookupReply> {
    const request = warrantyLookupRequestSchema.safeParse(payload);
    if (!request.success) throw new RpcError(validationError(request.error));
    const device = await this.devices.findBySn(request.data.sn);
    if (!device) {
      throw new RpcError(apiError(404, `No machine with SN ${request.data.sn} is registered`));
    }
    const today = new Date().toISOString().slice(0, 10);
    return warrantyStatus(device, today);
  }
}
