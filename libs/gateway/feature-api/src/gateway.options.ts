export interface GatewayOptions {
  /** Marks the refresh cookie Secure: on wherever the gateway is reached over HTTPS. */
  secureCookies: boolean;
}

export const GATEWAY_OPTIONS = Symbol('GatewayOptions');
