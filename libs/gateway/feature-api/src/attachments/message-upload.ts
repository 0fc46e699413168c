import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { CommandMetadata } from '@aftersales/contracts/common';
import {
  type Attachment,
  type Author,
  type ChatMessage,
  consultationMessages as m,
  MAX_ATTACHMENTS_PER_MESSAGE,
  postMessageRequestSchema,
} from '@aftersales/contracts/consultation';
import { ServiceClient } from '@aftersales/shared-messaging';
import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { fileTypeStream } from 'file-type';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options.js';
import { UploadRefused } from '../upload-refused.js';
import { parseInput } from '../zod-validation.pipe.js';
import { attachmentName, decideType, textChecker } from './attachment-policy.js';

/** The form's text fields; files come in `files`. */
const FIELDS = ['messageId', 'text'];
/** Room for the multipart envelope and the text fields when the declared length is checked up front. */
const ENVELOPE_BYTES = 64 * 1024;
/** Enough bytes for the sniffer to tell every type it knows (its own default). */
const SAMPLE_BYTES = 4_100;

const megabytes = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/**
 * Posts a message sent as multipart/form-data: each file's type is decided from its bytes, and its bytes
 * stream into the attachment store under a generated id as they arrive, checked on the way (size, text);
 * only then is the message posted with the files' metadata. Any refusal removes what this upload stored,
 * so a refused upload leaves nothing behind. The gateway streams the bytes itself because a NATS request
 * carries at most a megabyte, while the object store chunks a file of any size.
 */
@Injectable()
export class MessageUpload {
  constructor(
    private readonly services: ServiceClient,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  async post(
    consultationId: string,
    author: Author,
    request: FastifyRequest,
    metadata: CommandMetadata,
  ): Promise<ChatMessage> {
    const { store, maxBytes } = this.options.attachments;
    if (
      Number(request.headers['content-length'] ?? 0) >
      MAX_ATTACHMENTS_PER_MESSAGE * maxBytes + ENVELOPE_BYTES
    ) {
      throw this.tooLarge();
    }
    const stored: Attachment[] = [];
    try {
      const fields: Record<string, string> = {};
      const parts = request.parts({
        // The name as sent, so that a path in it is refused rather than silently cut to its last part.
        preservePath: true,
        limits: { files: MAX_ATTACHMENTS_PER_MESSAGE + 1, fileSize: maxBytes + 1, fields: FIELDS.length },
      });
      for await (const part of parts) {
        if (part.type === 'field') {
          if (!FIELDS.includes(part.fieldname) || part.fieldname in fields)
            throw unknownField(part.fieldname);
          fields[part.fieldname] = String(part.value);
        } else {
          if (part.fieldname !== 'files') throw unknownField(part.fieldname);
          if (stored.length === MAX_ATTACHMENTS_PER_MESSAGE) {
            throw new UploadRefused(
              400,
              'attachment_too_many',
              `files: a message carries at most ${MAX_ATTACHMENTS_PER_MESSAGE} files`,
              { max: MAX_ATTACHMENTS_PER_MESSAGE },
            );
          }
          stored.push(await this.store(consultationId, part));
        }
      }
      const { messageId, text } = parseInput(postMessageRequestSchema, fields);
      const posted = await this.services.request(
        m.post,
        { consultationId, author, message: { messageId, ...(text ? { text } : {}), attachments: stored } },
        metadata,
      );
      // Sent again, a message answers as it was first posted: the files of this try are in no message.
      const kept = new Set(posted.attachments.map((a) => a.id));
      await Promise.all(stored.filter((a) => !kept.has(a.id)).map((a) => store.delete(a.id)));
      return posted;
    } catch (error) {
      await Promise.all(stored.map((a) => store.delete(a.id)));
      throw error;
    }
  }

  /** Streams one file into the store, or refuses it; a refused file leaves nothing stored. */
  private async store(consultationId: string, part: MultipartFile): Promise<Attachment> {
    const { store, maxBytes, types } = this.options.attachments;
    const name = attachmentName(part.filename ?? '');
    if (!name) {
      throw new UploadRefused(
        400,
        'attachment_name',
        `files: ${JSON.stringify(part.filename)} is not a file name: it must not be empty, name a folder or hold control characters`,
        { name: part.filename ?? '' },
      );
    }
    const source = Readable.toWeb(part.file) as ReadableStream<Uint8Array>;
    const sniffed = await fileTypeStream(source, { sampleSize: SAMPLE_BYTES });
    const decision = decideType(sniffed.fileType, name, types);
    if (!decision.accepted) {
      if (!decision.detected && (await sniffed.getReader().read()).done) throw empty(name);
      throw new UploadRefused(
        415,
        'attachment_type',
        `files: ${name} is ${decision.detected ?? 'of no known type'}; a message takes photos, short videos, logs and archives (${types.join(', ')})`,
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
        `files: ${name} is named as a log but its bytes are not text`,
        {
          name,
        },
      );
    const checked = sniffed.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform: (chunk, controller) => {
          size += chunk.byteLength;
          if (size > maxBytes) refusal = this.tooLarge(name);
          else if (text && !text.push(chunk)) refusal = notText();
          if (refusal) controller.error(refusal);
          else controller.enqueue(chunk);
        },
        flush: (controller) => {
          if (size === 0) refusal = empty(name);
          else if (text && !text.end()) refusal = notText();
          if (refusal) controller.error(refusal);
        },
      }),
    );
    const id = randomUUID();
    try {
      const kept = await store.put(id, checked, {
        consultationId,
        name: decision.name,
        contentType: decision.contentType,
      });
      return { id, name: kept.name, contentType: kept.contentType, size: kept.size };
    } catch (error) {
      throw refusal ?? error;
    }
  }

  /** Of one file, or (unnamed) of a whole upload that declares more bytes than its files may have. */
  private tooLarge(name?: string): UploadRefused {
    const { maxBytes } = this.options.attachments;
    const what = name ?? `the upload (of at most ${MAX_ATTACHMENTS_PER_MESSAGE} files)`;
    return new UploadRefused(
      413,
      'attachment_too_large',
      `files: ${what} is larger than the ${maxBytes} bytes a file may have`,
      { name: name ?? '', maxMegabytes: megabytes(maxBytes) },
    );
  }
}

function empty(name: string): UploadRefused {
  return new UploadRefused(400, 'attachment_empty', `files: ${name} is empty`, { name });
}

function unknownField(field: string): UploadRefused {
  return new UploadRefused(
    400,
    'upload_field',
    `${field}: the form takes messageId, text and up to ${MAX_ATTACHMENTS_PER_MESSAGE} files, each once`,
    { field },
  );
}
