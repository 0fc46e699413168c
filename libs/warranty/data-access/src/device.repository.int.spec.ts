import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type DatabaseConnection, openPglite, openPostgres } from '@aftersales/shared-persistence';
import { createTestDatabase } from '@aftersales/shared-testing';
import { DeviceRepository } from './device.repository.js';
import { warrantyMigrations } from './migrations.js';

const backends: [string, () => Promise<DatabaseConnection>][] = [
  ['PostgreSQL', async () => openPostgres(await createTestDatabase('devices'))],
  ['PGlite', () => openPglite('memory://')],
];

const d1 = { sn: 'ZH10014510045', model: 'VolcMiner D1', shippedOn: '2025-06-18' };
const d2 = { sn: 'ZH21315080006', model: 'VolcMiner X', shippedOn: '2024-09-08' };

describe.each(backends)('device registry on %s', (_, open) => {
  let connection: DatabaseConnection;
  let devices: DeviceRepository;

  beforeAll(async () => {
    connection = await open();
    await connection.migrate(warrantyMigrations);
    devices = new DeviceRepository(connection);
  });

  afterAll(() => connection.close());

  it('migrates again without change when a service restarts', async () => {
    await expect(connection.migrate(warrantyMigrations)).resolves.toBeUndefined();
  });

  it("finds devices with their model's policy and their extensions, oldest first, each granted once", async () => {
    await devices.registerNew([d1, d2]);
    await devices.setPolicy({ model: 'VolcMiner D1', months: 12 });
    const recall = { id: randomUUID(), sn: d1.sn, months: 3, reason: 'firmware recall', grantedBy: 'user:a' };
    await devices.grantExtension(recall);
    await devices.grantExtension(recall);
    await devices.grantExtension({ ...recall, id: randomUUID(), months: 1, reason: 'late delivery' });
    const found = await devices.findBySns([d1.sn, d2.sn, 'ZH00000000000']);
    expect(found.get(d1.sn)).toMatchObject({
      ...d1,
      policyMonths: 12,
      extensions: [
        { months: 3, reason: 'firmware recall' },
        { months: 1, reason: 'late delivery' },
      ],
    });
    expect(found.get(d2.sn)).toEqual({ ...d2, extensions: [] });
    expect(found.has('ZH00000000000')).toBe(false);
  });

  it('answers a single lookup, made in one query, exactly as the batch lookup does', async () => {
    const batch = await devices.findBySns([d1.sn, d2.sn]);
    await expect(devices.findBySn(d1.sn)).resolves.toEqual(batch.get(d1.sn));
    await expect(devices.findBySn(d2.sn)).resolves.toEqual(batch.get(d2.sn));
    const [first] = batch.get(d1.sn)!.extensions;
    expect(first!.grantedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await expect(devices.findBySn('ZH00000000000')).resolves.toBeUndefined();
  });

  it('registers only the new devices when the same list arrives again', async () => {
    const d3 = { ...d2, sn: 'ZH30022010001' };
    await expect(devices.registerNew([{ ...d1, model: 'renamed' }, d2, d3])).resolves.toBe(1);
    await expect(devices.findBySn(d1.sn)).resolves.toMatchObject(d1);
  });

  it('sets a policy again as a change, and keeps existing ones when seeding', async () => {
    await devices.setPolicy({ model: 'VolcMiner D1', months: 18 });
    await devices.setMissingPolicies([
      { model: 'VolcMiner D1', months: 12 },
      { model: 'VolcMiner X', months: 6 },
    ]);
    expect(await devices.listPolicies()).toEqual([
      { model: 'VolcMiner D1', months: 18 },
      { model: 'VolcMiner X', months: 6 },
    ]);
  });
});
