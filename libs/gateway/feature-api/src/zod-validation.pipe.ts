import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { invalidInput } from '@aftersales/contracts/common';
import type { z } from 'zod';

/** Validates and normalizes input with a contract's schema; a failure is a 400 naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

/**
 * Checks every route argument that names its schema (`@Body({ schema })`, `@Param({ schema })`,
 * `@Query({ schema })`): the same schema documents the argument in OpenAPI, so the two cannot differ.
 */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, { schema }: ArgumentMetadata): unknown {
    return schema ? parseInput(schema as z.ZodType, value) : value;
  }
}
