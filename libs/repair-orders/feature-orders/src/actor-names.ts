import { Injectable, Logger } from '@nestjs/common';
import { identityMessages } from '@aftersales/contracts/identity';
import type { RepairOrderDetail } from '@aftersales/contracts/repair-orders';
import { ownMetadata, ServiceClient } from '@aftersales/shared-messaging';
import { LRUCache } from 'lru-cache';

/**
 * How long a name is taken as known without asking again: accounts keep their display names, and this
 * bounds how long a timeline would show an old one should one change.
 */
const KNOWN_MS = 10 * 60_000;

/** People and API keys have names; the system (`service:…`) is told by what it did. */
const hasName = (actor: string) => actor.startsWith('user:') || actor.startsWith('api-key:');

/**
 * Who did what on an order's timeline, by name, as the identity service knows them; remembered, so that a
 * busy order does not ask for the same people after every change.
 */
@Injectable()
export class ActorNames {
  private readonly logger = new Logger(ActorNames.name);
  private readonly known = new LRUCache<string, string>({ max: 10_000, ttl: KNOWN_MS });

  constructor(private readonly services: ServiceClient) {}

  /**
   * The order with each timeline entry's actor named. A name is a courtesy: when the identity service
   * cannot say, the order is answered without it, and the page tells who acted by their role.
   */
  async named(order: RepairOrderDetail): Promise<RepairOrderDetail> {
    const names = await this.namesOf(new Set(order.timeline.map((entry) => entry.actor)));
    return {
      ...order,
      timeline: order.timeline.map((entry) => {
        const actorName = names.get(entry.actor);
        return actorName === undefined ? entry : { ...entry, actorName };
      }),
    };
  }

  private async namesOf(actors: Set<string>): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const unknown: string[] = [];
    for (const actor of [...actors].filter(hasName)) {
      const name = this.known.get(actor);
      if (name === undefined) unknown.push(actor);
      else names.set(actor, name);
    }
    if (unknown.length === 0) return names;
    try {
      const found = await this.services.request(
        identityMessages.actorNames,
        { actors: unknown },
        ownMetadata('repair-orders'),
      );
      for (const { actor, name } of found) {
        this.known.set(actor, name);
        names.set(actor, name);
      }
    } catch (error) {
      this.logger.warn(`Names of ${unknown.length} actors not read: ${String(error)}`);
    }
    return names;
  }
}
