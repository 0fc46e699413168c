import { z } from 'zod';
import { event, message } from '../common/contracts.js';
import { batchLookupReplySchema, batchLookupRequestSchema, warrantyLookupReplySchema } from './lookup.js';
import {
  deviceChangeSchema,
  deviceImportSchema,
  extensionRequestSchema,
  importChunkSchema,
  importIdSchema,
  rejectedRowSchema,
  warrantyPolicySchema,
} from './registry.js';
import {
  repairPointIdSchema,
  repairPointInputSchema,
  repairPointQuerySchema,
  repairPointSchema,
} from './repair-points.js';
import { serialNumberSchema } from './serial-number.js';

const bySn = z.strictObject({ sn: serialNumberSchema });
const byImport = z.strictObject({ importId: importIdSchema });
const nothing = z.strictObject({});

/** What the warranty service answers on the bus, `aftersales.warranty.<verb>`. */
export const warrantyMessages = {
  lookup: message('aftersales.warranty.lookup', bySn, warrantyLookupReplySchema),
  lookupBatch: message('aftersales.warranty.lookup-batch', batchLookupRequestSchema, batchLookupReplySchema),
  listRepairPoints: message(
    'aftersales.warranty.list-repair-points',
    repairPointQuerySchema.extend({ includeInactive: z.boolean().optional() }),
    z.array(repairPointSchema),
  ),
  getRepairPoint: message(
    'aftersales.warranty.get-repair-point',
    z.strictObject({ id: repairPointIdSchema }),
    repairPointSchema,
  ),
  registerRepairPoint: message(
    'aftersales.warranty.register-repair-point',
    z.strictObject({ id: repairPointIdSchema, input: repairPointInputSchema }),
    repairPointSchema,
  ),
  /** `expectedVersion` is the version the caller read (If-Match); a point changed since is refused. */
  changeRepairPoint: message(
    'aftersales.warranty.change-repair-point',
    z.strictObject({
      id: repairPointIdSchema,
      input: repairPointInputSchema,
      expectedVersion: z.number().int().positive(),
    }),
    repairPointSchema,
  ),
  listPolicies: message('aftersales.warranty.list-policies', nothing, z.array(warrantyPolicySchema)),
  setPolicy: message('aftersales.warranty.set-policy', warrantyPolicySchema, warrantyPolicySchema),
  grantExtension: message(
    'aftersales.warranty.grant-extension',
    extensionRequestSchema.extend({ sn: serialNumberSchema }),
    warrantyLookupReplySchema,
  ),
  startImport: message(
    'aftersales.warranty.start-import',
    byImport.extend({ filename: z.string().min(1).max(255) }),
    deviceImportSchema,
  ),
  importRows: message('aftersales.warranty.import-rows', importChunkSchema, deviceImportSchema),
  finishImport: message(
    'aftersales.warranty.finish-import',
    byImport.extend({ error: z.string().max(500).optional() }),
    deviceImportSchema,
  ),
  getImport: message('aftersales.warranty.get-import', byImport, deviceImportSchema),
  importRejections: message('aftersales.warranty.import-rejections', byImport, z.array(rejectedRowSchema)),
  deviceHistory: message('aftersales.warranty.device-history', bySn, z.array(deviceChangeSchema)),
};

/** Events the warranty service publishes on its stream, `aftersales.warranty.<type>`. */
export const warrantyEvents = {
  /** A point joined the service network; the data is the point as registered. */
  repairPointRegistered: event('warranty', 'RepairPointRegistered', 1, repairPointSchema),
  /** A point changed (deactivation included); the data is the point as it is now. */
  repairPointChanged: event('warranty', 'RepairPointChanged', 1, repairPointSchema),
};
