import { z } from 'zod';

/**
 * What travels with every request and command beside its payload, in NATS headers (and alike in the
 * in-process transport): who acts, which command this is, what it belongs to, and the time it happens at.
 * Domains never read the clock: `now` comes from here.
 */
export interface CommandMetadata {
  /** `user:<id>`, `api-key:<id>` or `service:<name>`. */
  actor: string;
  /** Unique per command; a retry carries the same id, so the command takes effect once. */
  commandId: string;
  /** Shared by everything one user action set off. */
  correlationId: string;
  /** The message or command that caused this one. */
  causationId: string;
  /** ISO 8601 instant at which the command happens. */
  now: string;
}

/** Checked by every receiver: a header of the wrong form is refused with a 400, never used. */
export const commandMetadataSchema = z.object({
  actor: z.string().regex(/^(anonymous|(user|api-key|service):[A-Za-z0-9_.:-]{1,100})$/, {
    error: 'must be anonymous, user:<id>, api-key:<id> or service:<name>',
  }),
  commandId: z.string().min(1).max(200),
  correlationId: z.string().min(1).max(200),
  causationId: z.string().min(1).max(200),
  now: z.iso.datetime({ offset: true }),
});

const headerNames = {
  actor: 'aftersales-actor',
  commandId: 'aftersales-command-id',
  correlationId: 'aftersales-correlation-id',
  causationId: 'aftersales-causation-id',
  now: 'aftersales-now',
} as const satisfies Record<keyof CommandMetadata, string>;

const metadataKeys = Object.keys(headerNames) as (keyof CommandMetadata)[];

// On every request a gateway sends: a plain loop, without the arrays of `Object.entries`.
export function metadataHeaders(metadata: CommandMetadata): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const key of metadataKeys) headers[headerNames[key]] = metadata[key];
  return headers;
}

/** Reads the metadata back as the sender wrote it; `commandMetadataSchema` says whether it is well formed. */
export function metadataFromHeaders(
  get: (header: string) => string | undefined,
): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headerNames).map(([key, header]) => [key, get(header)]));
}
