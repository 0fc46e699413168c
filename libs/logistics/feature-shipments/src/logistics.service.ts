import { Inject, Injectable, Logger } from '@nestjs/common';
import { type CommandMetadata, InvalidError, NotFoundError } from '@aftersales/contracts/common';
import {
  type Carrier,
  type CarrierInput,
  logisticsNotices,
  type ManualCheckpoint,
  normalizeTrackingNumber,
  type ShipmentView,
  type ShipmentViewer,
  trackingNumberProblem,
} from '@aftersales/contracts/logistics';
import { LogisticsRepository, logisticsProjection } from '@aftersales/logistics-data-access';
import {
  type CarrierCommand,
  carrierDecider,
  type CarrierEvent,
  type CarrierState,
  carrierStream,
  type ShipmentCommand,
  shipmentDecider,
  type ShipmentEvent,
  type ShipmentState,
  shipmentStream,
  statusOfAftershipTag,
} from '@aftersales/logistics-domain';
import { CommandHandler, EVENT_STORE, type EventStore } from '@aftersales/shared-event-store';
import { BROADCASTS, type Broadcasts, namedUuid } from '@aftersales/shared-messaging';
import { checkpointTime, replayed, verifiedPush } from './aftership-webhook.js';
import { LOGISTICS_OPTIONS, type LogisticsOptions } from './logistics.options.js';

type Shipment = ShipmentView & { customerId: string };

function sees(viewer: ShipmentViewer, shipment: Shipment): boolean {
  switch (viewer.kind) {
    case 'customer':
      return shipment.customerId === viewer.userId;
    case 'staff':
      return true;
    case 'repair_point':
      return shipment.repairPointId === viewer.repairPointId;
  }
}

const withoutCustomer = ({ customerId: _, ...shipment }: Shipment): ShipmentView => shipment;

/** Carriers, and the shipments of repair orders with their tracking. */
@Injectable()
export class LogisticsService {
  private readonly logger = new Logger(LogisticsService.name);
  private readonly carrierHandler: CommandHandler<CarrierCommand, CarrierEvent, CarrierState>;
  private readonly shipmentHandler: CommandHandler<ShipmentCommand, ShipmentEvent, ShipmentState>;

  constructor(
    private readonly readModel: LogisticsRepository,
    @Inject(LOGISTICS_OPTIONS) private readonly options: LogisticsOptions,
    @Inject(BROADCASTS) private readonly broadcasts: Broadcasts,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.carrierHandler = new CommandHandler(store, carrierDecider, [logisticsProjection]);
    this.shipmentHandler = new CommandHandler(store, shipmentDecider, [logisticsProjection]);
  }

  carriers(includeInactive?: boolean): Promise<Carrier[]> {
    return this.readModel.carriers(includeInactive);
  }

  async registerCarrier(code: string, carrier: CarrierInput, metadata: CommandMetadata): Promise<Carrier> {
    // Two replicas seeding at once decide again on the other's registration, which changes nothing.
    await this.carrierHandler.handle(
      carrierStream(code),
      { type: 'RegisterCarrier', data: { code, carrier }, metadata },
      { retryOnConflict: true },
    );
    return (await this.readModel.carrier(code))!;
  }

  async changeCarrier(
    code: string,
    carrier: CarrierInput,
    expectedVersion: number,
    metadata: CommandMetadata,
  ) {
    await this.carrierHandler.handle(
      carrierStream(code),
      { type: 'ChangeCarrier', data: { code, carrier }, metadata },
      { expectedVersion },
    );
    return (await this.readModel.carrier(code))!;
  }

  /**
   * A known carrier's numbers must fit its format; a carrier the customer names as free text has none we
   * know. Either way the number must not travel with another customer's order.
   */
  async checkTrackingNumber(carrier: string, raw: string, customerId: string) {
    const trackingNumber = normalizeTrackingNumber(raw);
    const known = await this.readModel.carrier(carrier);
    if (known?.active) {
      const problem = trackingNumberProblem(known, trackingNumber);
      if (problem === 'format') {
        throw new InvalidError(`trackingNumber: ${trackingNumber} is not a ${known.nameEn} tracking number`, {
          code: 'tracking_number_format',
          params: { carrier: known.nameEn, carrierZh: known.nameZh, trackingNumber },
        });
      }
      if (problem === 'check_digit') {
        throw new InvalidError(
          `trackingNumber: the check digit of ${trackingNumber} is wrong; please check the number`,
          {
            code: 'tracking_number_check_digit',
            params: { carrier: known.nameEn, carrierZh: known.nameZh, trackingNumber },
          },
        );
      }
    }
    if (await this.readModel.usedByOthers(trackingNumber, customerId)) {
      throw new InvalidError(`trackingNumber: ${trackingNumber} is used by another customer's order`, {
        code: 'tracking_number_in_use',
        params: { trackingNumber },
      });
    }
    return { carrier, trackingNumber };
  }

  /** Another customer's shipment, or another point's, answers like a missing one. */
  async get(shipmentId: string, viewer: ShipmentViewer): Promise<ShipmentView> {
    const shipment = await this.readModel.shipment(shipmentId);
    if (!shipment || !sees(viewer, shipment)) {
      throw new NotFoundError(`No shipment ${shipmentId}`, {
        code: 'shipment_not_found',
        params: { shipmentId },
      });
    }
    return withoutCustomer(shipment);
  }

  async ofOrder(diagnosisCode: string, viewer: ShipmentViewer): Promise<ShipmentView[]> {
    const shipments = await this.readModel.ofOrder(diagnosisCode);
    return shipments.filter((s) => sees(viewer, s)).map(withoutCustomer);
  }

  /** By hand, an engineer of the shipment's point or staff; the checkpoint is named by the command. */
  async recordCheckpoint(
    shipmentId: string,
    viewer: ShipmentViewer,
    { status, at, location, description }: ManualCheckpoint,
    metadata: CommandMetadata,
  ): Promise<ShipmentView> {
    await this.get(shipmentId, viewer);
    await this.shipmentHandler.handle(
      shipmentStream(shipmentId),
      {
        type: 'RecordCheckpoint',
        data: {
          checkpointId: namedUuid(`checkpoint/${metadata.commandId}`),
          status,
          at: at ?? metadata.now,
          ...(location ? { location } : {}),
          description,
          source: 'manual',
        },
        metadata,
      },
      { retryOnConflict: true },
    );
    const shipment = await this.get(shipmentId, viewer);
    await this.changed([shipment.diagnosisCode]);
    return shipment;
  }

  /**
   * The pages following these orders read their parcels anew. The checkpoints are stored by now: a lost
   * notice costs a page its live update, which a reload brings back.
   */
  private async changed(diagnosisCodes: string[]): Promise<void> {
    for (const diagnosisCode of new Set(diagnosisCodes)) {
      await this.broadcasts
        .broadcast(logisticsNotices.shipmentChanged, { diagnosisCode })
        .catch((error: unknown) => {
          this.logger.warn(`Notice of the parcels of ${diagnosisCode} not sent: ${String(error)}`);
        });
    }
  }

  /**
   * An AfterShip push: verified, then each of its checkpoints recorded on the shipments that travel under
   * its number. A push for a number we do not track is taken and changes nothing.
   */
  async ingestAftership(body: string, signature: string | undefined, metadata: CommandMetadata) {
    const now = new Date(metadata.now);
    const push = verifiedPush(body, signature, this.options.aftershipWebhookSecret, now);
    if (await this.readModel.seen('aftership', push.event_id)) throw replayed(push.event_id);
    const carriers = (await this.readModel.carriers(true)).filter((c) => c.aftershipSlug === push.msg.slug);
    const shipments = await this.readModel.byNumber(
      normalizeTrackingNumber(push.msg.tracking_number),
      carriers.map((c) => c.code),
    );
    let recorded = 0;
    for (const shipment of shipments) {
      for (const checkpoint of push.msg.checkpoints) {
        const status = statusOfAftershipTag(checkpoint.tag);
        const at = checkpointTime(checkpoint.checkpoint_time);
        if (!status || !at) continue;
        const handled = await this.shipmentHandler.handle(
          shipmentStream(shipment.id),
          {
            type: 'RecordCheckpoint',
            data: {
              // Named by what it says, so the same checkpoint in a later push is recorded once.
              checkpointId: namedUuid(
                `aftership/${shipment.id}/${checkpoint.checkpoint_time}/${checkpoint.tag}/${checkpoint.message ?? ''}`,
              ),
              status,
              at,
              ...(checkpoint.location ? { location: checkpoint.location } : {}),
              description: checkpoint.message ?? checkpoint.tag,
              source: 'aftership',
            },
            metadata: {
              ...metadata,
              commandId: namedUuid(`${push.event_id}/${shipment.id}/${at}/${checkpoint.tag}`),
            },
          },
          { retryOnConflict: true },
        );
        if (!handled.replayed)
          recorded += handled.events.filter((e) => e.type === 'CheckpointRecorded').length;
      }
    }
    await this.readModel.recordReceipt('aftership', push.event_id, now);
    if (recorded > 0) await this.changed(shipments.map((s) => s.diagnosisCode));
    return { recorded };
  }
}
