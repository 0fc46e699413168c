import { z } from 'zod';
import { repairPointIdSchema } from '../warranty/repair-points.js';
import { roles, roleSchema } from './principal.js';

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

/** What the gateway knows of the caller's connection, for rate limits and the session list. */
export const clientInfoSchema = z.strictObject({
  address: z.string().min(1),
  userAgent: z.string().optional(),
});
export type ClientInfo = z.infer<typeof clientInfoSchema>;

const timestamp = z.iso.datetime();

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  repairPointId: repairPointIdSchema.optional(),
  createdAt: timestamp,
});
export type User = z.infer<typeof userSchema>;

/** A new session: the access token goes to the client, the refresh token into an httpOnly cookie. */
export const sessionTokensSchema = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
  refreshToken: z.string(),
  user: userSchema,
});
export type SessionTokens = z.infer<typeof sessionTokensSchema>;

export const apiKeySchema = z.object({
  id: z.uuid(),
  repairPointId: repairPointIdSchema,
  name: z.string(),
  /** The first characters of the key, to tell keys apart; the key itself is never stored. */
  prefix: z.string(),
  createdAt: timestamp,
  revokedAt: timestamp.optional(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** A key as it is issued: the only time the key itself is shown. */
export const issuedApiKeySchema = apiKeySchema.extend({ key: z.string() });
export type IssuedApiKey = z.infer<typeof issuedApiKeySchema>;

/** A signed-in session of the caller's account, as the account page lists them. */
export const sessionSummarySchema = z.object({
  id: z.uuid(),
  signedInAt: timestamp,
  /** When the session last renewed its access token, which a client in use does every few minutes. */
  lastActiveAt: timestamp,
  address: z.string(),
  userAgent: z.string().optional(),
  /** The session the list was asked from. */
  current: z.boolean(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

/** A bearer secret as it travels: an access token, a refresh token or an API key. */
export const tokenSchema = z.string().min(1).max(2_000);

/** What a caller presents: a user's access token, or a repair point's API key. */
export const credentialsSchema = z.union([
  z.strictObject({ accessToken: tokenSchema }),
  z.strictObject({ apiKey: tokenSchema }),
]);
export type Credentials = z.infer<typeof credentialsSchema>;
