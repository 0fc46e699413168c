import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  batchLookupRequestSchema,
  extensionRequestSchema,
  repairPointIdSchema,
  repairPointInputSchema,
  repairPointQuerySchema,
  serialNumberSchema,
  warrantyLookupRequestSchema,
  warrantyPolicySchema,
  warrantySubjects,
} from '@aftersales/contracts/warranty';
import { parsePayload } from '@aftersales/shared-messaging';
import { z } from 'zod';
import { DeviceImportService } from './device-import.service.js';
import { ServiceNetworkService } from './service-network.service.js';
import { WarrantyService } from './warranty.service.js';

const importId = z.object({ importId: z.uuid() });
const pointRegistration = z.object({
  id: repairPointIdSchema,
  input: repairPointInputSchema,
  actor: z.string().min(1),
});
const pointChange = pointRegistration.extend({ expectedVersion: z.number().int().positive() });

@Controller()
export class WarrantyMsController {
  constructor(
    private readonly warranty: WarrantyService,
    private readonly network: ServiceNetworkService,
    private readonly imports: DeviceImportService,
  ) {}

  @MessagePattern(warrantySubjects.lookup)
  lookup(@Payload() payload: unknown) {
    return this.warranty.lookup(parsePayload(warrantyLookupRequestSchema, payload).sn);
  }

  @MessagePattern(warrantySubjects.lookupBatch)
  lookupBatch(@Payload() payload: unknown) {
    return this.warranty.lookupBatch(parsePayload(batchLookupRequestSchema, payload).sns);
  }

  @MessagePattern(warrantySubjects.listPolicies)
  listPolicies() {
    return this.warranty.listPolicies();
  }

  @MessagePattern(warrantySubjects.setPolicy)
  setPolicy(@Payload() payload: unknown) {
    return this.warranty.setPolicy(parsePayload(warrantyPolicySchema, payload));
  }

  @MessagePattern(warrantySubjects.grantExtension)
  grantExtension(@Payload() payload: unknown) {
    const { sn, actor, ...extension } = parsePayload(
      extensionRequestSchema.extend({ sn: serialNumberSchema, actor: z.string().min(1) }),
      payload,
    );
    return this.warranty.grantExtension(sn, extension, actor);
  }

  @MessagePattern(warrantySubjects.listRepairPoints)
  listRepairPoints(@Payload() payload: unknown) {
    return this.network.list(
      parsePayload(repairPointQuerySchema.extend({ includeInactive: z.boolean().optional() }), payload),
    );
  }

  @MessagePattern(warrantySubjects.getRepairPoint)
  getRepairPoint(@Payload() payload: unknown) {
    return this.network.get(parsePayload(z.object({ id: repairPointIdSchema }), payload).id);
  }

  @MessagePattern(warrantySubjects.registerRepairPoint)
  registerRepairPoint(@Payload() payload: unknown) {
    const { id, input, actor } = parsePayload(pointRegistration, payload);
    return this.network.register(id, input, actor);
  }

  @MessagePattern(warrantySubjects.changeRepairPoint)
  changeRepairPoint(@Payload() payload: unknown) {
    const { id, input, expectedVersion, actor } = parsePayload(pointChange, payload);
    return this.network.change(id, input, expectedVersion, actor);
  }

  @MessagePattern(warrantySubjects.startImport)
  startImport(@Payload() payload: unknown) {
    const { importId: id, filename } = parsePayload(
      importId.extend({ filename: z.string().min(1).max(255) }),
      payload,
    );
    return this.imports.start(id, filename);
  }

  @MessagePattern(warrantySubjects.importRows)
  importRows(@Payload() payload: unknown) {
    const rows = z
      .array(z.object({ line: z.number().int().positive(), fields: z.record(z.string(), z.string()) }))
      .max(5_000);
    return this.imports.addRows(parsePayload(importId.extend({ rows }), payload));
  }

  @MessagePattern(warrantySubjects.finishImport)
  finishImport(@Payload() payload: unknown) {
    const { importId: id, error } = parsePayload(
      importId.extend({ error: z.string().max(500).optional() }),
      payload,
    );
    return this.imports.finish(id, error);
  }

  @MessagePattern(warrantySubjects.getImport)
  getImport(@Payload() payload: unknown) {
    return this.imports.get(parsePayload(importId, payload).importId);
  }

  @MessagePattern(warrantySubjects.deviceHistory)
  deviceHistory(@Payload() payload: unknown) {
    return this.imports.history(parsePayload(warrantyLookupRequestSchema, payload).sn);
  }

  @MessagePattern(warrantySubjects.importRejections)
  importRejections(@Payload() payload: unknown) {
    return this.imports.rejections(parsePayload(importId, payload).importId);
  }
}
