import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@aftersales/contracts/common';
import { consultationMessages } from '@aftersales/contracts/consultation';
import { identityMessages, idParamSchema, type Principal, type Role } from '@aftersales/contracts/identity';
import type { AttachmentStore } from '@aftersales/shared-attachments';
import { ServiceClient } from '@aftersales/shared-messaging';
import { gatewayMetadata } from '../command-metadata.js';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options.js';
import { parseInput } from '../zod-validation.pipe.js';

/** Where the owners are found: the services, and the attachments' metadata. */
interface Sources {
  services: ServiceClient;
  attachments: AttachmentStore;
}

interface Owned {
  /** Finds the account an object belongs to; undefined when there is no such object. */
  ownerOf: (sources: Sources, id: string) => Promise<string | undefined>;
  /** Staff who serve every account see every object of the kind (agents, every consultation). */
  seenByAll?: Role[];
}

const consultationOwner = async ({ services }: Sources, consultationId: string) =>
  (await services.request(consultationMessages.owner, { consultationId }, gatewayMetadata())).customerId;

/**
 * The objects that belong to one account, each named by the route's `:id` (its only path parameter). A
 * route that names one declares it in its access rule (`owned`), and the access guard lets only the owner
 * (and the staff who see them all) through.
 */
const owners = {
  session: {
    ownerOf: async ({ services }, sessionId) =>
      (await services.request(identityMessages.sessionOwner, { sessionId }, gatewayMetadata())).userId,
  },
  consultation: { ownerOf: consultationOwner, seenByAll: ['agent'] },
  /** An attachment belongs to the customer of the consultation it was sent in; a guide image to no one here. */
  attachment: {
    ownerOf: async (sources, attachmentId) => {
      const stored = await sources.attachments.info(attachmentId);
      return stored && 'consultationId' in stored
        ? consultationOwner(sources, stored.consultationId)
        : undefined;
    },
    seenByAll: ['agent'],
  },
} satisfies Record<string, Owned>;

export type OwnedObject = keyof typeof owners;

/** The one place that decides whether a caller may touch an object of one account. */
@Injectable()
export class Ownership {
  private readonly sources: Sources;

  constructor(services: ServiceClient, @Inject(GATEWAY_OPTIONS) options: GatewayOptions) {
    this.sources = { services, attachments: options.attachments.store };
  }

  /** Another account's object answers 404 like a missing one: whether it exists is not the caller's business. */
  async check(kind: OwnedObject, principal: Principal, params: unknown): Promise<void> {
    const { id } = parseInput(idParamSchema, params);
    const owned: Owned = owners[kind];
    const owner = await owned.ownerOf(this.sources, id);
    const seesAll = owner !== undefined && owned.seenByAll?.includes(principal.role) === true;
    if (!seesAll && (principal.kind !== 'user' || owner !== principal.userId)) {
      throw new NotFoundError(`No ${kind} ${id}`, { code: `${kind}_not_found` });
    }
  }
}
