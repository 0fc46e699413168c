import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { ServiceUnavailableException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HealthModule } from './health.module.js';
import { Readiness } from './readiness.js';

describe('readiness', () => {
  it('is ready while nothing it depends on is down, and not ready once the app begins to stop', async () => {
    const app = await Test.createTestingModule({ imports: [HealthModule.forService({})] }).compile();
    const readiness = app.get(Readiness);
    await expect(readiness.check()).resolves.toMatchObject({ status: 'ok' });

    await app.close();

    const refusal = await readiness.check().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ServiceUnavailableException);
    expect((refusal as ServiceUnavailableException).getResponse()).toMatchObject({
      error: { shutdown: { status: 'down' } },
    });
  });
});
