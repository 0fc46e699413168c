export interface NatsConnectionSettings {
  servers: string[];
  user?: string;
  pass?: string;
  /** Present: the connection must be TLS, verified against `caFile` when given (else the system's CAs). */
  tls?: { caFile?: string };
}

/**
 * The connection options of a NATS URL: where, as whom, and whether over TLS. Each app reads its NATS user
 * from the credentials of its `NATS_URL` (`tls://identity:…@nats:4222`, from a Secret), which nats.js itself
 * would not take from the URL. A `tls://` URL, or a CA in `NATS_TLS_CA` (the file of the CA that signed the
 * server's certificate, mounted from a Secret), makes the connection refuse to go on without TLS: a
 * password never crosses the network in the clear.
 */
export function natsConnectionOf(
  url: string,
  caFile: string | undefined = process.env.NATS_TLS_CA || undefined,
): NatsConnectionSettings {
  const parsed = new URL(url);
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  const tls = parsed.protocol === 'tls:' || caFile !== undefined;
  return {
    servers: [parsed.toString().replace(/\/$/, '')],
    ...(user ? { user, pass } : {}),
    ...(tls ? { tls: caFile === undefined ? {} : { caFile } } : {}),
  };
}
