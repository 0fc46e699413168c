import type { Config } from '@aftersales/shared-config';
import type { GatewayOptions as HttpOptions } from './bootstrap-gateway.js';
import type { GatewayOptions } from './gateway.options.js';
import type { RateLimits } from './rate-limits/rate-limits.js';

/** The gateway module's settings, the same in both modes. */
export function gatewayModuleOptions(config: Config): GatewayOptions {
  return {
    secureCookies: config.COOKIE_SECURE,
    deviceImport: { maxBytes: config.IMPORT_MAX_BYTES, maxRows: config.IMPORT_MAX_ROWS },
  };
}

export function rateLimitsOf(config: Config): RateLimits {
  return {
    registration: config.RATE_LIMIT_REGISTRATION,
    signIn: config.RATE_LIMIT_SIGN_IN,
    lookup: config.RATE_LIMIT_LOOKUP,
    batchLookup: config.RATE_LIMIT_BATCH_LOOKUP,
    deviceImport: config.RATE_LIMIT_DEVICE_IMPORT,
  };
}

/** The HTTP settings both modes read alike; where to listen and the rate-limit store differ. */
export function httpOptions(
  config: Config,
): Pick<HttpOptions, 'port' | 'trustProxy' | 'https' | 'rateLimits'> {
  return {
    port: config.PORT,
    ...(config.TRUST_PROXY ? { trustProxy: config.TRUST_PROXY } : {}),
    https: config.COOKIE_SECURE,
    rateLimits: rateLimitsOf(config),
  };
}
