import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type DatabaseConnection, openPglite, openPostgres } from '@aftersales/shared-persistence';
import { createTestDatabase } from '@aftersales/shared-testing';
import { DeviceRepository, warrantyMigrations } from './device.repository.js';

const backends: [string, () => Promise<DatabaseConnection>][] = [
  ['PostgreSQL', async () => openPostgres(await createTestDatabase('devices'))],
  ['PGlite', () => openPglite('memory://')],
];

const d1 = {
  sn: 'ZH10014510045',
  model: 'VolcMiner D1',
  shippedOn: '2025-06-18',
  warrantyEndsOn: '2026-06-18',
};
const d2 = {
  sn: 'ZH21315080006',
  model: 'VolcMiner D1',
  shippedOn: '2024-09-08',
  warrantyEndsOn: '2025-09-08',
};

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

  it('finds a registered device by SN, with its dates as calendar days', async () => {
    await devices.registerNew([d1, d2]);
    await expect(devices.findBySn(d1.sn)).resolves.toEqual(d1);
  });

  it('answers nothing for an SN it does not know', async () => {
    await expect(devices.findBySn('ZH00000000000')).resolves.toBeUndefined();
  });

  it('registers only the new devices when the same list arrives again', async () => {
    const changed = { ...d1, model: 'renamed' };
    const d3 = { ...d2, sn: 'ZH30022010001' };
    await expect(devices.registerNew([changed, d2, d3])).resolves.toBe(1);
    await expect(devices.findBySn(d1.sn)).resolves.toEqual(d1);
    await expect(devices.findBySn(d3.sn)).resolves.toEqual(d3);
  });
});
