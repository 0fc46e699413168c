export interface GatewayOptions {
  /** Marks the refresh cookie Secure: on wherever the gateway is reached over HTTPS. */
  secureCookies: boolean;
  /** The largest device CSV an import takes, in bytes, and the most rows it may hold. */
  deviceImport: { maxBytes: number; maxRows: number };
}

export const GATEWAY_OPTIONS = Symbol('GatewayOptions');
