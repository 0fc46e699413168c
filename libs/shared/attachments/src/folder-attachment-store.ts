import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type AttachmentMeta,
  type AttachmentStore,
  assertAttachmentId,
  type StoredAttachment,
} from './attachment-store.js';

/**
 * The embedded mode's store: `<id>` holds the bytes and `<id>.json` the metadata, in one folder. Both are
 * written under a temporary name and renamed, so a reader never sees half a file, and the metadata is
 * renamed last, so an attachment exists only once its bytes are complete.
 */
export class FolderAttachmentStore implements AttachmentStore {
  private constructor(private readonly folder: string) {}

  static async open(folder: string): Promise<FolderAttachmentStore> {
    await mkdir(folder, { recursive: true });
    return new FolderAttachmentStore(folder);
  }

  async put(
    id: string,
    content: ReadableStream<Uint8Array>,
    meta: AttachmentMeta,
  ): Promise<StoredAttachment> {
    assertAttachmentId(id);
    const bytes = this.path(id);
    try {
      await pipeline(Readable.fromWeb(content), createWriteStream(`${bytes}.part`, { flags: 'wx' }));
      const { size } = await stat(`${bytes}.part`);
      const stored = { ...meta, size };
      await writeFile(`${bytes}.json.part`, JSON.stringify(stored), { flag: 'wx' });
      await rename(`${bytes}.part`, bytes);
      await rename(`${bytes}.json.part`, `${bytes}.json`);
      return stored;
    } catch (error) {
      await this.delete(id);
      throw error;
    }
  }

  async info(id: string): Promise<StoredAttachment | undefined> {
    assertAttachmentId(id);
    try {
      return JSON.parse(await readFile(`${this.path(id)}.json`, 'utf8')) as StoredAttachment;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async get(id: string) {
    const meta = await this.info(id);
    if (!meta) return undefined;
    const content = Readable.toWeb(createReadStream(this.path(id))) as ReadableStream<Uint8Array>;
    return { meta, content };
  }

  async delete(id: string): Promise<void> {
    assertAttachmentId(id);
    const bytes = this.path(id);
    // The metadata goes first: without it the attachment no longer exists for a reader.
    for (const file of [`${bytes}.json`, `${bytes}.json.part`, bytes, `${bytes}.part`]) {
      await rm(file, { force: true });
    }
  }

  private path(id: string): string {
    return join(this.folder, id);
  }
}
