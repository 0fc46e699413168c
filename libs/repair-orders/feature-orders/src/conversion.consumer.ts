import type { EventDataOf } from '@aftersales/contracts/common';
import { consultationEvents } from '@aftersales/contracts/consultation';
import { repairOrderStream } from '@aftersales/repair-orders-domain';
import {
  type Consumer,
  type EventStore,
  metadataCausedBy,
  type RecordedEvent,
} from '@aftersales/shared-event-store';
import { namedUuid } from '@aftersales/shared-messaging';

import { orderCommandsOf } from './order-commands.js';

type Converted = EventDataOf<typeof consultationEvents.consultationConverted>;

/**
 * Opens the repair order of a converted consultation, in the transaction that records the event as
 * processed. The command is named by the event, so even a delivery that slipped past that record (it
 * cannot, but a replay of the stream would) opens the order once.
 */
export const conversionConsumer: Consumer = {
  name: 'conversions',
  from: 'consultation',
  events: [consultationEvents.consultationConverted],
  async handle(event: RecordedEvent, _tx, store: EventStore) {
    const converted = event.data as Converted;
    await orderCommandsOf(store).handle(repairOrderStream(converted.diagnosisCode), {
      type: 'OpenRepairOrder',
      data: {
        repairOrderId: namedUuid(`repair-order/${converted.consultationId}`),
        diagnosisCode: converted.diagnosisCode,
        consultationId: converted.consultationId,
        customerId: converted.customerId,
        device: converted.device,
        // 32 lowercase hex digits, named by the line, so a replayed event numbers it alike.
        deviceOrderNo: namedUuid(`device-line/${converted.consultationId}/${converted.device.sn}`).replaceAll(
          '-',
          '',
        ),
      },
      // The agent who converted the consultation is who opened the order, as its timeline tells.
      metadata: metadataCausedBy(event, {
        actor: `user:${converted.agentId}`,
        name: 'open-repair-order',
        now: converted.convertedAt,
      }),
    });
  },
};
