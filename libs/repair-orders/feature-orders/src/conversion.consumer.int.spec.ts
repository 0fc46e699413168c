import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { repairOrderEvents } from '@aftersales/contracts/repair-orders';
import { RepairOrderRepository, repairOrdersMigrations } from '@aftersales/repair-orders-data-access';
import { consumerHandler, EventStore } from '@aftersales/shared-event-store';
import { openPglite } from '@aftersales/shared-persistence';
import { conversionConsumer } from './conversion.consumer.js';

const consultationId = randomUUID();
const customerId = randomUUID();

/** A ConsultationConverted event as the consultation service publishes it. */
const converted = {
  type: 'ConsultationConverted',
  eventId: randomUUID(),
  data: {
    consultationId,
    agentId: randomUUID(),
    customerId,
    device: { sn: 'ZH10014510045', model: 'VolcMiner D1', warrantyEndsOn: '2027-06-30' },
    diagnosisCode: 'ZH0090Gd',
    convertedAt: '2026-11-28T09:00:00.000Z',
  },
  metadata: {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: 'user:agent',
    timestamp: '2026-11-28T09:00:00.000Z',
    schemaVersion: 1,
  },
};

const delivery = (id: string, deliveryCount: number) => ({
  subject: 'aftersales.consultation.ConsultationConverted',
  id,
  data: converted,
  deliveryCount,
});

describe('opening repair orders from conversions', () => {
  it('opens exactly one order when the event is delivered twice, and again under a new delivery id', async () => {
    const connection = await openPglite('memory://');
    try {
      await connection.migrate(repairOrdersMigrations);
      const store = new EventStore(
        connection.db,
        'repair-orders',
        new Map(Object.values(repairOrderEvents).map((e) => [e.type, e.version])),
      );
      const handle = consumerHandler(store, conversionConsumer);
      await handle(delivery(converted.eventId, 1));
      await handle(delivery(converted.eventId, 2));
      // A replay of the stream arrives as another message: the order is named by the event all the same.
      await handle(delivery(randomUUID(), 1));

      const stream = await store.readStream('repair-order-ZH0090Gd');
      expect(stream.map((e) => e.type)).toEqual(['RepairOrderOpened']);
      expect(stream[0]!.metadata).toMatchObject({
        actor: `user:${converted.data.agentId}`,
        correlationId: converted.metadata.correlationId,
        schemaVersion: 1,
      });
      const orders = await new RepairOrderRepository(connection).listForCustomer(customerId);
      expect(orders).toMatchObject([
        {
          diagnosisCode: 'ZH0090Gd',
          consultationId,
          status: 'awaiting_submission',
          lines: [{ sn: 'ZH10014510045', model: 'VolcMiner D1', status: 'awaiting_submission' }],
        },
      ]);
    } finally {
      await connection.close();
    }
  });
});
