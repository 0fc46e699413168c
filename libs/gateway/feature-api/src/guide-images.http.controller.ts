import { Readable } from 'node:stream';
import { Controller, Get, Header, Inject, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@aftersales/contracts/common';
import { guideImageSchema, guideImageTypes } from '@aftersales/contracts/consultation';
import { idParamSchema } from '@aftersales/contracts/identity';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Access, CurrentUser, type UserPrincipal } from './access/access.decorator.js';
import { GuideImageUpload } from './attachments/guide-image-upload.js';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway.options.js';
import { Refuses, Reply } from './openapi/responses.js';
import { openApiSchemaOf } from './openapi/zod-openapi.js';

const imageFormSchema = z.object({
  file: z.file().meta({ description: `One image: ${guideImageTypes.join(', ')}` }),
});
const imageFileSchema = z.file().meta({ description: 'The image, of the type its bytes were found to be' });

/** A year: an image's id never names other bytes. */
const IMAGE_CACHE = 'public, max-age=31536000, immutable';

/**
 * The pictures in self-service guides: support uploads them; everyone may see them, like the guides. They
 * live in the attachment store beside the chat's files, and neither route serves the other's.
 */
@ApiTags('self-service repair')
@Controller('api/guide-images')
export class GuideImagesHttpController {
  constructor(
    private readonly upload: GuideImageUpload,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  @Post()
  @Access({ roles: ['agent', 'admin'] })
  @ApiOperation({
    summary: 'Upload an image for a guide',
    description:
      `A part named \`file\` holding one image (${guideImageTypes.join(', ')}, read from its bytes; never ` +
      'SVG). The answer’s `url` is what a guide’s Markdown shows it by. Guide images are public, like the ' +
      'guides: anyone with the URL sees the image, whether its guide is published or not.',
    requestBody: {
      required: true,
      content: { 'multipart/form-data': { schema: openApiSchemaOf(imageFormSchema, 'input') } },
    },
  })
  @Reply(201, guideImageSchema)
  @Refuses(413, 415)
  create(@Req() request: FastifyRequest, @CurrentUser() { userId }: UserPrincipal) {
    return this.upload.upload(request, userId);
  }

  @Get(':id')
  @Access({ public: true })
  @Header('x-content-type-options', 'nosniff')
  @ApiOperation({ summary: 'A guide image, shown in the page' })
  @ApiProduces(...guideImageTypes)
  @Reply(200, imageFileSchema, { 'Cache-Control': 'Cached for a year: an image id never names other bytes' })
  @Refuses(404)
  async get(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const found = await this.options.attachments.store.get(id);
    // A chat attachment is never served here, whoever asks.
    if (!found || !('guideImageBy' in found.meta)) {
      await found?.content.cancel();
      throw new NotFoundError(`No guide image ${id}`, { code: 'guide_image_not_found' });
    }
    void reply.header('cache-control', IMAGE_CACHE);
    return new StreamableFile(Readable.fromWeb(found.content), {
      type: found.meta.contentType,
      length: found.meta.size,
      disposition: contentDisposition(found.meta.name, { type: 'inline' }),
    });
  }
}
