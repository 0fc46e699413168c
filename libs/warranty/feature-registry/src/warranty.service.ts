import { Injectable } from '@nestjs/common';
import { apiError } from '@aftersales/contracts/common';
import {
  type BatchLookupReply,
  type ExtensionRequest,
  isWellFormedSn,
  normalizeSerialNumber,
  type WarrantyLookupReply,
  type WarrantyPolicy,
} from '@aftersales/contracts/warranty';
import { RpcError } from '@aftersales/shared-messaging';
import { DeviceRepository, type RegisteredDevice } from '@aftersales/warranty-data-access';
import { STANDARD_WARRANTY_MONTHS, warrantyStatus } from '@aftersales/warranty-domain';

const today = () => new Date().toISOString().slice(0, 10);

function statusOf(device: RegisteredDevice, day: string): WarrantyLookupReply {
  const { policyMonths, extensions, ...rest } = device;
  return warrantyStatus(rest, { policyMonths: policyMonths ?? STANDARD_WARRANTY_MONTHS, extensions }, day);
}

/** Warranty entitlement: lookups, policies per model, extensions per device. */
@Injectable()
export class WarrantyService {
  constructor(private readonly devices: DeviceRepository) {}

  async lookup(sn: string): Promise<WarrantyLookupReply> {
    const device = await this.devices.findBySn(sn);
    if (!device) throw new RpcError(apiError(404, `No machine with SN ${sn} is registered`));
    return statusOf(device, today());
  }

  /** Flags malformed and unknown SNs instead of failing the batch; repeated SNs are answered each time. */
  async lookupBatch(inputs: string[]): Promise<BatchLookupReply> {
    const wellFormed = inputs.filter(isWellFormedSn).map(normalizeSerialNumber);
    const found = await this.devices.findBySns([...new Set(wellFormed)]);
    const day = today();
    return {
      results: inputs.map((input) => {
        if (!isWellFormedSn(input)) return { input, status: 'malformed' as const };
        const sn = normalizeSerialNumber(input);
        const device = found.get(sn);
        if (!device) return { input, sn, status: 'unknown' as const };
        const warranty = statusOf(device, day);
        return {
          input,
          sn,
          status: warranty.inWarranty ? ('in_warranty' as const) : ('out_of_warranty' as const),
          warranty,
        };
      }),
    };
  }

  listPolicies(): Promise<WarrantyPolicy[]> {
    return this.devices.listPolicies();
  }

  async setPolicy(policy: WarrantyPolicy): Promise<WarrantyPolicy> {
    await this.devices.setPolicy(policy);
    return policy;
  }

  async grantExtension(sn: string, extension: ExtensionRequest, actor: string): Promise<WarrantyLookupReply> {
    if (!(await this.devices.findBySn(sn)))
      throw new RpcError(apiError(404, `No machine with SN ${sn} is registered`));
    const { extensionId: id, months, reason } = extension;
    await this.devices.grantExtension({ id, sn, months, reason, grantedBy: actor });
    return this.lookup(sn);
  }
}
