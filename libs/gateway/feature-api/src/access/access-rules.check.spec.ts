import { describe, expect, it } from '@jest/globals';
import { Controller, Get } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Access } from './access.decorator.js';
import { AccessRulesCheck } from './access-rules.check.js';

@Controller('ruled')
@Access({ roles: ['admin'] })
class RuledController {
  @Get()
  list() {
    return [];
  }
}

@Controller('forgotten')
class ForgottenController {
  @Get('one')
  @Access({ public: true })
  one() {
    return 1;
  }

  @Get('two')
  two() {
    return 2;
  }
}

async function start(...controllers: (new () => object)[]) {
  const module = await Test.createTestingModule({
    imports: [DiscoveryModule],
    controllers,
    providers: [AccessRulesCheck],
  }).compile();
  return module.createNestApplication(new FastifyAdapter(), { logger: false }).init();
}

describe('the access-rule check at start', () => {
  it('starts when every route has a rule, on the method or the controller', async () => {
    const app = await start(RuledController);
    await app.close();
  });

  it('refuses to start with a route that has none, and names it', async () => {
    await expect(start(RuledController, ForgottenController)).rejects.toThrow(
      'Routes without an access rule: ForgottenController.two',
    );
  });
});
