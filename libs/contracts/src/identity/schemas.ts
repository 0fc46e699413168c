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

export const registerRequestSchema = z
  .strictObject({ email, password, displayName })
  .meta({ id: 'RegisterRequest' });
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const signInRequestSchema = z
  .strictObject({
    email,
    password: z.string({ error: 'is required' }).min(1, { error: 'is required' }).max(200),
  })
  .meta({ id: 'SignInRequest' });
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** Engineers act for one repair point; nobody else has one. */
const engineerHasPoint = [
  (u: { role: string; repairPointId?: string }) =>
    (u.role === 'engineer') === (u.repairPointId !== undefined),
  { error: 'an engineer needs a repairPointId, and only an engineer has one', path: ['repairPointId'] },
] satisfies [unknown, unknown];

export const createUserRequestSchema = z
  .strictObject({
    email,
    password,
    displayName,
    role: z.enum(roles),
    repairPointId: repairPointIdSchema.optional(),
  })
  .refine(...engineerHasPoint)
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** An account's access as a whole: its role, and for an engineer the repair point it acts for. */
export const accessChangeSchema = z
  .strictObject({ role: z.enum(roles), repairPointId: repairPointIdSchema.optional() })
  .refine(...engineerHasPoint)
  .meta({ id: 'AccessChange' });
export type AccessChange = z.infer<typeof accessChangeSchema>;

/** `?q=` matches a part of the email or the display name, in any case. */
export const userQuerySchema = z.strictObject({
  q: z.string().trim().max(100, { error: 'must be at most 100 characters' }).optional(),
});
export type UserQuery = z.infer<typeof userQuerySchema>;

export const createApiKeyRequestSchema = z
  .strictObject({
    repairPointId: repairPointIdSchema,
    name: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(100),
    /** When the key stops working; without it the key works until it is revoked. */
    expiresAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 date and time' })
      .transform((at) => new Date(at).toISOString())
      .optional(),
  })
  .meta({ id: 'CreateApiKeyRequest' });
export type CreateApiKeyRequest = z.infer<typeof createApiKeyRequestSchema>;

export const idParamSchema = z.strictObject({ id: z.uuid({ error: 'must be a UUID' }) });

/** What the gateway knows of the caller's connection, for rate limits and the session list. */
export const clientInfoSchema = z.strictObject({
  address: z.string().min(1),
  userAgent: z.string().optional(),
});
export type ClientInfo = z.infer<typeof clientInfoSchema>;

const timestamp = z.iso.datetime();

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: roleSchema,
    repairPointId: repairPointIdSchema.optional(),
    createdAt: timestamp,
    /** Since when the account may not sign in; absent while it may. */
    disabledAt: timestamp.optional(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

/**
 * Who did something, as events and audit entries record it: `user:<id>`, `api-key:<id>` or
 * `service:<name>`.
 */
export const actorSchema = z.string().min(1).max(200);

/**
 * The name a timeline shows for an actor: an account's display name as entered, or an API key's name;
 * never an email address.
 */
export const actorNameSchema = z.object({ actor: actorSchema, name: z.string() }).meta({ id: 'ActorName' });
export type ActorName = z.infer<typeof actorNameSchema>;

/** An agent as other agents see them, to hand a consultation over to. */
export const agentSchema = z.object({ id: z.uuid(), displayName: z.string() }).meta({ id: 'Agent' });
export type Agent = z.infer<typeof agentSchema>;

/** A new session: the access token goes to the client, the refresh token into an httpOnly cookie. */
export const sessionTokensSchema = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
  refreshToken: z.string(),
  user: userSchema,
});
export type SessionTokens = z.infer<typeof sessionTokensSchema>;

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    repairPointId: repairPointIdSchema,
    name: z.string(),
    /** The first characters of the key, to tell keys apart; the key itself is never stored. */
    prefix: z.string(),
    createdAt: timestamp,
    expiresAt: timestamp.optional(),
    revokedAt: timestamp.optional(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof apiKeySchema>;

/** A key as it is issued: the only time the key itself is shown. */
export const issuedApiKeySchema = apiKeySchema.extend({ key: z.string() }).meta({ id: 'IssuedApiKey' });
export type IssuedApiKey = z.infer<typeof issuedApiKeySchema>;

/** A signed-in session of the caller's account, as the account page lists them. */
export const sessionSummarySchema = z
  .object({
    id: z.uuid(),
    signedInAt: timestamp,
    /** When the session last renewed its access token, which a client in use does every few minutes. */
    lastActiveAt: timestamp,
    address: z.string(),
    userAgent: z.string().optional(),
    /** The session the list was asked from. */
    current: z.boolean(),
  })
  .meta({ id: 'SessionSummary' });
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

/** A bearer secret as it travels: an access token, a refresh token or an API key. */
export const tokenSchema = z.string().min(1).max(2_000);

/** What a caller presents: a user's access token, or a repair point's API key. */
export const credentialsSchema = z.union([
  z.strictObject({ accessToken: tokenSchema }),
  z.strictObject({ apiKey: tokenSchema }),
]);
export type Credentials = z.infer<typeof credentialsSchema>;

/** `?page=` of the audit trail, newest first. */
export const auditQuerySchema = z.strictObject({
  page: z.coerce
    .number({ error: 'must be a whole number from 1' })
    .int({ error: 'must be a whole number from 1' })
    .min(1, { error: 'must be a whole number from 1' })
    .default(1),
  pageSize: z.coerce
    .number({ error: 'must be a whole number from 1 to 100' })
    .int({ error: 'must be a whole number from 1 to 100' })
    .min(1, { error: 'must be a whole number from 1 to 100' })
    .max(100, { error: 'must be a whole number from 1 to 100' })
    .default(50),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

/** One administrative act: who did what to which object, and when. */
export const auditEntrySchema = z
  .object({
    /** The id of the event that recorded it. */
    id: z.uuid(),
    at: timestamp,
    /** `user:<id>`, `api-key:<id>` or `service:<name>`, as the command's metadata named it. */
    actor: z.string(),
    /** The event's type, e.g. `UserDisabled`. */
    action: z.string(),
    subject: z.object({ kind: z.enum(['user', 'api-key', 'repair-point']), id: z.string() }),
    /** What the event says beyond its subject (a new role, a key's name, a point's state). */
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z
  .object({
    entries: z.array(auditEntrySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof auditPageSchema>;
