import { isIP } from 'node:net';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const units = { s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** A rate-limit budget written as `<requests>/<window>`, such as `20/10m`: at most 20 in any 10 minutes. */
const budget = z
  .string()
  .regex(/^[1-9]\d*\/[1-9]\d*[smh]$/, { error: 'write it as <requests>/<window>, such as 20/10m' })
  .transform((value) => {
    const [max, window] = value.split('/') as [string, string];
    return {
      max: Number(max),
      windowMs: Number(window.slice(0, -1)) * units[window.at(-1) as keyof typeof units],
    };
  });

const isAddressOrCidr = (entry: string) => {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};

/**
 * Every setting the apps read from the environment, with the defaults of a developer machine.
 * Each app reads the part it needs; the mode is chosen by which app starts, never by a flag here.
 */
export const configSchema = z.object({
  PORT: port.default(3000),
  /** The services' HTTP listener for health; 0 takes a free port (the start log prints it). */
  HEALTH_PORT: port.default(0),
  /** Where `GET /metrics` answers, apart from the API so no ingress reaches it; 0 takes a free port. */
  METRICS_PORT: port.default(0),
  /** Copies of each JetStream stream: 3 on a 3-node NATS cluster, 1 on a single server. */
  JETSTREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/aftersales'),
  /**
   * The secret of the tracking aggregator's (AfterShip's) webhook: its pushes are signed with it. Unset, every
   * push is refused.
   */
  AFTERSHIP_WEBHOOK_SECRET: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  /** `nats://` or, for a NATS that requires TLS, `tls://`; the app's NATS user and password may be in it. */
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /**
   * The PEM file of the CA that signed NATS's certificate (mounted from a Secret): connections then require
   * TLS and trust that CA. Read where the connections are made (`natsConnectionOf`).
   */
  NATS_TLS_CA: z.string().min(1).optional(),
  /**
   * `json`: one JSON object a line, for a log pipeline (the default in the containers); `pretty`: Nest's
   * readable lines, for a developer's terminal. Both carry the correlation id of a request's work.
   */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('pretty'),
  /**
   * The least grave level written: `debug` adds a line for each request a service answers and each event
   * a consumer or projection applies.
   */
  LOG_LEVEL: z.enum(['verbose', 'debug', 'log', 'warn', 'error', 'fatal']).default('log'),
  BUS_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9_]+$/, { error: 'use lowercase letters, digits and _' })
    .optional(),
  /** Signs access tokens. The embedded mode falls back to a development secret; the identity service needs one. */
  AUTH_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  /** Marks the refresh cookie Secure, so browsers send it over HTTPS only. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * The address the HTTP server listens on. The embedded mode takes 127.0.0.1 unless told otherwise (its demo
   * accounts have a published password); the distributed gateway takes 0.0.0.0 (it runs in a pod).
   */
  HOST: z.string().min(1).optional(),
  /**
   * The proxies (addresses or CIDRs, comma-separated) whose `X-Forwarded-For` names the client. Without it the
   * header is ignored, so a client cannot pick the address its rate limits and sessions are kept under.
   */
  TRUST_PROXY: z
    .string()
    .transform((v) => v.split(',').map((entry) => entry.trim()))
    .refine((entries) => entries.every(isAddressOrCidr), {
      error: 'list addresses or CIDRs separated by commas, such as 10.0.0.0/8,127.0.0.1',
    })
    .optional(),
  /** Rate limits per client address, each `<requests>/<window>`. */
  RATE_LIMIT_REGISTRATION: budget.prefault('10/1h'),
  RATE_LIMIT_SIGN_IN: budget.prefault('20/10m'),
  RATE_LIMIT_LOOKUP: budget.prefault('120/1m'),
  RATE_LIMIT_BATCH_LOOKUP: budget.prefault('20/1m'),
  RATE_LIMIT_DEVICE_IMPORT: budget.prefault('10/1h'),
  /** The largest device CSV an import takes, in bytes, and the most rows it may hold. */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(1_000_000),
  /** The largest file a chat message may carry, in bytes (413 past it). */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  /**
   * The content types a chat attachment may have, as its bytes say (comma-separated): photos, short
   * videos, archives, and `text/plain` for logs, which have no magic bytes and are checked as UTF-8 text.
   */
  ATTACHMENT_TYPES: z
    .string()
    .default(
      'image/jpeg,image/png,image/gif,image/webp,image/heic,video/mp4,video/quicktime,video/webm,' +
        'application/zip,application/gzip,application/x-tar,application/x-7z-compressed,application/x-xz,' +
        'application/x-bzip2,text/plain',
    )
    .transform((v) => v.split(',').map((type) => type.trim().toLowerCase()))
    .refine((types) => types.every((type) => /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type)), {
      error: 'list content types separated by commas, such as image/png,text/plain',
    }),
  /** Demo machines, points and accounts (with a published password): on by default in the embedded mode only. */
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return result.data;
}
