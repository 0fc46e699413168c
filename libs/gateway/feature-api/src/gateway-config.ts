import type { AttachmentStore } from '@aftersales/shared-attachments';
import type { Config } from '@aftersales/shared-config';
import type { GatewayOptions as HttpOptions } from './bootstrap-gateway.js';
import type { GatewayOptions } from './gateway.options.js';
import type { RateLimits } from './rate-limits/rate-limits.js';

/** The gateway module's settings, the same in both modes but for the store the mode gives attachments. */
export function gatewayModuleOptions(config: Config, attachmentStore: AttachmentStore): GatewayOptions {
  return {
    secureCookies: config.COOKIE_SECURE,
    deviceImport: { maxBytes: config.IMPORT_MAX_BYTES, maxRows: config.IMPORT_MAX_ROWS },
    attachments: {
      store: attachmentStore,
      maxBytes: config.ATTACHMENT_MAX_BYTES,
      types: config.ATTACHMENT_TYPES,
    },
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
): Pick<HttpOptions, 'port' | 'metricsPort' | 'trustProxy' | 'https' | 'rateLimits'> {
  return {
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    ...(config.TRUST_PROXY ? { trustProxy: config.TRUST_PROXY } : {}),
    https: config.COOKIE_SECURE,
    rateLimits: rateLimitsOf(config),
  };
}
