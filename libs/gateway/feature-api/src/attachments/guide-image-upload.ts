import { Inject, Injectable } from '@nestjs/common';
import { type GuideImage, guideImageTypes, guideImageUrl } from '@aftersales/contracts/consultation';
import type { FastifyRequest } from 'fastify';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options.js';
import { storeOnlyFile } from './file-intake.js';

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
    const stored = await storeOnlyFile(request, {
      store,
      maxBytes,
      types: guideImageTypes,
      takes: 'a guide shows PNG, JPEG, WebP and GIF images',
      owner: { guideImageBy: userId },
      field: 'file',
      what: 'one image',
    });
    return { ...stored, url: guideImageUrl(stored.id) };
  }
}
