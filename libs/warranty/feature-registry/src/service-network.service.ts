import { Inject, Injectable } from '@nestjs/common';
import { type CommandMetadata, NotFoundError } from '@aftersales/contracts/common';
import type { RepairPoint, RepairPointInput, RepairPointQuery } from '@aftersales/contracts/warranty';
import { CommandHandler, EVENT_STORE, type EventStore } from '@aftersales/shared-event-store';
import { RepairPointRepository, repairPointsProjection } from '@aftersales/warranty-data-access';
import {
  nearestFirst,
  parsePlace,
  type RepairPointCommand,
  repairPointDecider,
  type RepairPointEvent,
  type RepairPointState,
  repairPointStream,
} from '@aftersales/warranty-domain';

function pointOf(state: RepairPointState): RepairPoint {
  if (state.status !== 'registered') throw new Error('A handled repair-point command left no point');
  return state.point;
}

/** The service network: official and third-party repair points, each an event-sourced stream. */
@Injectable()
export class ServiceNetworkService {
  private readonly points: CommandHandler<RepairPointCommand, RepairPointEvent, RepairPointState>;

  constructor(
    private readonly readModel: RepairPointRepository,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.points = new CommandHandler(store, repairPointDecider, [repairPointsProjection]);
  }

  async list(query: RepairPointQuery & { includeInactive?: boolean }): Promise<RepairPoint[]> {
    const points = await this.readModel.list({ ...query, activeOnly: !query.includeInactive });
    return nearestFirst(points, parsePlace(query.near));
  }

  async get(id: string): Promise<RepairPoint> {
    const point = await this.readModel.find(id);
    if (!point)
      throw new NotFoundError(`No repair point ${id}`, { code: 'repair_point_not_found', params: { id } });
    return point;
  }

  async register(id: string, input: RepairPointInput, metadata: CommandMetadata): Promise<RepairPoint> {
    const { state } = await this.points.handle(repairPointStream(id), {
      type: 'RegisterRepairPoint',
      data: { id, input },
      metadata,
    });
    return pointOf(state);
  }

  /** `expectedVersion` is the version the admin's change was made on. */
  async change(
    id: string,
    input: RepairPointInput,
    expectedVersion: number,
    metadata: CommandMetadata,
  ): Promise<RepairPoint> {
    const { state } = await this.points.handle(
      repairPointStream(id),
      { type: 'ChangeRepairPoint', data: { id, input }, metadata },
      { expectedVersion },
    );
    return pointOf(state);
  }
}
