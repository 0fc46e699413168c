import { z } from 'zod';
import { message } from '../common/contracts.js';
import { principalSchema } from './principal.js';
import {
  accessChangeSchema,
  actorNameSchema,
  actorSchema,
  agentSchema,
  apiKeySchema,
  auditPageSchema,
  auditQuerySchema,
  clientInfoSchema,
  createApiKeyRequestSchema,
  createUserRequestSchema,
  credentialsSchema,
  idParamSchema,
  issuedApiKeySchema,
  registerRequestSchema,
  sessionSummarySchema,
  sessionTokensSchema,
  signInRequestSchema,
  tokenSchema,
  userQuerySchema,
  userSchema,
} from './schemas.js';

const nothing = z.strictObject({});
/** The caller's connection is data of the session it starts, so it travels in the payload. */
const fromClient = { client: clientInfoSchema };

/** What the identity service answers on the bus, `aftersales.identity.<verb>`. */
export const identityMessages = {
  register: message(
    'aftersales.identity.register',
    registerRequestSchema.extend(fromClient),
    sessionTokensSchema,
  ),
  signIn: message('aftersales.identity.sign-in', signInRequestSchema.extend(fromClient), sessionTokensSchema),
  refresh: message(
    'aftersales.identity.refresh',
    z.strictObject({ refreshToken: tokenSchema }),
    sessionTokensSchema,
  ),
  /** Ends the session named, or the one the refresh token belongs to; ending an ended one changes nothing. */
  signOut: message(
    'aftersales.identity.sign-out',
    z.strictObject({ refreshToken: tokenSchema.optional(), sessionId: z.uuid().optional() }),
    z.object({ signedOut: z.literal(true) }),
  ),
  authenticate: message('aftersales.identity.authenticate', credentialsSchema, principalSchema),
  me: message('aftersales.identity.me', z.strictObject({ userId: z.uuid() }), userSchema),
  listSessions: message(
    'aftersales.identity.list-sessions',
    z.strictObject({ userId: z.uuid(), currentSessionId: z.uuid() }),
    z.array(sessionSummarySchema),
  ),
  /** Whose session this is, ended or not; no `userId` when there is no such session. */
  sessionOwner: message(
    'aftersales.identity.session-owner',
    z.strictObject({ sessionId: z.uuid() }),
    z.object({ userId: z.uuid().optional() }),
  ),
  createUser: message('aftersales.identity.create-user', createUserRequestSchema, userSchema),
  listUsers: message('aftersales.identity.list-users', userQuerySchema, z.array(userSchema)),
  /** The agents who may be handed a consultation: accounts of the agent role not disabled, by name. */
  listAgents: message('aftersales.identity.list-agents', nothing, z.array(agentSchema)),
  /**
   * The names of the accounts and API keys among `actors`, for timelines; the system (`service:…`) and an
   * actor identity does not know are left out of the reply.
   */
  actorNames: message(
    'aftersales.identity.actor-names',
    z.strictObject({ actors: z.array(actorSchema).max(500) }),
    z.array(actorNameSchema),
  ),
  /** Takes effect on tokens already in use: gateways hear a `userChanged` notice before the reply. */
  changeAccess: message(
    'aftersales.identity.change-access',
    z.strictObject({ id: z.uuid(), access: accessChangeSchema }),
    userSchema,
  ),
  /** Ends every session of the account at once; disabling a disabled account changes nothing. */
  disableUser: message('aftersales.identity.disable-user', idParamSchema, userSchema),
  enableUser: message('aftersales.identity.enable-user', idParamSchema, userSchema),
  createApiKey: message('aftersales.identity.create-api-key', createApiKeyRequestSchema, issuedApiKeySchema),
  listApiKeys: message('aftersales.identity.list-api-keys', nothing, z.array(apiKeySchema)),
  revokeApiKey: message('aftersales.identity.revoke-api-key', idParamSchema, apiKeySchema),
  listAudit: message('aftersales.identity.list-audit', auditQuerySchema, auditPageSchema),
};
