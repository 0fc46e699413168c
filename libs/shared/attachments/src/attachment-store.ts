/** What is kept beside an attachment's bytes: the consultation it was sent in, decides who may read it. */
export interface AttachmentMeta {
  consultationId: string;
  /** The sanitized file name it is downloaded under. */
  name: string;
  /** The type its bytes were found to be. */
  contentType: string;
}

export interface StoredAttachment extends AttachmentMeta {
  size: number;
}

/** The bytes of chat attachments, under ids the gateway generated; one interface for both modes. */
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
