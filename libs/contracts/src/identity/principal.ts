import { z } from 'zod';
import { repairPointIdSchema } from '../warranty/repair-points.js';

export const roles = ['customer', 'agent', 'engineer', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Who is calling: a signed-in user, or a repair point's system with an API key. */
export const principalSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('user'),
    userId: z.string(),
    role: roleSchema,
    repairPointId: repairPointIdSchema.optional(),
    sessionId: z.string(),
  }),
  z.strictObject({
    kind: z.literal('api-key'),
    apiKeyId: z.string(),
    role: z.literal('engineer'),
    repairPointId: repairPointIdSchema,
    /** When the key stops working, so that nobody remembers it past then. */
    expiresAt: z.iso.datetime().optional(),
  }),
]);
export type Principal = z.infer<typeof principalSchema>;
