import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestMicroservice } from '@nestjs/common';
import { identityMessages } from '@aftersales/contracts/identity';
import { signInFailures } from '@aftersales/identity-data-access';
import type { ServiceClient } from '@aftersales/shared-messaging';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';
import { eq } from 'drizzle-orm';
import { identityWirings, metadata, startIdentity } from '../test/identity-service.js';
import { DEMO_PASSWORD } from './demo-accounts.js';

const admin = 'admin@example.com';

describe.each(identityWirings)('the sign-in lockout of the identity service on %s', (_, wiring) => {
  let service: INestMicroservice;
  let services: ServiceClient;
  let db: DatabaseConnection['db'];

  const signIn = (email: string, password: string, address: string) =>
    services.request(identityMessages.signIn, { email, password, client: { address } }, metadata());
  const failures = async (address: string) =>
    (await db.select().from(signInFailures).where(eq(signInFailures.address, address))).length;

  beforeAll(async () => {
    ({ service, services } = await startIdentity(wiring));
    db = service.get<DatabaseConnection>(DATABASE_CONNECTION).db;
  });

  afterAll(() => service?.close());

  it('locks an address out of the admin account after a flood of failures, while the owner signs in from another', async () => {
    const attacker = '203.0.113.7';
    for (let attempt = 0; attempt < 30; attempt++) {
      await expect(signIn(admin, `guess-${attempt}`, attacker)).rejects.toMatchObject({
        error: { statusCode: expect.any(Number) },
      });
    }
    await expect(signIn(admin, DEMO_PASSWORD, attacker)).rejects.toMatchObject({
      error: {
        statusCode: 429,
        message: expect.stringMatching(/^Too many failed sign-ins for your address/),
      },
    });

    const owner = await signIn(admin, DEMO_PASSWORD, '198.51.100.20');
    expect(owner.user.email).toBe(admin);
    // The owner's success forgets the owner's address only: the flooding address stays locked out.
    await expect(signIn(admin, DEMO_PASSWORD, attacker)).rejects.toMatchObject({
      error: { statusCode: 429 },
    });
  });

  it('makes one address wait after five failures of one account, and no other address', async () => {
    const typo = '192.0.2.55';
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(signIn('agent@example.com', 'not the password', typo)).rejects.toMatchObject({
        error: { statusCode: 401 },
      });
    }
    await expect(signIn('agent@example.com', DEMO_PASSWORD, typo)).rejects.toMatchObject({
      error: {
        statusCode: 429,
        message: 'Too many failed sign-ins for this account from your address; try again in 1 minute',
      },
    });
    expect((await signIn('agent@example.com', DEMO_PASSWORD, '192.0.2.56')).user.role).toBe('agent');
    // Another account from the waiting address is not held back by this account's failures.
    expect((await signIn('customer@example.com', DEMO_PASSWORD, typo)).user.role).toBe('customer');
  });

  it('purges failures that left the window instead of keeping them', async () => {
    const old = new Date(Date.now() - 16 * 60 * 1000);
    await db
      .insert(signInFailures)
      .values({ email: 'gone@example.com', address: '192.0.2.99', failedAt: old });
    expect(await failures('192.0.2.99')).toBe(1);
    await expect(signIn('someone@example.com', 'wrong password', '192.0.2.100')).rejects.toMatchObject({
      error: { statusCode: 401 },
    });
    expect(await failures('192.0.2.99')).toBe(0);
    expect(await failures('192.0.2.100')).toBe(1);
  });
});
