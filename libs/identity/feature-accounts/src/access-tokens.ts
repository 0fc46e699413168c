import type { Principal, Role } from '@aftersales/contracts/identity';
import { ACCESS_TOKEN_TTL_SECONDS } from '@aftersales/identity-domain';
import { jwtVerify, SignJWT } from 'jose';

export interface AccessClaims {
  userId: string;
  role: Role;
  repairPointId?: string;
  sessionId: string;
}

const ISSUER = 'aftersales-identity';

/** Signs and reads the short-lived access tokens (HS256 JWT). */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: AccessClaims, now = new Date()): Promise<string> {
    return new SignJWT({ role: claims.role, sid: claims.sessionId, rp: claims.repairPointId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(now.getTime() / 1000) + ACCESS_TOKEN_TTL_SECONDS)
      .sign(this.key);
  }

  /** The claims of a valid, unexpired token; undefined for anything else. */
  async read(token: string): Promise<Extract<Principal, { kind: 'user' }> | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      return {
        kind: 'user',
        userId: String(payload.sub),
        role: payload.role as Role,
        sessionId: String(payload.sid),
        ...(typeof payload.rp === 'string' ? { repairPointId: payload.rp } : {}),
      };
    } catch {
      return undefined;
    }
  }
}
