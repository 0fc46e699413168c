import { z } from 'zod';
import { event } from '../common/contracts.js';
import { repairPointIdSchema } from '../warranty/repair-points.js';
import { roleSchema } from './principal.js';

const userId = z.uuid();
const apiKeyId = z.uuid();

/**
 * Events the identity service publishes on its stream, `aftersales.identity.<type>`: the administration
 * of accounts and API keys, each recorded in the transaction of the change it describes.
 */
export const identityEvents = {
  /** An account was created by an admin (or the demo seed); the data is the account as created. */
  userCreated: event(
    'identity',
    'UserCreated',
    1,
    z.object({
      userId,
      email: z.string(),
      displayName: z.string(),
      role: roleSchema,
      repairPointId: repairPointIdSchema.optional(),
    }),
  ),
  /** The account's role changed; `repairPointId` is the point an engineer now acts for. */
  userRoleChanged: event(
    'identity',
    'UserRoleChanged',
    1,
    z.object({
      userId,
      previousRole: roleSchema,
      role: roleSchema,
      repairPointId: repairPointIdSchema.optional(),
    }),
  ),
  /** An engineer now acts for another repair point. */
  userRepairPointChanged: event(
    'identity',
    'UserRepairPointChanged',
    1,
    z.object({ userId, previousRepairPointId: repairPointIdSchema, repairPointId: repairPointIdSchema }),
  ),
  /** The account may no longer sign in; every session it had ended with it. */
  userDisabled: event('identity', 'UserDisabled', 1, z.object({ userId })),
  userEnabled: event('identity', 'UserEnabled', 1, z.object({ userId })),
  apiKeyCreated: event(
    'identity',
    'ApiKeyCreated',
    1,
    z.object({
      apiKeyId,
      repairPointId: repairPointIdSchema,
      name: z.string(),
      prefix: z.string(),
      expiresAt: z.iso.datetime().optional(),
    }),
  ),
  apiKeyRevoked: event(
    'identity',
    'ApiKeyRevoked',
    1,
    z.object({ apiKeyId, repairPointId: repairPointIdSchema }),
  ),
};
