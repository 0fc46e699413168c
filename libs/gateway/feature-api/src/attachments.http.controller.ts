import { Readable } from 'node:stream';
import { Controller, Get, Header, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@aftersales/contracts/common';
import { idParamSchema } from '@aftersales/contracts/identity';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { Access } from './access/access.decorator.js';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway.options.js';
import { Reply } from './openapi/responses.js';

const fileSchema = z.file().meta({ description: 'The bytes of the file, of the type they were found to be' });

/**
 * The files chat messages carry, for the consultation's customer and the agents; another customer's
 * answers 404. A file is always downloaded, never shown in the page, and as the type its bytes were found
 * to be when it was uploaded.
 */
@ApiTags('consultations')
@Controller('api/attachments')
export class AttachmentsHttpController {
  constructor(@Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions) {}

  @Get(':id')
  @Access({ roles: ['customer', 'agent'], owned: 'attachment' })
  @Header('x-content-type-options', 'nosniff')
  @ApiOperation({ summary: 'Download a file a chat message carries, as an attachment' })
  @ApiProduces('application/octet-stream')
  @Reply(200, fileSchema, {
    'Content-Disposition': '`attachment`, with the file name',
    'Content-Type': 'The type the file’s bytes were found to be when it was uploaded',
  })
  async download(@Param({ schema: idParamSchema }) { id }: { id: string }): Promise<StreamableFile> {
    const found = await this.options.attachments.store.get(id);
    if (!found) throw new NotFoundError(`No attachment ${id}`, { code: 'attachment_not_found' });
    return new StreamableFile(Readable.fromWeb(found.content), {
      type: found.meta.contentType,
      length: found.meta.size,
      disposition: contentDisposition(found.meta.name),
    });
  }
}
