import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Attachment } from '@aftersales/contracts/consultation';
import type { AttachmentOwner, AttachmentStore } from '@aftersales/shared-attachments';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { fileTypeStream } from 'file-type';
import { UploadRefused } from '../upload-refused.js';
import { attachmentName, decideType, textChecker } from './attachment-policy.js';

/** Room for the multipart envelope and the text fields when the declared length is checked up front. */
export const ENVELOPE_BYTES = 64 * 1024;
/** Enough bytes for the sniffer to tell every type it knows (its own default). */
const SAMPLE_BYTES = 4_100;

const megabytes = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** What an upload route takes, and what a file it stores belongs to. */
export interface Intake {
  store: AttachmentStore;
  maxBytes: number;
  types: readonly string[];
  /** The route's own words for what it takes, in the refusal of another type. */
  takes: string;
  /** What the stored file belongs to, which decides who may read it. */
  owner: AttachmentOwner;
}

/**
 * Streams one uploaded file into the store under a generated id, or refuses it: its type is decided from
 * its bytes, its bytes are checked on the way (size, text). A refused file leaves nothing stored.
 */
export async function storeFile(part: MultipartFile, intake: Intake): Promise<Attachment> {
  const { store, maxBytes, types, takes, owner } = intake;
  const name = attachmentName(part.filename ?? '');
  if (!name) {
    throw new UploadRefused(
      400,
      'attachment_name',
      `${part.fieldname}: ${JSON.stringify(part.filename)} is not a file name: it must not be empty, name a folder or hold control characters`,
      { name: part.filename ?? '' },
    );
  }
  const source = Readable.toWeb(part.file) as ReadableStream<Uint8Array>;
  const sniffed = await fileTypeStream(source, { sampleSize: SAMPLE_BYTES });
  const decision = decideType(sniffed.fileType, name, types);
  if (!decision.accepted) {
    if (!decision.detected && (await sniffed.getReader().read()).done) throw empty(part.fieldname, name);
    throw new UploadRefused(
      415,
      'attachment_type',
      `${part.fieldname}: ${name} is ${decision.detected ?? 'of no known type'}; ${takes} (${types.join(', ')})`,
      { name, detected: decision.detected ?? 'unknown' },
    );
  }
  let refusal: UploadRefused | undefined;
  let size = 0;
  const text = decision.text ? textChecker() : undefined;
  const notText = () =>
    new UploadRefused(
      415,
      'attachment_not_text',
      `${part.fieldname}: ${name} is named as a log but its bytes are not text`,
      { name },
    );
  const checked = sniffed.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => {
        size += chunk.byteLength;
        if (size > maxBytes) refusal = tooLarge(maxBytes, `${part.fieldname}: ${name}`, name);
        else if (text && !text.push(chunk)) refusal = notText();
        if (refusal) controller.error(refusal);
        else controller.enqueue(chunk);
      },
      flush: (controller) => {
        if (size === 0) refusal = empty(part.fieldname, name);
        else if (text && !text.end()) refusal = notText();
        if (refusal) controller.error(refusal);
      },
    }),
  );
  const id = randomUUID();
  try {
    const kept = await store.put(id, checked, {
      ...owner,
      name: decision.name,
      contentType: decision.contentType,
    });
    return { id, name: kept.name, contentType: kept.contentType, size: kept.size };
  } catch (error) {
    throw refusal ?? error;
  }
}

/**
 * Stores the one file a form sends in the part named `field` (and nothing else), as `storeFile` does.
 * `what` names the file in the refusals: "an image", "a photo".
 */
export async function storeOnlyFile(
  request: FastifyRequest,
  intake: Intake & { field: string; what: string },
): Promise<Attachment> {
  const { store, maxBytes, field, what } = intake;
  if (!request.isMultipart()) {
    throw new UploadRefused(
      415,
      'upload_not_multipart',
      `Send ${what} as multipart/form-data, in a part named ${field}`,
    );
  }
  if (Number(request.headers['content-length'] ?? 0) > maxBytes + ENVELOPE_BYTES) {
    throw tooLarge(maxBytes, `${field}: the upload`);
  }
  const parts = request.parts({
    preservePath: true,
    limits: { files: 2, fileSize: maxBytes + 1, fields: 1 },
  });
  let stored: Attachment | undefined;
  try {
    for await (const part of parts) {
      if (part.type === 'field' || part.fieldname !== field || stored) {
        throw new UploadRefused(
          400,
          'upload_field',
          `${part.fieldname}: the form takes ${what}, in a part named ${field}`,
          { field: part.fieldname },
        );
      }
      stored = await storeFile(part, intake);
    }
  } catch (error) {
    if (stored) await store.delete(stored.id);
    throw error;
  }
  if (!stored) throw new UploadRefused(400, 'upload_file_missing', `${field}: send ${what}`, { field });
  return stored;
}

/** Of one file (`what` names it, with its field), or of a whole upload that declares too many bytes. */
export function tooLarge(maxBytes: number, what: string, name = ''): UploadRefused {
  return new UploadRefused(
    413,
    'attachment_too_large',
    `${what} is larger than the ${maxBytes} bytes a file may have`,
    { name, maxMegabytes: megabytes(maxBytes) },
  );
}

function empty(field: string, name: string): UploadRefused {
  return new UploadRefused(400, 'attachment_empty', `${field}: ${name} is empty`, { name });
}
