import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConflictError, InvalidError, UnauthenticatedError } from '@aftersales/contracts/common';
import { z } from 'zod';

/** How far a push's own time may lie from ours before it counts as stale (or from the future). */
export const WEBHOOK_TOLERANCE_MS = 15 * 60 * 1000;

/** AfterShip's tracking webhook, as its documentation specifies the body (fields we do not read pass by). */
const pushSchema = z.object({
  event: z.string(),
  event_id: z.string().min(1),
  /** When the event occurred, in Unix seconds. */
  ts: z.number().int().positive(),
  msg: z.object({
    tracking_number: z.string().min(1),
    slug: z.string().min(1),
    tag: z.string(),
    checkpoints: z
      .array(
        z.object({
          checkpoint_time: z.string().min(1),
          message: z.string().nullish(),
          location: z.string().nullish(),
          tag: z.string(),
        }),
      )
      .default([]),
  }),
});
export type AftershipPush = z.infer<typeof pushSchema>;

function signatureHolds(body: string, signature: string, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(body, 'utf8').digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A push as it may be acted on: signed with our secret over its exact bytes (`aftership-hmac-sha256`, base64
 * HMAC-SHA256), well formed, and recent. Whether it was taken before is for the caller, who keeps the ids.
 */
export function verifiedPush(
  body: string,
  signature: string | undefined,
  secret: string | undefined,
  now: Date,
): AftershipPush {
  if (!secret) {
    throw new UnauthenticatedError('No webhook secret is configured: pushes are refused', {
      code: 'webhook_not_configured',
    });
  }
  if (!signature) {
    throw new UnauthenticatedError('aftership-hmac-sha256: the signature header is missing', {
      code: 'webhook_unsigned',
    });
  }
  if (!signatureHolds(body, signature, secret)) {
    throw new UnauthenticatedError('aftership-hmac-sha256: the signature does not match the body', {
      code: 'webhook_signature_invalid',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new InvalidError('The body is not JSON', { code: 'webhook_malformed' });
  }
  const parsed = pushSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidError(`${issue.path.join('.')}: ${issue.message}`, { code: 'webhook_malformed' });
  }
  if (Math.abs(now.getTime() - parsed.data.ts * 1000) > WEBHOOK_TOLERANCE_MS) {
    throw new InvalidError(
      `ts: the push is from ${new Date(parsed.data.ts * 1000).toISOString()}, too far from now`,
      {
        code: 'webhook_stale',
      },
    );
  }
  return parsed.data;
}

export function replayed(eventId: string): ConflictError {
  return new ConflictError(`event_id ${eventId} was received before`, {
    code: 'webhook_replayed',
    params: { eventId },
  });
}

/** AfterShip writes checkpoint times without an offset when the carrier gave none: read as UTC. */
export function checkpointTime(raw: string): string | undefined {
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(raw) ? raw : `${raw}Z`;
  const time = new Date(withZone);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
