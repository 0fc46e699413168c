import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type RunningProduct, startDistributed, startEmbedded } from '@aftersales/shared-testing';
import { Client, demoEmail } from './client.js';
import { logisticsTests, WEBHOOK_SECRET } from './logistics.tests.js';
import { repairOrderTests } from './repair-order.tests.js';
import { RepairOrderSteps } from './repair-order-steps.js';

/** What the tests of one mode share: the product, started once, and its signed-in people. */
export interface Shared {
  product: RunningProduct;
  admin: string;
  agent: string;
  engineer: string;
  /** An engineer of another repair point, Dubai. */
  otherPointEngineer: string;
  steps: RepairOrderSteps;
}

const env = { AFTERSHIP_WEBHOOK_SECRET: WEBHOOK_SECRET };

describe.each([
  ['embedded', () => startEmbedded({ env })],
  // Two gateways: a page follows an order on one while the engineer works through the other.
  ['distributed', () => startDistributed({ env, gateways: 2 })],
])('repair orders and their parcels in the %s mode', (_, start) => {
  const shared = {} as Shared;

  beforeAll(async () => {
    shared.product = await start();
    const client = () => new Client(shared.product.url);
    shared.admin = await client().signIn(demoEmail.admin);
    shared.agent = await client().signIn(demoEmail.agent);
    shared.engineer = await client().signIn(demoEmail.engineer);
    const email = `engineer.${randomUUID()}@example.com`;
    const created = await client().call('POST', '/api/admin/users', {
      token: shared.admin,
      body: {
        email,
        password: 'a long enough password',
        displayName: 'Dubai engineer',
        role: 'engineer',
        repairPointId: 'rp-dubai',
      },
    });
    expect(created.status).toBe(201);
    shared.otherPointEngineer = await client().signIn(email, 'a long enough password');
    shared.steps = new RepairOrderSteps(client, { admin: shared.admin, agent: shared.agent });
  });

  afterAll(() => shared.product?.stop());

  describe('repair orders', () => repairOrderTests(shared));
  describe('logistics', () => logisticsTests(shared));
});
