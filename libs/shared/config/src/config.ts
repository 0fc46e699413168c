import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

/**
 * Every setting the apps read from the environment, with the defaults of a developer machine.
 * Each app reads the part it needs; the mode is chosen by which app starts, never by a flag here.
 */
export const configSchema = z.object({
  PORT: port.default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/aftersales'),
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
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
