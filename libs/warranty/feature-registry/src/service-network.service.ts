import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { apiError } from '@aftersales/contracts/common';
import type { RepairPoint, RepairPointInput, RepairPointQuery } from '@aftersales/contracts/warranty';
import { RpcError } from '@aftersales/shared-messaging';
import { type RepairPointChange, RepairPointRepository } from '@aftersales/warranty-data-access';
import { nearestFirst, parsePlace } from '@aftersales/warranty-domain';

/** The service network: official and third-party repair points, announced as events when they change. */
@Injectable()
export class ServiceNetworkService {
  constructor(private readonly points: RepairPointRepository) {}

  async list(query: RepairPointQuery & { includeInactive?: boolean }): Promise<RepairPoint[]> {
    const points = await this.points.list({ ...query, activeOnly: !query.includeInactive });
    return nearestFirst(points, parsePlace(query.near));
  }

  async register(id: string, input: RepairPointInput, actor: string): Promise<RepairPoint> {
    const point = await this.save(id, input, 'RepairPointRegistered', actor);
    if (!point) throw new RpcError(apiError(409, `A repair point with the id ${id} exists already`));
    return point;
  }

  async change(id: string, input: RepairPointInput, actor: string): Promise<RepairPoint> {
    const point = await this.save(id, input, 'RepairPointChanged', actor);
    if (!point) throw new RpcError(apiError(404, `No repair point ${id}`));
    return point;
  }

  private save(id: string, input: RepairPointInput, change: RepairPointChange, actor: string) {
    const eventId = randomUUID();
    return this.points.save(id, input, change, {
      eventId,
      metadata: { correlationId: eventId, causationId: eventId, actor, timestamp: new Date().toISOString() },
    });
  }
}
