import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  type Credentials,
  identityMessages,
  identityNotices,
  type IdentityNotices,
  type Principal,
} from '@aftersales/contracts/identity';
import { BROADCASTS, type Broadcasts, ServiceClient } from '@aftersales/shared-messaging';
import { decodeJwt } from 'jose';
import { LRUCache } from 'lru-cache';
import { gatewayMetadata } from '../command-metadata.js';

/**
 * The longest a caller the identity service vouched for is taken on trust. Ended sessions and revoked keys
 * are forgotten at once through the identity service's notices; this bounds the harm of a notice lost
 * without the connection dropping.
 */
const TRUST_MS = 30_000;

function cacheKey(credentials: Credentials): string {
  return 'apiKey' in credentials ? `key ${credentials.apiKey}` : `token ${credentials.accessToken}`;
}

/** How long the credentials may be remembered: never past an access token's or an API key's own expiry. */
function trustFor(credentials: Credentials, principal: Principal, now: number): number {
  if (principal.kind === 'api-key') {
    return principal.expiresAt ? Math.min(TRUST_MS, Date.parse(principal.expiresAt) - now) : TRUST_MS;
  }
  if (!('accessToken' in credentials)) return 0;
  const { exp } = decodeJwt(credentials.accessToken);
  return Math.min(TRUST_MS, (exp ?? 0) * 1000 - now);
}

/**
 * Who is calling, as the identity service answers it, remembered per credential so that a signed-in
 * caller's requests need not each cross the bus to the identity service.
 */
@Injectable()
export class Authenticator implements OnModuleInit, OnModuleDestroy {
  private readonly known = new LRUCache<string, Principal>({ max: 10_000 });
  /** Moves on every notice, so an answer that was in flight while a session ended is not remembered. */
  private generation = 0;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly services: ServiceClient,
    @Inject(BROADCASTS) private readonly broadcasts: Broadcasts,
  ) {}

  onModuleInit(): void {
    this.stops.push(
      this.broadcasts.listen(identityNotices.sessionEnded, (notice) =>
        this.forget(
          (p) => p.kind === 'user' && p.sessionId === (notice as IdentityNotices['sessionEnded']).sessionId,
        ),
      ),
      this.broadcasts.listen(identityNotices.apiKeyRevoked, (notice) =>
        this.forget(
          (p) => p.kind === 'api-key' && p.apiKeyId === (notice as IdentityNotices['apiKeyRevoked']).apiKeyId,
        ),
      ),
      this.broadcasts.listen(identityNotices.userChanged, (notice) =>
        this.forget(
          (p) => p.kind === 'user' && p.userId === (notice as IdentityNotices['userChanged']).userId,
        ),
      ),
      this.broadcasts.listen(identityNotices.repairPointKeysChanged, (notice) =>
        this.forget(
          (p) =>
            p.kind === 'api-key' &&
            p.repairPointId === (notice as IdentityNotices['repairPointKeysChanged']).repairPointId,
        ),
      ),
    );
    this.broadcasts.onGap(() => this.forget(() => true));
  }

  onModuleDestroy(): void {
    this.stops.forEach((stop) => stop());
  }

  async authenticate(credentials: Credentials): Promise<Principal> {
    const key = cacheKey(credentials);
    const known = this.known.get(key);
    if (known) return known;
    const generation = this.generation;
    const principal = await this.services.request(
      identityMessages.authenticate,
      credentials,
      gatewayMetadata(),
    );
    const ttl = trustFor(credentials, principal, Date.now());
    if (generation === this.generation && ttl > 0) this.known.set(key, principal, { ttl });
    return principal;
  }

  private forget(matches: (principal: Principal) => boolean): void {
    this.generation += 1;
    // Collected first: the cache's iterator does not promise to survive deletions.
    const forgotten = [...this.known.entries()].filter(([, principal]) => matches(principal));
    for (const [key] of forgotten) this.known.delete(key);
  }
}
