import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  type Credentials,
  identityMessages,
  identityNotices,
  type Principal,
} from '@aftersales/contracts/identity';
import {
  Answers,
  BROADCASTS,
  type Broadcasts,
  InProcessBroker,
  InProcessServer,
  MessagingModule,
} from '@aftersales/shared-messaging';
import { SignJWT } from 'jose';
import { Authenticator } from './authenticator.js';

const principal: Principal = { kind: 'user', userId: 'u-1', role: 'customer', sessionId: 's-1' };

/** Stands in for the identity service: counts the calls, and can hold an answer back. */
const identity = {
  calls: 0,
  hold: Promise.resolve(),
  key: { kind: 'api-key', apiKeyId: 'k-1', role: 'engineer', repairPointId: 'rp-shenzhen' } as Principal,
};

@Controller()
class IdentityStandIn {
  @Answers(identityMessages.authenticate)
  async authenticate(credentials: Credentials) {
    identity.calls += 1;
    await identity.hold;
    return 'apiKey' in credentials ? identity.key : principal;
  }
}

@Module({ controllers: [IdentityStandIn] })
class IdentityStandInModule {}

const tokenExpiringIn = (seconds: number) =>
  new SignJWT({ sid: principal.sessionId })
    .setProtectedHeader({ alg: 'HS256' })
    .setJti(randomUUID())
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .sign(new TextEncoder().encode('a secret only this test knows, long enough'));

describe("the gateway's memory of who is signed in", () => {
  let service: INestMicroservice;
  let gateway: TestingModule;
  let authenticator: Authenticator;
  let broadcasts: Broadcasts;

  beforeAll(async () => {
    const broker = new InProcessBroker();
    service = await NestFactory.createMicroservice(IdentityStandInModule, {
      strategy: new InProcessServer(broker),
      logger: false,
    });
    await service.listen();
    gateway = await Test.createTestingModule({
      imports: [MessagingModule.inProcess(broker)],
      providers: [Authenticator],
    }).compile();
    await gateway.init();
    authenticator = gateway.get(Authenticator);
    broadcasts = gateway.get(BROADCASTS);
  });

  beforeEach(() => {
    identity.calls = 0;
    identity.hold = Promise.resolve();
  });

  afterAll(async () => {
    await gateway.close();
    await service.close();
  });

  it('asks the identity service once per token, and again after the session ended', async () => {
    const accessToken = await tokenExpiringIn(900);
    await expect(authenticator.authenticate({ accessToken })).resolves.toEqual(principal);
    await expect(authenticator.authenticate({ accessToken })).resolves.toEqual(principal);
    expect(identity.calls).toBe(1);
    await broadcasts.broadcast(identityNotices.sessionEnded, { sessionId: principal.sessionId });
    await authenticator.authenticate({ accessToken });
    expect(identity.calls).toBe(2);
  });

  it('does not remember an answer that was on its way while a session ended', async () => {
    const accessToken = await tokenExpiringIn(900);
    let release!: () => void;
    identity.hold = new Promise((resolve) => (release = resolve));
    const answer = authenticator.authenticate({ accessToken });
    await broadcasts.broadcast(identityNotices.sessionEnded, { sessionId: 'another session' });
    release();
    await answer;
    await authenticator.authenticate({ accessToken });
    expect(identity.calls).toBe(2);
  });

  it("forgets the account's callers when its role or repair point changes, and no one else's", async () => {
    const accessToken = await tokenExpiringIn(900);
    await authenticator.authenticate({ accessToken });
    await broadcasts.broadcast(identityNotices.userChanged, { userId: 'someone else' });
    await authenticator.authenticate({ accessToken });
    expect(identity.calls).toBe(1);
    await broadcasts.broadcast(identityNotices.userChanged, { userId: principal.userId });
    await authenticator.authenticate({ accessToken });
    expect(identity.calls).toBe(2);
  });

  it("forgets the keys of a repair point whose state changed, and no other point's", async () => {
    const apiKey = `ask_${randomUUID()}`;
    await authenticator.authenticate({ apiKey });
    await broadcasts.broadcast(identityNotices.repairPointKeysChanged, { repairPointId: 'rp-dubai' });
    await authenticator.authenticate({ apiKey });
    expect(identity.calls).toBe(1);
    await broadcasts.broadcast(identityNotices.repairPointKeysChanged, { repairPointId: 'rp-shenzhen' });
    await authenticator.authenticate({ apiKey });
    expect(identity.calls).toBe(2);
  });

  it('does not remember a key past its expiry', async () => {
    identity.key = { ...identity.key, expiresAt: new Date(Date.now() - 1).toISOString() } as Principal;
    const apiKey = `ask_${randomUUID()}`;
    await authenticator.authenticate({ apiKey });
    await authenticator.authenticate({ apiKey });
    expect(identity.calls).toBe(2);
  });

  it('does not remember a token past its expiry', async () => {
    const accessToken = await tokenExpiringIn(-1);
    await authenticator.authenticate({ accessToken });
    await authenticator.authenticate({ accessToken });
    expect(identity.calls).toBe(2);
  });
});
