import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Objm } from '@nats-io/obj';
import { connect } from '@nats-io/transport-node';
import { NATS_URL, uniqueName } from '@aftersales/shared-testing';
import type { AttachmentStore } from './attachment-store.js';
import { FolderAttachmentStore } from './folder-attachment-store.js';
import { NatsAttachmentStore } from './nats-attachment-store.js';

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

const failingStream = () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('the first part'));
      controller.error(new Error('the upload broke off'));
    },
  });

const text = async (content: ReadableStream<Uint8Array>) => new Response(content).text();

const meta = { consultationId: randomUUID(), name: 'miner.log', contentType: 'text/plain; charset=utf-8' };

/** What each adapter holds apart from the interface: the test looks behind it, at the folder or bucket. */
interface Adapter {
  store: AttachmentStore;
  held: () => Promise<string[]>;
  close: () => Promise<void>;
}

const adapters: Record<string, () => Promise<Adapter>> = {
  folder: async () => {
    const folder = mkdtempSync(join(tmpdir(), 'attachments-'));
    return {
      store: await FolderAttachmentStore.open(join(folder, 'attachments')),
      held: async () => readdirSync(join(folder, 'attachments')),
      close: async () => rmSync(folder, { recursive: true, force: true }),
    };
  },
  'NATS object store': async () => {
    const bucket = uniqueName('attachments');
    const store = await NatsAttachmentStore.open({ url: NATS_URL, bucket });
    const connection = await connect({ servers: NATS_URL });
    const objects = await new Objm(connection).open(bucket);
    return {
      store,
      held: async () => (await objects.list()).filter((o) => !o.deleted).map((o) => o.name),
      close: async () => {
        await objects.destroy();
        await connection.close();
        await store.close();
      },
    };
  },
};

describe.each(Object.keys(adapters))('attachment store: %s', (kind) => {
  let adapter: Adapter;
  beforeEach(async () => {
    adapter = await adapters[kind]!();
  });
  afterEach(() => adapter.close());

  it('gives back the bytes and the metadata it stored, with their size', async () => {
    const id = randomUUID();
    const stored = await adapter.store.put(id, streamOf('hash board 2 ', 'lost'), meta);
    expect(stored).toEqual({ ...meta, size: 'hash board 2 lost'.length });
    expect(await adapter.store.info(id)).toEqual(stored);
    const got = await adapter.store.get(id);
    expect(got?.meta).toEqual(stored);
    expect(await text(got!.content)).toBe('hash board 2 lost');
  });

  it('keeps what a file belongs to: a guide image its uploader, a photo its repair order', async () => {
    const owners = [{ guideImageBy: randomUUID() }, { repairOrder: 'ZH0090Gd' }];
    for (const owner of owners) {
      const id = randomUUID();
      const image = { ...owner, name: 'fan-plug.png', contentType: 'image/png' };
      await adapter.store.put(id, streamOf('png bytes'), image);
      expect(await adapter.store.info(id)).toEqual({ ...image, size: 'png bytes'.length });
    }
  });

  it('keeps a file larger than one chunk whole', async () => {
    const id = randomUUID();
    const line = 'x'.repeat(1023) + '\n';
    await adapter.store.put(id, streamOf(...Array.from({ length: 300 }, () => line)), meta);
    expect(await text((await adapter.store.get(id))!.content)).toBe(line.repeat(300));
  });

  it('knows nothing under an id it never stored, and after a delete', async () => {
    const id = randomUUID();
    expect(await adapter.store.info(id)).toBeUndefined();
    expect(await adapter.store.get(id)).toBeUndefined();
    await adapter.store.put(id, streamOf('x'), meta);
    await adapter.store.delete(id);
    await adapter.store.delete(id);
    expect(await adapter.store.get(id)).toBeUndefined();
    expect(await adapter.held()).toEqual([]);
  });

  it('stores nothing when the stream breaks off', async () => {
    const id = randomUUID();
    await expect(adapter.store.put(id, failingStream(), meta)).rejects.toThrow();
    expect(await adapter.store.info(id)).toBeUndefined();
    expect(await adapter.held()).toEqual([]);
  });

  it('refuses an id that is not a UUID, so no name reaches outside the store', async () => {
    await expect(adapter.store.put('../escape', streamOf('x'), meta)).rejects.toThrow('Not an attachment id');
    await expect(adapter.store.get('../../etc/passwd')).rejects.toThrow('Not an attachment id');
  });
});
