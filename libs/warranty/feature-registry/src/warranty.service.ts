import { Injectable } from '@nestjs/common';
import { type CommandMetadata, NotFoundError } from '@aftersales/contracts/common';
import {
  type BatchLookupReply,
  type ExtensionRequest,
  isWellFormedSn,
  normalizeSerialNumber,
  type WarrantyLookupReply,
  type WarrantyPolicy,
} from '@aftersales/contracts/warranty';
import { DeviceRepository, type RegisteredDevice } from '@aftersales/warranty-data-access';
import { STANDARD_WARRANTY_MONTHS, warrantyStatus } from '@aftersales/warranty-domain';

/** The calendar day (UTC) of an instant. */
const dayOf = (now: string) => now.slice(0, 10);

function statusOf(device: RegisteredDevice, day: string): WarrantyLookupReply {
  const { policyMonths, extensions, ...rest } = device;
  return warrantyStatus(rest, { policyMonths: policyMonths ?? STANDARD_WARRANTY_MONTHS, extensions }, day);
}

/** Warranty entitlement: lookups, policies per model, extensions per device. */
@Injectable()
export class WarrantyService {
  constructor(private readonly devices: DeviceRepository) {}

  async lookup(sn: string, now: string): Promise<WarrantyLookupReply> {
    const device = await this.devices.findBySn(sn);
    if (!device)
      throw new NotFoundError(`No machine with SN ${sn} is registered`, {
        code: 'device_not_found',
        params: { sn },
      });
    return statusOf(device, dayOf(now));
  }

  /** Flags malformed and unknown SNs instead of failing the batch; repeated SNs are answered each time. */
  async lookupBatch(inputs: string[], now: string): Promise<BatchLookupReply> {
    const wellFormed = inputs.filter(isWellFormedSn).map(normalizeSerialNumber);
    const found = await this.devices.findBySns([...new Set(wellFormed)]);
    const day = dayOf(now);
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

  async grantExtension(
    sn: string,
    extension: ExtensionRequest,
    { actor, now }: CommandMetadata,
  ): Promise<WarrantyLookupReply> {
    if (!(await this.devices.findBySn(sn)))
      throw new NotFoundError(`No machine with SN ${sn} is registered`, {
        code: 'device_not_found',
        params: { sn },
      });
    const { extensionId: id, months, reason } = extension;
    await this.devices.grantExtension({ id, sn, months, reason, grantedBy: actor });
    return this.lookup(sn, now);
  }
}
