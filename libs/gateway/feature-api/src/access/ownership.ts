import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@aftersales/contracts/common';
import { identityMessages, idParamSchema, type Principal } from '@aftersales/contracts/identity';
import { ServiceClient } from '@aftersales/shared-messaging';
import { gatewayMetadata } from '../command-metadata.js';
import { parseInput } from '../zod-validation.pipe.js';

/** Finds the account an object belongs to; undefined when there is no such object. */
type OwnerOf = (services: ServiceClient, id: string) => Promise<string | undefined>;

/**
 * The objects that belong to one account, each named by the route's `:id` (its only path parameter). A
 * route that names one declares it in its access rule (`owned`), and the access guard lets only the owner
 * through.
 */
const owners = {
  session: async (services, sessionId) =>
    (await services.request(identityMessages.sessionOwner, { sessionId }, gatewayMetadata())).userId,
} satisfies Record<string, OwnerOf>;

export type OwnedObject = keyof typeof owners;

/** The one place that decides whether a caller may touch an object of one account. */
@Injectable()
export class Ownership {
  constructor(private readonly services: ServiceClient) {}

  /** Another account's object answers 404 like a missing one: whether it exists is not the caller's business. */
  async check(kind: OwnedObject, principal: Principal, params: unknown): Promise<void> {
    const { id } = parseInput(idParamSchema, params);
    const owner = await owners[kind](this.services, id);
    if (principal.kind !== 'user' || owner !== principal.userId) {
      throw new NotFoundError(`No ${kind} ${id}`, { code: `${kind}_not_found` });
    }
  }
}
