import { z } from 'zod';

export const SERIAL_NUMBER_PATTERN = /^[A-Z0-9]{6,32}$/;

/** Customers paste SNs from labels and spreadsheets: case and whitespace carry no meaning. */
export function normalizeSerialNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export const serialNumberSchema = z
  .string({ error: 'sn is required' })
  .transform(normalizeSerialNumber)
  .pipe(
    z.string().regex(SERIAL_NUMBER_PATTERN, {
      error: 'must be 6 to 32 letters and digits, such as ZH10014510045',
    }),
  )
  // OpenAPI's `example` of what a client sends: zod writes `examples` for the parsed value only.
  .meta({ description: 'Case and spaces are ignored', example: 'ZH10014510045' });
