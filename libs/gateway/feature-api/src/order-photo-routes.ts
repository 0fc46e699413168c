import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiProduces } from '@nestjs/swagger';
import { diagnosisCodeSchema } from '@aftersales/contracts/consultation';
import { orderPhotoSchema, photoTypes } from '@aftersales/contracts/repair-orders';
import { z } from 'zod';
import { Refuses, Reply } from './openapi/responses.js';
import { openApiSchemaOf } from './openapi/zod-openapi.js';

export const byPhoto = z.strictObject({ diagnosisCode: diagnosisCodeSchema, photoId: z.uuid() });
export type ByPhoto = z.infer<typeof byPhoto>;

const photoFormSchema = z.object({
  file: z.file().meta({ description: `One photo: ${photoTypes.join(', ')}` }),
});
const photoFileSchema = z.file().meta({ description: 'The photo, of the type its bytes were found to be' });

/** The upload of one photo of an order's machine, for the customer's and the repair point's routes alike. */
export const UploadsPhoto = (where: string) =>
  applyDecorators(
    ApiOperation({
      summary: `Upload a photo of a machine of the order, to show ${where}`,
      description:
        `A part named \`file\` holding one photo (${photoTypes.join(', ')}, read from its bytes). The ` +
        'answer’s `id` goes into the `photos` of the form, the receipt line or the repair step it shows; ' +
        'a photo is served only through its own order.',
      requestBody: {
        required: true,
        content: { 'multipart/form-data': { schema: openApiSchemaOf(photoFormSchema, 'input') } },
      },
    }),
    Reply(201, orderPhotoSchema),
    Refuses(404, 413, 415),
  );

/** A photo of the order's machines, shown in the page to whoever may read the order. */
export const DownloadsPhoto = () =>
  applyDecorators(
    ApiOperation({ summary: 'A photo of a machine of the order, shown in the page' }),
    ApiProduces(...photoTypes),
    Reply(200, photoFileSchema),
    Refuses(404),
  );
