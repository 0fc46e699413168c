/**
 * The connection options of a NATS URL: where, and as whom. Each app reads its NATS user from the
 * credentials of its `NATS_URL` (`nats://identity:…@nats:4222`, from a Secret), which nats.js itself would
 * not take from the URL.
 */
export function natsConnectionOf(url: string): { servers: string[]; user?: string; pass?: string } {
  const parsed = new URL(url);
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return { servers: [parsed.toString().replace(/\/$/, '')], ...(user ? { user, pass } : {}) };
}
