import { HttpException } from '@nestjs/common';
import { apiError, type ErrorParams } from '@aftersales/contracts/common';

/**
 * Why an upload is refused, with the status and the code a client translates: a limit of the upload
 * itself (413, 415) or a problem in its content (400). Nest's HTTP exceptions carry no code of ours.
 */
export class UploadRefused extends HttpException {
  constructor(status: 400 | 413 | 415, code: string, message: string, params?: ErrorParams) {
    super(apiError(status, message, { code, params }), status);
  }
}
