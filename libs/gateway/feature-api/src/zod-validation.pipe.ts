import type { PipeTransform } from '@nestjs/common';
import { invalidInput } from '@aftersales/contracts/common';
import type { z } from 'zod';

/** Validates and normalizes input with the contract's schema; a failure is a 400 naming each field. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value);
    if (!result.success) throw invalidInput(result.error);
    return result.data;
  }
}
