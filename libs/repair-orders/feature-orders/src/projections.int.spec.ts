import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { repairOrderEvents } from '@aftersales/contracts/repair-orders';
import {
  RepairOrderRepository,
  repairOrdersMigrations,
  repairOrdersProjection,
} from '@aftersales/repair-orders-data-access';
import {
  type RepairOrderCommand,
  repairOrderDecider,
  type RepairOrderEvent,
  type RepairOrderState,
  repairOrderStream,
} from '@aftersales/repair-orders-domain';
import { CommandHandler, EventStore } from '@aftersales/shared-event-store';
import { type DatabaseConnection, openPostgres, rowsOf } from '@aftersales/shared-persistence';
import { rebuildProjections } from '@aftersales/shared-service';
import { createTestDatabase } from '@aftersales/shared-testing';
import { sql } from 'drizzle-orm';

const customerId = randomUUID();
const point = 'rp-shenzhen';
const lineNo = (order: number, line: number) =>
  `${String(order).padStart(16, '0')}${String(line).padStart(16, '0')}`;
const codeOf = (order: number) => `RB${String(order).padStart(6, '0')}`;

let clock = Date.parse('2026-11-01T08:00:00.000Z');
const metadata = (): CommandMetadata => ({
  actor: `user:${customerId}`,
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  now: new Date((clock += 60_000)).toISOString(),
});

/** Every table of the read model, in a stable order, as rows of plain values. */
async function readModel(connection: DatabaseConnection) {
  const table = async (name: string, order: string) =>
    rowsOf(await connection.db.execute(sql.raw(`select * from "repair-orders".${name} order by ${order}`)));
  return {
    orders: await table('repair_orders', 'diagnosis_code'),
    lines: await table('device_lines', 'device_order_no'),
    timeline: await table('timeline', 'repair_order_id, seq'),
  };
}

describe('the repair-orders read models', () => {
  let connection: DatabaseConnection;
  let url: string;
  let repository: RepairOrderRepository;

  beforeAll(async () => {
    url = await createTestDatabase('repair_projections');
    connection = await openPostgres(url);
    await connection.migrate(repairOrdersMigrations);
    repository = new RepairOrderRepository(connection);
    const store = new EventStore(
      connection.db,
      'repair-orders',
      new Map(Object.values(repairOrderEvents).map((e) => [e.type, e.version])),
    );
    const orders = new CommandHandler<RepairOrderCommand, RepairOrderEvent, RepairOrderState>(
      store,
      repairOrderDecider,
      [repairOrdersProjection],
    );
    const run = (order: number, command: Omit<RepairOrderCommand, 'metadata'>) =>
      orders.handle(repairOrderStream(codeOf(order)), {
        ...command,
        metadata: metadata(),
      } as RepairOrderCommand);

    // Twelve orders left at every step of the arc, three machines each.
    for (let order = 0; order < 12; order++) {
      const lines = [0, 1, 2].map((line) => ({
        deviceOrderNo: lineNo(order, line),
        sn: `RB${order}X${line}`,
        model: 'VolcMiner D1',
        fault: `fault ${line}`,
      }));
      await run(order, {
        type: 'OpenRepairOrder',
        data: {
          repairOrderId: randomUUID(),
          diagnosisCode: codeOf(order),
          consultationId: randomUUID(),
          customerId,
          device: { sn: lines[0]!.sn, model: 'VolcMiner D1', warrantyEndsOn: '2027-06-30' },
          deviceOrderNo: lines[0]!.deviceOrderNo,
        },
      });
      if (order % 6 === 0) continue;
      await run(order, {
        type: 'SubmitMailIn',
        data: {
          customerId,
          repairPointId: point,
          lines,
          carrier: 'sf-express',
          trackingNumber: `SF00000000${order}`,
        },
      });
      if (order % 6 === 1) {
        await run(order, { type: 'CancelRepairOrder', data: { customerId } });
        continue;
      }
      if (order % 6 === 2) continue;
      await run(order, {
        type: 'ReceiveDevices',
        data: {
          repairPointId: point,
          lines: [
            { deviceOrderNo: lineNo(order, 0), outcome: 'received' },
            { deviceOrderNo: lineNo(order, 1), outcome: 'received' },
            { deviceOrderNo: lineNo(order, 2), outcome: 'missing', note: 'not in the parcel' },
          ],
        },
      });
      if (order % 6 === 3) continue;
      for (const line of [0, 1]) {
        await run(order, {
          type: 'RecordRepairProgress',
          data: {
            repairPointId: point,
            deviceOrderNo: lineNo(order, line),
            progress: {
              faults: [{ component: 'hash_board', position: line + 1, chips: ['U12'] }],
              partsReplaced: [],
              result: 'repaired',
            },
          },
        });
      }
      if (order % 6 === 4) continue;
      await run(order, {
        type: 'ShipBack',
        data: {
          repairPointId: point,
          deviceOrderNos: [lineNo(order, 0), lineNo(order, 1)],
          carrier: 'sf-express',
          trackingNumber: `SF99999999${order}`,
        },
      });
      if (order === 5)
        await run(order, { type: 'ConfirmReturn', data: { confirmedBy: 'customer', customerId } });
    }
  });

  afterAll(() => connection?.close());

  it('lists each device line as a ticket row, filtered by status and searched by SN or code', async () => {
    const all = await repository.tickets(customerId, { page: 1 });
    // Two orders never got their form: only the consultation's machine is on them.
    expect(all.total).toBe(32);
    expect(all.rows).toHaveLength(20);
    const returned = await repository.tickets(customerId, { page: 1, status: 'returned' });
    expect(returned.rows.map((r) => [r.diagnosisCode, r.returnTrackingNumber])).toEqual([
      [codeOf(11), 'SF9999999911'],
      [codeOf(11), 'SF9999999911'],
    ]);
    const bySn = await repository.tickets(customerId, { page: 1, q: 'RB7X2' });
    expect(bySn.rows).toEqual([expect.objectContaining({ sn: 'RB7X2', status: 'cancelled' })]);
    const secondPage = await repository.tickets(customerId, { page: 2 });
    expect(secondPage.rows).toHaveLength(12);
  });

  it('keeps the repair point’s queue with its counts per status, the statuses read from the lines', async () => {
    const { orders, counts } = await repository.pointOrders(point);
    expect(counts).toEqual({
      awaiting_receipt: 2,
      cancelled: 2,
      received: 2,
      repairing: 2,
      returned: 1,
      completed: 1,
    });
    expect(orders).toHaveLength(10);
    const detail = await repository.detail(codeOf(5));
    expect(detail?.timeline.map((e) => e.type)).toEqual([
      'RepairOrderOpened',
      'MailInSubmitted',
      'DeviceReceived',
      'DeviceReceived',
      'DeviceReceived',
      'RepairProgressRecorded',
      'RepairProgressRecorded',
      'DeviceReturned',
      'ReturnConfirmed',
    ]);
    expect(detail?.version).toBe(9);
  });

  it('rebuilds from the event store into exactly the rows the live projection wrote', async () => {
    const live = await readModel(connection);
    await connection.db.execute(sql`update "repair-orders".device_lines set status = 'scrambled'`);
    process.env.DATABASE_URL = url;
    try {
      await rebuildProjections('repair-orders', [repairOrdersProjection]);
    } finally {
      delete process.env.DATABASE_URL;
    }
    expect(await readModel(connection)).toEqual(live);
  });
});
