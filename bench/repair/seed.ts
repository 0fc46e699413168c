import { createHash } from 'node:crypto';
import type { RepairOrderEvent } from '@aftersales/repair-orders-domain';
import type { EventStore, NewEvent } from '@aftersales/shared-event-store';
import { namedUuid } from '@aftersales/shared-messaging';
import type { DatabaseConnection } from '@aftersales/shared-persistence';
import { sql } from 'drizzle-orm';

/** The repair point every seeded order was sent to: the demo engineer's. */
export const POINT = 'rp-shenzhen';

/** Order `i`'s diagnosis code and its one line's device order number, as the seed SQL writes them. */
export const codeOf = (i: number) => `B${String(i).padStart(7, '0')}`;
export const lineOf = (i: number) => createHash('md5').update(`line${i}`).digest('hex');

/**
 * `count` orders sent to the Shenzhen point, awaiting receipt: each stream's two events (opened, mail-in
 * submitted) written straight into the event store's table by one statement, as a long-running service
 * would have appended them. The read models are left empty, for the projection to build.
 */
export async function seedOrders(connection: DatabaseConnection, count: number): Promise<number> {
  const order = sql.raw(`
    with o as (
      select i, 'B' || lpad(i::text, 7, '0') as code, md5('order' || i)::uuid as id,
             md5('line' || i) as line, 'BSN' || lpad(i::text, 10, '0') as sn
      from generate_series(1, ${count}) i
    ),
    s as (insert into "repair-orders".streams (stream_id, version) select 'repair-order-' || code, 2 from o)
    insert into "repair-orders".events (stream_id, version, event_id, type, data, metadata)
    select 'repair-order-' || code, v, md5(code || '#' || v)::uuid, t, d,
           jsonb_build_object('commandId', code || '#' || v, 'correlationId', code, 'causationId', code,
                              'actor', 'service:bench', 'timestamp', '2026-11-01T08:00:00.000Z', 'schemaVersion', 1)
    from o, lateral (values
      (1, 'RepairOrderOpened', jsonb_build_object(
        'repairOrderId', id, 'diagnosisCode', code, 'consultationId', md5('consultation' || i)::uuid,
        'customerId', md5('customer')::uuid,
        'lines', jsonb_build_array(jsonb_build_object('deviceOrderNo', line, 'sn', sn, 'model', 'VolcMiner D1')),
        'openedAt', '2026-11-01T08:00:00.000Z')),
      (2, 'MailInSubmitted', jsonb_build_object(
        'repairOrderId', id, 'diagnosisCode', code, 'customerId', md5('customer')::uuid, 'repairPointId', '${POINT}',
        'lines', jsonb_build_array(jsonb_build_object('deviceOrderNo', line, 'sn', sn, 'model', 'VolcMiner D1',
                                                      'fault', 'Hash board 2 not detected')),
        'carrier', 'sf-express', 'trackingNumber', 'SF' || lpad(i::text, 13, '0'),
        'submittedAt', '2026-11-01T08:10:00.000Z'))
    ) as e(v, t, d)`);
  await connection.db.execute(order);
  return count * 2;
}

/**
 * One order with `count` events, appended through the event store as the service appends them: opened,
 * submitted, received, then progress records on its one line (the busiest stream a real order reaches).
 */
export async function seedLongOrder(store: EventStore, count: number): Promise<string> {
  const code = 'LONG0001';
  const line = lineOf(0);
  const order = { repairOrderId: '00000000-0000-4000-8000-00000000b001', diagnosisCode: code };
  const at = '2026-11-01T08:00:00.000Z';
  const events: RepairOrderEvent[] = [
    {
      type: 'RepairOrderOpened',
      data: {
        ...order,
        consultationId: '00000000-0000-4000-8000-00000000c001',
        customerId: '00000000-0000-4000-8000-00000000d001',
        lines: [{ deviceOrderNo: line, sn: 'LONGSN000001', model: 'VolcMiner D1' }],
        openedAt: at,
      },
    },
    {
      type: 'MailInSubmitted',
      data: {
        ...order,
        customerId: '00000000-0000-4000-8000-00000000d001',
        repairPointId: POINT,
        lines: [{ deviceOrderNo: line, sn: 'LONGSN000001', model: 'VolcMiner D1', fault: 'Hash board 2' }],
        carrier: 'sf-express',
        trackingNumber: 'SF0000000000001',
        submittedAt: at,
      },
    },
    {
      type: 'DeviceReceived',
      data: { ...order, repairPointId: POINT, deviceOrderNo: line, outcome: 'received', receivedAt: at },
    },
  ];
  while (events.length < count) {
    events.push({
      type: 'RepairProgressRecorded',
      data: {
        ...order,
        repairPointId: POINT,
        deviceOrderNo: line,
        faults: [{ component: 'hash_board', position: 2, chips: [`U${events.length}`] }],
        partsReplaced: [],
        note: `Burn-in check ${events.length}`,
        recordedAt: at,
      },
    });
  }
  const stream = `repair-order-${code}`;
  for (let version = 0; version < count; version += 100) {
    const batch: NewEvent[] = events.slice(version, version + 100).map((event, i) => ({
      eventId: namedUuid(`${code}#${version + i}`),
      type: event.type,
      data: event.data,
      metadata: {
        commandId: `${code}#${version + i}`,
        correlationId: code,
        causationId: code,
        actor: 'service:bench',
        timestamp: at,
      },
    }));
    await store.append(stream, batch, version === 0 ? 'no_stream' : version);
  }
  return stream;
}
