import type { AttachmentStore } from '@aftersales/shared-attachments';

export interface GatewayOptions {
  /** Marks the refresh cookie Secure: on wherever the gateway is reached over HTTPS. */
  secureCookies: boolean;
  /** The largest device CSV an import takes, in bytes, and the most rows it may hold. */
  deviceImport: { maxBytes: number; maxRows: number };
  /**
   * Chat attachments: where their bytes go (the object store or the folder of the mode that starts the
   * gateway), the largest file in bytes, and the content types their bytes may show.
   */
  attachments: { store: AttachmentStore; maxBytes: number; types: readonly string[] };
}

export const GATEWAY_OPTIONS = Symbol('GatewayOptions');
