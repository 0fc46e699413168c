import { z } from 'zod';
import { repairPointIdSchema } from '../warranty/repair-points.js';
import { roles } from './principal.js';

const email = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an email address' }).max(254, { error: 'must be at most 254 characters' }));

const password = z
  .string({ error: 'is required' })
  .min(10, { error: 'must be at least 10 characters' })
  .max(200, { error: 'must be at most 200 characters' });

const displayName = z
  .string({ error: 'is required' })
  .trim()
  .min(1, { error: 'is required' })
  .max(100, { error: 'must be at most 100 characters' });

export const registerRequestSchema = z.strictObject({ email, password, displayName });
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const signInRequestSchema = z.strictObject({
  email,
  password: z.string({ error: 'is required' }).min(1, { error: 'is required' }).max(200),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const createUserRequestSchema = z
  .strictObject({
    email,
    password,
    displayName,
    role: z.enum(roles),
    repairPointId: repairPointIdSchema.optional(),
  })
  .refine((u) => (u.role === 'engineer') === (u.repairPointId !== undefined), {
    error: 'an engineer needs a repairPointId, and only an engineer has one',
    path: ['repairPointId'],
  });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const createApiKeyRequestSchema = z.strictObject({
  repairPointId: repairPointIdSchema,
  name: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(100),
});
export type CreateApiKeyRequest = z.infer<typeof createApiKeyRequestSchema>;

export const idParamSchema = z.strictObject({ id: z.uuid({ error: 'must be a UUID' }) });
