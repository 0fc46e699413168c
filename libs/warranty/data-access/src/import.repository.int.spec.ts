import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type DatabaseConnection, openPglite, openPostgres } from '@aftersales/shared-persistence';
import { createTestDatabase } from '@aftersales/shared-testing';
import { DeviceRepository } from './device.repository.js';
import { type ImportedDevice, ImportRepository } from './import.repository.js';
import { warrantyMigrations } from './migrations.js';

const backends: [string, () => Promise<DatabaseConnection>][] = [
  ['PostgreSQL', async () => openPostgres(await createTestDatabase('imports'))],
  ['PGlite', () => openPglite('memory://')],
];

const row = (line: number, sn: string, model = 'VolcMiner D1'): ImportedDevice => ({
  line,
  sn,
  model,
  shippedOn: '2025-03-01',
  customerRef: null,
  orderRef: null,
});

describe.each(backends)('device imports on %s', (_, open) => {
  let connection: DatabaseConnection;
  let imports: ImportRepository;
  let devices: DeviceRepository;

  beforeAll(async () => {
    connection = await open();
    await connection.migrate(warrantyMigrations);
    imports = new ImportRepository(connection);
    devices = new DeviceRepository(connection);
  });

  afterAll(() => connection.close());

  const registered = async (sns: string[]) => [...(await devices.findBySns(sns)).keys()].sort();

  it('stages rows while an import runs, counting them, and registers none of them yet', async () => {
    const id = randomUUID();
    await imports.start(id, 'a.csv');
    const progress = await imports.stageChunk(id, [row(2, 'ZH6000000001'), row(3, 'ZH6000000002')], []);
    expect(progress).toMatchObject({ status: 'running', processedRows: 2, inserted: 0, rejected: 0 });
    expect(await registered(['ZH6000000001', 'ZH6000000002'])).toEqual([]);
    await imports.finish(id);
  });

  it('registers nothing of an import that fails, and forgets its staged rows', async () => {
    const id = randomUUID();
    await imports.start(id, 'b.csv');
    await imports.stageChunk(id, [row(2, 'ZH6000000011')], []);
    await imports.stageChunk(id, [row(3, 'ZH6000000012')], [{ line: 4, reason: 'model: is required' }]);
    const failed = await imports.finish(id, 'file: an import takes at most 2 rows');
    expect(failed).toMatchObject({ status: 'failed', processedRows: 3, inserted: 0, rejected: 1 });
    expect(await registered(['ZH6000000011', 'ZH6000000012'])).toEqual([]);
    // A later import of the same SNs is not told they appeared before.
    const again = randomUUID();
    await imports.start(again, 'b.csv');
    await expect(imports.stageChunk(again, [row(2, 'ZH6000000011')], [])).resolves.toMatchObject({
      rejected: 0,
    });
    await imports.finish(again);
  });

  it('applies the rows of a completed import at once: new ones, changed ones with history, unchanged ones', async () => {
    const first = randomUUID();
    await imports.start(first, 'c.csv');
    await imports.stageChunk(first, [row(2, 'ZH6000000021'), row(3, 'ZH6000000022')], []);
    await expect(imports.finish(first)).resolves.toMatchObject({ status: 'completed', inserted: 2 });

    const second = randomUUID();
    await imports.start(second, 'c.csv');
    await imports.stageChunk(
      second,
      [row(2, 'ZH6000000021'), row(3, 'ZH6000000022', 'VolcMiner D1 Hydro')],
      [],
    );
    // The same SN again in a later chunk is rejected, naming the line it first appeared on.
    await imports.stageChunk(second, [row(4, 'ZH6000000023'), row(5, 'ZH6000000021', 'VolcMiner X')], []);
    const done = await imports.finish(second);
    expect(done).toMatchObject({
      status: 'completed',
      processedRows: 4,
      inserted: 1,
      updated: 1,
      unchanged: 1,
      rejected: 1,
    });
    expect(await imports.rejections(second)).toEqual([
      { line: 5, reason: 'sn: ZH6000000021 appears again (first on line 2)' },
    ]);
    const found = await devices.findBySns(['ZH6000000021', 'ZH6000000022', 'ZH6000000023']);
    expect(found.get('ZH6000000021')).toMatchObject({ model: 'VolcMiner D1' });
    expect(found.get('ZH6000000022')).toMatchObject({ model: 'VolcMiner D1 Hydro' });
    expect(found.has('ZH6000000023')).toBe(true);
    expect(await imports.history('ZH6000000022')).toEqual([
      {
        importId: second,
        changedAt: expect.any(String),
        before: { model: 'VolcMiner D1', shippedOn: '2025-03-01', customerRef: null, orderRef: null },
        after: { model: 'VolcMiner D1 Hydro', shippedOn: '2025-03-01', customerRef: null, orderRef: null },
      },
    ]);
  });

  it('finishes an import once: a second finish changes nothing', async () => {
    const id = randomUUID();
    await imports.start(id, 'd.csv');
    await imports.stageChunk(id, [row(2, 'ZH6000000031')], []);
    const done = await imports.finish(id);
    await expect(imports.finish(id, 'too late')).resolves.toEqual(done);
  });
});
