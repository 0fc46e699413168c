import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { apiError } from '@aftersales/contracts/common';
import type { RepairPoint, RepairPointInput, RepairPointQuery } from '@aftersales/contracts/warranty';
import { RpcError } from '@aftersales/shared-messaging';
import { RepairPointRepository } from '@aftersales/warranty-data-access';
import { nearestFirst, parsePlace } from '@aftersales/warranty-domain';

/** The service network: official and third-party repair points, announced as events when they change. */
@Injectable()
export class ServiceNetworkService {
  constructor(private readonly points: RepairPointRepository) {}

  async list(query: RepairPointQuery & { includeInactive?: boolean }): Promise<RepairPoint[]> {
    const points = await this.points.list({ ...query, activeOnly: !query.includeInactive });
    return nearestFirst(points, parsePlace(query.near));
  }

  async get(id: string): Promise<RepairPoint> {
    const point = await this.points.find(id);
    if (!point) throw new RpcError(apiError(404, `No repair point ${id}`));
    return point;
  }

  async register(id: string, input: RepairPointInput, actor: string): Promise<RepairPoint> {
    const point = await this.save(id, input, { type: 'RepairPointRegistered' }, actor);
    if (!point) throw new RpcError(apiError(409, `A repair point with the id ${id} exists already`));
    return point;
  }

  async change(
    id: string,
    input: RepairPointInput,
    expectedVersion: number,
    actor: string,
  ): Promise<RepairPoint> {
    const point = await this.save(id, input, { type: 'RepairPointChanged', expectedVersion }, actor);
    if (point) return point;
    const current = await this.points.find(id);
    if (!current) throw new RpcError(apiError(404, `No repair point ${id}`));
    throw new RpcError(
      apiError(
        412,
        `Repair point ${id} was changed meanwhile (now version ${current.version}); reload it and try again`,
        {
          currentVersion: current.version,
        },
      ),
    );
  }

  private save(
    id: string,
    input: RepairPointInput,
    change: Parameters<RepairPointRepository['save']>[2],
    actor: string,
  ) {
    const eventId = randomUUID();
    return this.points.save(id, input, change, {
      eventId,
      metadata: { correlationId: eventId, causationId: eventId, actor, timestamp: new Date().toISOString() },
    });
  }
}
