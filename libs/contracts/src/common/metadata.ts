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

const headerNames = {
  actor: 'aftersales-actor',
  commandId: 'aftersales-command-id',
  correlationId: 'aftersales-correlation-id',
  causationId: 'aftersales-causation-id',
  now: 'aftersales-now',
} as const satisfies Record<keyof CommandMetadata, string>;

export function metadataHeaders(metadata: CommandMetadata): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headerNames).map(([key, header]) => [header, metadata[key as keyof CommandMetadata]]),
  );
}

/** Reads the metadata back; undefined when a header is missing, i.e. the sender was not one of ours. */
export function metadataFromHeaders(
  get: (header: string) => string | undefined,
): CommandMetadata | undefined {
  const entries = Object.entries(headerNames).map(([key, header]) => [key, get(header)] as const);
  if (entries.some(([, value]) => !value)) return undefined;
  return Object.fromEntries(entries) as unknown as CommandMetadata;
}
