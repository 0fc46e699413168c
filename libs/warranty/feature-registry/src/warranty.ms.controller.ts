import { Controller } from '@nestjs/common';
import type { CommandMetadata, ParsedRequestOf } from '@aftersales/contracts/common';
import { warrantyMessages as m } from '@aftersales/contracts/warranty';
import { Answers } from '@aftersales/shared-messaging';
import { DeviceImportService } from './device-import.service.js';
import { ServiceNetworkService } from './service-network.service.js';
import { WarrantyService } from './warranty.service.js';

type Request<K extends keyof typeof m> = ParsedRequestOf<(typeof m)[K]>;

/** The warranty service's answers on the bus: each contract's request, validated, handed to its service. */
@Controller()
export class WarrantyMsController {
  constructor(
    private readonly warranty: WarrantyService,
    private readonly network: ServiceNetworkService,
    private readonly imports: DeviceImportService,
  ) {}

  @Answers(m.lookup)
  lookup({ sn }: Request<'lookup'>, { now }: CommandMetadata) {
    return this.warranty.lookup(sn, now);
  }

  @Answers(m.lookupBatch)
  lookupBatch({ sns }: Request<'lookupBatch'>, { now }: CommandMetadata) {
    return this.warranty.lookupBatch(sns, now);
  }

  @Answers(m.listPolicies)
  listPolicies() {
    return this.warranty.listPolicies();
  }

  @Answers(m.setPolicy)
  setPolicy(policy: Request<'setPolicy'>) {
    return this.warranty.setPolicy(policy);
  }

  @Answers(m.grantExtension)
  grantExtension({ sn, ...extension }: Request<'grantExtension'>, metadata: CommandMetadata) {
    return this.warranty.grantExtension(sn, extension, metadata);
  }

  @Answers(m.listRepairPoints)
  listRepairPoints(query: Request<'listRepairPoints'>) {
    return this.network.list(query);
  }

  @Answers(m.getRepairPoint)
  getRepairPoint({ id }: Request<'getRepairPoint'>) {
    return this.network.get(id);
  }

  @Answers(m.registerRepairPoint)
  registerRepairPoint({ id, input }: Request<'registerRepairPoint'>, metadata: CommandMetadata) {
    return this.network.register(id, input, metadata);
  }

  @Answers(m.changeRepairPoint)
  changeRepairPoint({ id, input, expectedVersion }: Request<'changeRepairPoint'>, metadata: CommandMetadata) {
    return this.network.change(id, input, expectedVersion, metadata);
  }

  @Answers(m.startImport)
  startImport({ importId, filename }: Request<'startImport'>) {
    return this.imports.start(importId, filename);
  }

  @Answers(m.importRows)
  importRows(chunk: Request<'importRows'>, { now }: CommandMetadata) {
    return this.imports.addRows(chunk, now);
  }

  @Answers(m.finishImport)
  finishImport({ importId, error }: Request<'finishImport'>) {
    return this.imports.finish(importId, error);
  }

  @Answers(m.getImport)
  getImport({ importId }: Request<'getImport'>) {
    return this.imports.get(importId);
  }

  @Answers(m.deviceHistory)
  deviceHistory({ sn }: Request<'deviceHistory'>) {
    return this.imports.history(sn);
  }

  @Answers(m.importRejections)
  importRejections({ importId }: Request<'importRejections'>) {
    return this.imports.rejections(importId);
  }
}
