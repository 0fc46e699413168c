import { type ObjectInfo, type ObjectStore, Objm } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { natsConnectionOf } from '@aftersales/shared-messaging';
import {
  type AttachmentMeta,
  type AttachmentStore,
  assertAttachmentId,
  type StoredAttachment,
} from './attachment-store.js';

function storedOf(info: ObjectInfo | null): StoredAttachment | undefined {
  if (!info || info.deleted || !info.metadata) return undefined;
  const { consultationId, guideImageBy, repairOrder, name, contentType } = info.metadata;
  if (!name || !contentType) return undefined;
  const file = { name, contentType, size: info.size };
  if (consultationId) return { ...file, consultationId };
  if (guideImageBy) return { ...file, guideImageBy };
  if (repairOrder) return { ...file, repairOrder };
  return undefined;
}

/**
 * The distributed mode's store: a JetStream object store bucket that every gateway replica shares. NATS
 * keeps an object's chunks and, only once they all arrived, its metadata, so a failed upload leaves no
 * object behind.
 */
export class NatsAttachmentStore implements AttachmentStore {
  private constructor(
    private readonly bucket: ObjectStore,
    private readonly connection: NatsConnection,
  ) {}

  static async open(options: { url: string; bucket: string }): Promise<NatsAttachmentStore> {
    // Like the bus client: wait for NATS at start and keep the connection through an outage.
    const connection = await connect({
      ...natsConnectionOf(options.url),
      waitOnFirstConnect: true,
      maxReconnectAttempts: -1,
    });
    const bucket = await new Objm(connection).create(options.bucket, { storage: 'file' });
    return new NatsAttachmentStore(bucket, connection);
  }

  async put(
    id: string,
    content: ReadableStream<Uint8Array>,
    meta: AttachmentMeta,
  ): Promise<StoredAttachment> {
    assertAttachmentId(id);
    const info = await this.bucket.put({ name: id, metadata: { ...meta } }, content);
    return { ...meta, size: info.size };
  }

  async info(id: string): Promise<StoredAttachment | undefined> {
    assertAttachmentId(id);
    return storedOf(await this.bucket.info(id));
  }

  async get(id: string) {
    assertAttachmentId(id);
    const result = await this.bucket.get(id);
    const meta = storedOf(result?.info ?? null);
    if (!result || !meta) return undefined;
    return { meta, content: result.data };
  }

  async delete(id: string): Promise<void> {
    assertAttachmentId(id);
    const info = await this.bucket.info(id);
    if (info && !info.deleted) await this.bucket.delete(id);
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
