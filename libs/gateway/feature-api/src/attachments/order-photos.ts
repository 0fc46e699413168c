import { Readable } from 'node:stream';
import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import {
  type CommandMetadata,
  type FieldIssue,
  InvalidError,
  NotFoundError,
} from '@aftersales/contracts/common';
import {
  type OrderPhoto,
  type OrderViewer,
  photoTypes,
  repairOrderMessages,
} from '@aftersales/contracts/repair-orders';
import { ServiceClient } from '@aftersales/shared-messaging';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyRequest } from 'fastify';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options.js';
import { storeOnlyFile } from './file-intake.js';

/** Photo ids a request names, each with its place in the request (`devices.1.photos`). */
export type NamedPhotos = { path: string; ids: readonly string[] | undefined }[];

/**
 * Photos of an order's machines: the customer's on the mail-in form, the repair point's on receipt and in
 * repair steps. Each is stored for one order and served only through it, to whoever may read the order.
 */
@Injectable()
export class OrderPhotos {
  constructor(
    private readonly services: ServiceClient,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  /** Stores the one photo of the form's part `file`, for an order the viewer may read (else 404). */
  async upload(
    request: FastifyRequest,
    diagnosisCode: string,
    viewer: OrderViewer,
    metadata: CommandMetadata,
  ): Promise<OrderPhoto> {
    await this.services.request(repairOrderMessages.get, { diagnosisCode, viewer }, metadata);
    const { store, maxBytes } = this.options.attachments;
    return storeOnlyFile(request, {
      store,
      maxBytes,
      types: photoTypes,
      takes: 'a photo of a machine is a JPEG, PNG or WebP image',
      owner: { repairOrder: diagnosisCode },
      field: 'file',
      what: 'one photo',
    });
  }

  /** The photo, shown in the page, if it is one of this order's and the viewer may read the order. */
  async download(
    diagnosisCode: string,
    photoId: string,
    viewer: OrderViewer,
    metadata: CommandMetadata,
  ): Promise<StreamableFile> {
    await this.services.request(repairOrderMessages.get, { diagnosisCode, viewer }, metadata);
    const found = await this.options.attachments.store.get(photoId);
    if (!found || !isOf(found.meta, diagnosisCode)) {
      await found?.content.cancel();
      throw new NotFoundError(`No photo ${photoId} of ${diagnosisCode}`, { code: 'photo_not_found' });
    }
    return new StreamableFile(Readable.fromWeb(found.content), {
      type: found.meta.contentType,
      length: found.meta.size,
      disposition: contentDisposition(found.meta.name, { type: 'inline' }),
    });
  }

  /**
   * Refuses a command that names a photo not uploaded for this order (another order's, a chat file, none),
   * naming each such id by its place, before anything is written.
   */
  async check(diagnosisCode: string, named: NamedPhotos): Promise<void> {
    const { store } = this.options.attachments;
    const issues: FieldIssue[] = [];
    for (const { path, ids = [] } of named) {
      const found = await Promise.all(ids.map((id) => store.info(id)));
      found.forEach((meta, index) => {
        if (!meta || !isOf(meta, diagnosisCode)) {
          issues.push({
            path: `${path}.${index}`,
            message: `${ids[index]} is no photo uploaded for ${diagnosisCode}`,
            code: 'photo_not_found',
          });
        }
      });
    }
    if (issues.length > 0) {
      throw new InvalidError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
        code: 'invalid_input',
        details: issues,
      });
    }
  }
}

const isOf = (meta: object, diagnosisCode: string) =>
  'repairOrder' in meta && meta.repairOrder === diagnosisCode;
