import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password);

/** A random token for a client to hold: refresh tokens and API keys. */
export const randomToken = (prefix = '') => `${prefix}${randomBytes(32).toString('base64url')}`;

/** Tokens are stored as SHA-256: they are random and long, so a slow hash adds nothing. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
