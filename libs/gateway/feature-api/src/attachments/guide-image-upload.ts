import { Inject, Injectable } from '@nestjs/common';
import { type GuideImage, guideImageTypes, guideImageUrl } from '@aftersales/contracts/consultation';
import type { FastifyRequest } from 'fastify';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options.js';
import { UploadRefused } from '../upload-refused.js';
import { ENVELOPE_BYTES, storeFile, tooLarge } from './file-intake.js';

const FIELD = 'file';

/**
 * Stores one image for a guide, sent as multipart/form-data in a part named `file`: its type is decided
 * from its bytes (photos and screenshots only), and it streams into the attachment store like a chat
 * attachment. The answer names the URL a guide's Markdown shows it by.
 */
@Injectable()
export class GuideImageUpload {
  constructor(@Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions) {}

  async upload(request: FastifyRequest, userId: string): Promise<GuideImage> {
    const { store, maxBytes } = this.options.attachments;
    if (!request.isMultipart()) {
      throw new UploadRefused(
        415,
        'upload_not_multipart',
        `Send the image as multipart/form-data, in a part named ${FIELD}`,
      );
    }
    if (Number(request.headers['content-length'] ?? 0) > maxBytes + ENVELOPE_BYTES) {
      throw tooLarge(maxBytes, `${FIELD}: the upload`);
    }
    const parts = request.parts({
      preservePath: true,
      limits: { files: 2, fileSize: maxBytes + 1, fields: 1 },
    });
    let image: GuideImage | undefined;
    try {
      for await (const part of parts) {
        if (part.type === 'field' || part.fieldname !== FIELD || image) {
          throw new UploadRefused(
            400,
            'upload_field',
            `${part.fieldname}: the form takes one image, in a part named ${FIELD}`,
            {
              field: part.fieldname,
            },
          );
        }
        const stored = await storeFile(part, {
          store,
          maxBytes,
          types: guideImageTypes,
          takes: 'a guide shows PNG, JPEG, WebP and GIF images',
          owner: { guideImageBy: userId },
        });
        image = { ...stored, url: guideImageUrl(stored.id) };
      }
    } catch (error) {
      if (image) await store.delete(image.id);
      throw error;
    }
    if (!image)
      throw new UploadRefused(400, 'upload_file_missing', `${FIELD}: send an image`, { field: FIELD });
    return image;
  }
}
