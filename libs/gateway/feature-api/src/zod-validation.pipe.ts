import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { validationError } from '@aftersales/contracts/common';
import type { z } from 'zod';

/** Validates and normalizes input with the contract's schema; a failure is a 400 naming each field. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value);
    if (!result.success) throw new BadRequestException(validationError(result.error));
    return result.data;
  }
}
