import { Inject, Injectable } from '@nestjs/common';
import {
  type CommandMetadata,
  ConcurrencyError,
  InvalidError,
  NotFoundError,
} from '@aftersales/contracts/common';
import type { ParsedRequestOf } from '@aftersales/contracts/common';
import {
  type DeviceCheck,
  type OrderViewer,
  type PointOrders,
  type RepairOrder,
  type RepairOrderDetail,
  repairOrderMessages as m,
  type RepairOrderStatus,
  type TicketsPage,
  type TicketsQuery,
} from '@aftersales/contracts/repair-orders';
import { logisticsMessages } from '@aftersales/contracts/logistics';
import { warrantyMessages } from '@aftersales/contracts/warranty';
import { RepairOrderRepository } from '@aftersales/repair-orders-data-access';
import { type RepairOrderCommand, repairOrderStream } from '@aftersales/repair-orders-domain';
import { EVENT_STORE, type EventStore } from '@aftersales/shared-event-store';
import { namedUuid, ServiceClient } from '@aftersales/shared-messaging';
import { ActorNames } from './actor-names.js';
import { checkDevices } from './device-checks.js';
import { orderCommandsOf } from './order-commands.js';
import { RepairOrderNotices } from './repair-order.notices.js';

type Data<T extends RepairOrderCommand['type']> = Extract<RepairOrderCommand, { type: T }>['data'];
type Request<K extends keyof typeof m> = ParsedRequestOf<(typeof m)[K]>;

function notFound(diagnosisCode: string): NotFoundError {
  return new NotFoundError(`No repair order ${diagnosisCode}`, {
    code: 'repair_order_not_found',
    params: { diagnosisCode },
  });
}

/** Whether a viewer may see the order: its customer, any agent, or the point it was sent to. */
function sees(viewer: OrderViewer, order: RepairOrder): boolean {
  switch (viewer.kind) {
    case 'customer':
      return order.customerId === viewer.userId;
    case 'agent':
      return true;
    case 'repair_point':
      return order.repairPointId === viewer.repairPointId;
  }
}

/** Repair orders: each an event-sourced stream named by its diagnosis code; lists and timelines are read models. */
@Injectable()
export class RepairOrdersService {
  private readonly orders: ReturnType<typeof orderCommandsOf>;

  constructor(
    private readonly readModel: RepairOrderRepository,
    private readonly services: ServiceClient,
    private readonly notices: RepairOrderNotices,
    private readonly actorNames: ActorNames,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.orders = orderCommandsOf(store);
  }

  /** Another customer's order, or another point's, answers like a missing one. */
  async get(diagnosisCode: string, viewer: OrderViewer): Promise<RepairOrderDetail> {
    const order = await this.readModel.detail(diagnosisCode);
    if (!order || !sees(viewer, order)) throw notFound(diagnosisCode);
    return this.actorNames.named(order);
  }

  listForCustomer(customerId: string): Promise<RepairOrder[]> {
    return this.readModel.listForCustomer(customerId);
  }

  tickets(customerId: string, query: TicketsQuery): Promise<TicketsPage> {
    return this.readModel.tickets(customerId, query);
  }

  pointOrders(repairPointId: string, status?: RepairOrderStatus): Promise<PointOrders> {
    return this.readModel.pointOrders(repairPointId, status);
  }

  /** Each machine the customer wants to add, checked as the submission will check it. */
  async checkDevices(
    { diagnosisCode, customerId, sns }: Request<'checkDevices'>,
    metadata: CommandMetadata,
  ): Promise<DeviceCheck[]> {
    const order = await this.get(diagnosisCode, { kind: 'customer', userId: customerId });
    const { results } = await this.services.request(warrantyMessages.lookupBatch, { sns }, metadata);
    const known = results.flatMap((r) => (r.status === 'malformed' ? [] : [r.sn]));
    const held = await this.readModel.openLinesOf(known, order.id);
    return checkDevices(results, new Map(held.map((h) => [h.sn, h.diagnosisCode])));
  }

  /**
   * Every machine on the form is checked first, and all problems are refused together, one detail per
   * line, so that the form can show each beside its line.
   */
  async submitMailIn(
    request: Request<'submitMailIn'>,
    metadata: CommandMetadata,
  ): Promise<RepairOrderDetail> {
    const { diagnosisCode, customerId, devices, repairPointId, carrier, trackingNumber, expectedVersion } =
      request;
    const order = await this.get(diagnosisCode, { kind: 'customer', userId: customerId });
    const checks = await this.checkDevices(
      { diagnosisCode, customerId, sns: devices.map((d) => d.sn) },
      metadata,
    );
    const problems = checks.flatMap((check, index) => (check.problem ? [{ index, ...check }] : []));
    if (problems.length > 0) {
      throw new InvalidError(`${problems.length} of the devices cannot be mailed in; see each line`, {
        code: 'mail_in_devices_refused',
        params: { count: problems.length },
        details: { devices: problems },
      });
    }
    const models = checks.map((c) => c.model!);
    await this.checkRepairPoint(repairPointId, models, metadata);
    const parcel = await this.checkParcel(carrier, trackingNumber, customerId, metadata);
    // The consultation's machine keeps its line and number; every other machine is numbered by the order and SN.
    const lines = devices.map(({ fault, photos }, index) => {
      const sn = checks[index]!.sn!;
      const existing = order.lines.find((l) => l.sn === sn);
      return {
        deviceOrderNo:
          existing?.deviceOrderNo ?? namedUuid(`device-line/${order.id}/${sn}`).replaceAll('-', ''),
        sn,
        model: models[index]!,
        fault,
        ...(photos?.length ? { photos } : {}),
      };
    });
    return this.decide(diagnosisCode, 'SubmitMailIn', metadata, expectedVersion, {
      customerId,
      repairPointId,
      lines,
      ...parcel,
    });
  }

  async correctOutboundShipment(
    {
      diagnosisCode,
      customerId,
      carrier,
      trackingNumber,
      expectedVersion,
    }: Request<'correctOutboundShipment'>,
    metadata: CommandMetadata,
  ) {
    const parcel = await this.checkParcel(carrier, trackingNumber, customerId, metadata);
    return this.decide(diagnosisCode, 'CorrectOutboundShipment', metadata, expectedVersion, {
      customerId,
      ...parcel,
    });
  }

  cancel({ diagnosisCode, customerId, expectedVersion }: Request<'cancel'>, metadata: CommandMetadata) {
    return this.decide(diagnosisCode, 'CancelRepairOrder', metadata, expectedVersion, { customerId });
  }

  confirmReceipt(
    { diagnosisCode, customerId, expectedVersion }: Request<'confirmReceipt'>,
    metadata: CommandMetadata,
  ) {
    return this.decide(diagnosisCode, 'ConfirmReturn', metadata, expectedVersion, {
      confirmedBy: 'customer',
      customerId,
    });
  }

  receive(
    { diagnosisCode, repairPointId, lines, expectedVersion }: Request<'receive'>,
    metadata: CommandMetadata,
  ) {
    return this.decide(diagnosisCode, 'ReceiveDevices', metadata, expectedVersion, { repairPointId, lines });
  }

  recordProgress(
    { diagnosisCode, repairPointId, deviceOrderNo, progress, expectedVersion }: Request<'recordProgress'>,
    metadata: CommandMetadata,
  ) {
    return this.decide(diagnosisCode, 'RecordRepairProgress', metadata, expectedVersion, {
      repairPointId,
      deviceOrderNo,
      progress,
    });
  }

  async shipBack(
    {
      diagnosisCode,
      repairPointId,
      deviceOrderNos,
      carrier,
      trackingNumber,
      expectedVersion,
    }: Request<'shipBack'>,
    metadata: CommandMetadata,
  ) {
    const order = await this.get(diagnosisCode, { kind: 'repair_point', repairPointId });
    const parcel = await this.checkParcel(carrier, trackingNumber, order.customerId, metadata);
    return this.decide(diagnosisCode, 'ShipBack', metadata, expectedVersion, {
      repairPointId,
      deviceOrderNos,
      ...parcel,
    });
  }

  /**
   * The parcel's number as the logistics service writes it, once it fits its carrier's format and no other
   * customer's order travels under it.
   */
  private checkParcel(
    carrier: string,
    trackingNumber: string,
    customerId: string,
    metadata: CommandMetadata,
  ) {
    return this.services.request(
      logisticsMessages.checkTrackingNumber,
      { carrier, trackingNumber, customerId },
      metadata,
    );
  }

  /** Only an active official point that repairs every model on the form receives it. */
  private async checkRepairPoint(repairPointId: string, models: string[], metadata: CommandMetadata) {
    const point = await this.services.request(
      warrantyMessages.getRepairPoint,
      { id: repairPointId },
      metadata,
    );
    const refused = (why: string, code: string) =>
      new InvalidError(`repairPointId: ${point.name} ${why}`, { code, params: { repairPointId } });
    if (!point.active || point.kind !== 'official') {
      throw refused('does not receive mail-ins', 'repair_point_not_receiving');
    }
    const unrepaired = [...new Set(models)].filter(
      (model) => point.models.length > 0 && !point.models.includes(model),
    );
    if (unrepaired.length > 0) {
      throw new InvalidError(`repairPointId: ${point.name} does not repair ${unrepaired.join(', ')}`, {
        code: 'repair_point_model_unsupported',
        params: { repairPointId, models: unrepaired.join(', ') },
      });
    }
  }

  /**
   * Decides on the order's stream, tells the pages following the order, and answers it as it is now. A caller who named a version
   * that is no longer current gets the current order with the refusal, to decide again on what is there.
   */
  private async decide<T extends RepairOrderCommand['type']>(
    diagnosisCode: string,
    type: T,
    metadata: CommandMetadata,
    expectedVersion: number | undefined,
    data: Data<T>,
  ): Promise<RepairOrderDetail> {
    const viewer = this.viewerOf(data);
    try {
      await this.orders.handle(
        repairOrderStream(diagnosisCode),
        { type, data, metadata } as RepairOrderCommand,
        expectedVersion === undefined ? {} : { expectedVersion },
      );
    } catch (error) {
      if (error instanceof ConcurrencyError && error.namedByCaller) {
        const current = await this.get(diagnosisCode, viewer);
        throw new ConcurrencyError(error.streamId, error.expected, error.actual, true, current);
      }
      throw error;
    }
    const order = await this.get(diagnosisCode, viewer);
    await this.notices.changed(order);
    return order;
  }

  private viewerOf(data: Data<RepairOrderCommand['type']>): OrderViewer {
    if ('repairPointId' in data && !('customerId' in data))
      return { kind: 'repair_point', repairPointId: data.repairPointId };
    if ('customerId' in data) return { kind: 'customer', userId: data.customerId };
    throw new Error('A command without a customer or repair point has no viewer');
  }
}
