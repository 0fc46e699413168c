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
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options.js';
import { UploadRefused } from '../upload-refused.js';
import { parseInput } from '../zod-validation.pipe.js';
import { ENVELOPE_BYTES, storeFile, tooLarge } from './file-intake.js';

/** The form's text fields; files come in `files`. */
const FIELDS = ['messageId', 'text'];

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
      throw tooLarge(maxBytes, `files: the upload (of at most ${MAX_ATTACHMENTS_PER_MESSAGE} files)`);
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
          stored.push(
            await storeFile(part, {
              store,
              maxBytes,
              types: this.options.attachments.types,
              takes: 'a message takes photos, short videos, logs and archives',
              owner: { consultationId },
            }),
          );
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
}

function unknownField(field: string): UploadRefused {
  return new UploadRefused(
    400,
    'upload_field',
    `${field}: the form takes messageId, text and up to ${MAX_ATTACHMENTS_PER_MESSAGE} files, each once`,
    { field },
  );
}
