import type { EventContract, MessageContract } from '@aftersales/contracts/common';
import {
  cannedReplyEvents,
  cannedReplyMessages,
  consultationEvents,
  consultationMessages,
  consultationNotices,
  guideEvents,
  guideMessages,
} from '@aftersales/contracts/consultation';
import { identityEvents, identityMessages, identityNotices } from '@aftersales/contracts/identity';
import {
  repairOrderEvents,
  repairOrderMessages,
  repairOrderNotices,
} from '@aftersales/contracts/repair-orders';
import { logisticsEvents, logisticsMessages, logisticsNotices } from '@aftersales/contracts/logistics';
import { warrantyEvents, warrantyMessages } from '@aftersales/contracts/warranty';
import { deadLetterSubject, eventSubject } from './event-bus/event-bus.js';

/** The apps of the distributed mode: each connects to NATS as a user of its own. */
export const busApps = [
  'gateway',
  'identity',
  'warranty',
  'consultation',
  'repair-orders',
  'logistics',
] as const;
export type BusApp = (typeof busApps)[number];

const requests = (contracts: Record<string, MessageContract>) =>
  Object.values(contracts).map((c) => c.subject);
const events = (contracts: Record<string, EventContract>) =>
  Object.values(contracts).map((e) => eventSubject(e.service, e.type));

/** Every request subject a service answers, by service. */
const answers: Record<Exclude<BusApp, 'gateway'>, string[]> = {
  identity: requests(identityMessages),
  warranty: requests(warrantyMessages),
  consultation: [
    ...requests(consultationMessages),
    ...requests(cannedReplyMessages),
    ...requests(guideMessages),
  ],
  'repair-orders': requests(repairOrderMessages),
  logistics: requests(logisticsMessages),
};

/** Our subjects each app may publish and subscribe to, written from who asks, answers and owns what. */
const grants: Record<BusApp, { publish: string[]; subscribe: string[] }> = {
  // The gateway asks every service, relays typing between gateways, and hears the notices it acts on.
  gateway: {
    publish: [...Object.values(answers).flat(), consultationNotices.typing],
    subscribe: [
      ...Object.values(identityNotices),
      consultationNotices.changed,
      consultationNotices.typing,
      repairOrderNotices.changed,
      logisticsNotices.shipmentChanged,
    ],
  },
  identity: {
    publish: [...events(identityEvents), ...Object.values(identityNotices)],
    subscribe: answers.identity,
  },
  warranty: { publish: events(warrantyEvents), subscribe: answers.warranty },
  // Opening a consultation asks the warranty service whether the machine is in warranty; handing one over
  // asks the identity service who the agents are.
  consultation: {
    publish: [
      ...events(consultationEvents),
      ...events(cannedReplyEvents),
      ...events(guideEvents),
      consultationNotices.changed,
      warrantyMessages.lookup.subject,
      identityMessages.listAgents.subject,
    ],
    subscribe: answers.consultation,
  },
  // A mail-in form's machines and repair point are checked with the warranty service, parcels' numbers with
  // the logistics service; a timeline names who acted through the identity service.
  'repair-orders': {
    publish: [
      ...events(repairOrderEvents),
      warrantyMessages.lookupBatch.subject,
      warrantyMessages.getRepairPoint.subject,
      repairOrderNotices.changed,
      logisticsMessages.checkTrackingNumber.subject,
      identityMessages.actorNames.subject,
    ],
    subscribe: answers['repair-orders'],
  },
  logistics: {
    publish: [...events(logisticsEvents), logisticsNotices.shipmentChanged],
    subscribe: answers.logistics,
  },
};

export interface BusPermissions {
  publish: { allow: string[] };
  subscribe: { allow: string[] };
  /** May answer a request it received, on the reply subject the request named, and on nothing else. */
  allow_responses?: boolean;
}

/**
 * The NATS permissions of one app's user: its own subjects (under the deployment's namespace), the reply
 * inboxes of its requests, and the JetStream API. A service answers only its own subjects and publishes only
 * its own events, so no other client can read sign-in requests, answer them, or forge a service's events.
 * The JetStream API subjects are not narrowed to the app's own streams.
 */
export function busPermissions(app: BusApp, namespace?: string): BusPermissions {
  const ours = (subject: string) => (namespace ? `${namespace}.${subject}` : subject);
  const grant = grants[app];
  const jetStream = ['$JS.API.>', '$JS.ACK.>'];
  const service = app !== 'gateway';
  return {
    publish: {
      allow: [
        ...grant.publish.map(ours),
        ...jetStream,
        // A consumer that gives up on an event moves it to the dead letters; the gateway keeps its rate
        // limits in a KV bucket and the attachments in an object store.
        ...(service ? [ours(deadLetterSubject('>'))] : ['$KV.>', '$O.>']),
      ],
    },
    subscribe: { allow: [...grant.subscribe.map(ours), '_INBOX.>'] },
    ...(service ? { allow_responses: true } : {}),
  };
}

/**
 * The `authorization` block of a nats-server configuration: one user per app, with its permissions. A
 * password written `$NAME` is left to the server to read from its environment (a Secret, on Kubernetes).
 */
export function natsAuthorization(passwords: Record<BusApp, string>, namespace?: string): string {
  const users = busApps.map((app) => ({
    user: app,
    password: passwords[app],
    permissions: busPermissions(app, namespace),
  }));
  // A quoted string is a literal to nats-server; a variable reference must stand bare.
  const text = JSON.stringify({ users }, null, 2).replace(/"password": "(\$[A-Z_]+)"/g, '"password": $1');
  return `authorization ${text}\n`;
}
