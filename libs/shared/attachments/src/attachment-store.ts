/** What a stored file belongs to, which decides who may read it. */
export type AttachmentOwner =
  /** A file a chat message carries: the consultation's customer and support may read it. */
  | { consultationId: string }
  /** An image of a self-service guide, uploaded by this agent or admin: public, as the guides are. */
  | { guideImageBy: string }
  /** A photo of a machine of the repair order with this diagnosis code: its customer, its repair point and support read it. */
  | { repairOrder: string };

/** What is kept beside a file's bytes. */
export type AttachmentMeta = AttachmentOwner & {
  /** The sanitized file name it is downloaded under. */
  name: string;
  /** The type its bytes were found to be. */
  contentType: string;
};

export type StoredAttachment = AttachmentMeta & { size: number };

/** The bytes of chat attachments, guide images and repair orders' photos, under ids the gateway generated; one interface for both modes. */
export interface AttachmentStore {
  /** Stores the bytes as they stream in and answers how many there were; a failed stream stores nothing. */
  put(id: string, content: ReadableStream<Uint8Array>, meta: AttachmentMeta): Promise<StoredAttachment>;
  /** The metadata alone (for an access check), or undefined when nothing is stored under `id`. */
  info(id: string): Promise<StoredAttachment | undefined>;
  get(id: string): Promise<{ meta: StoredAttachment; content: ReadableStream<Uint8Array> } | undefined>;
  /** Removes the bytes; removing what is not there is no error. */
  delete(id: string): Promise<void>;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids become file and object names: only a UUID may, so no id reaches outside the store. */
export function assertAttachmentId(id: string): void {
  if (!ID.test(id)) throw new Error(`Not an attachment id: ${JSON.stringify(id)}`);
}
