import { randomBytes, randomUUID } from 'node:crypto';
import { importDevices } from '../shared/device-import.js';
import { DEMO_ADMIN, signIn } from '../shared/distributed.js';
import { inParallel } from './in-parallel.js';

/** One consultation as the load sees it: who may post in it, with what credentials. */
export interface Conversation {
  consultationId: string;
  customerToken: string;
  /** Index into the population's agents: the agent who took it. */
  agent: number;
}

export interface Population {
  conversations: Conversation[];
  agentTokens: string[];
}

export interface PopulationPlan {
  consultations: number;
  agents: number;
}

/** Requests of the setup in flight at once: enough to keep both cores busy hashing passwords. */
const SETUP_CONCURRENCY = 16;

const progress = (message: string) => process.stderr.write(`${message}\n`);

/**
 * Sets the product up through its own API, as its users would: an admin imports one in-warranty machine per
 * customer and creates the agents; each customer registers and opens a consultation about their machine;
 * agent i % agents takes consultation i. Only the chat that follows is measured.
 */
export async function populate(gatewayUrl: string, plan: PopulationPlan): Promise<Population> {
  const api = apiOf(gatewayUrl);
  const admin = await signIn(gatewayUrl, DEMO_ADMIN);
  const sns = Array.from({ length: plan.consultations }, (_, i) => `ZH6${String(i).padStart(10, '0')}`);
  progress(`importing ${sns.length} machines…`);
  const imported = await importDevices(gatewayUrl, admin, registryCsv(sns));
  if (imported.status !== 201 || imported.counts.inserted !== sns.length) {
    throw new Error(`The device import answered ${imported.status}: ${JSON.stringify(imported.counts)}`);
  }

  progress(`creating ${plan.agents} agents…`);
  const password = `bench-${randomBytes(8).toString('hex')}`;
  const agentTokens = await inParallel(
    Array.from({ length: plan.agents }, (_, i) => i),
    SETUP_CONCURRENCY,
    async (i) => {
      const email = `bench-agent-${i}.${randomUUID()}@example.com`;
      const account = { email, password, displayName: `Bench agent ${i}`, role: 'agent' };
      await api('POST', '/api/admin/users', admin, account, 201);
      return signIn(gatewayUrl, email, password);
    },
  );

  progress(`registering ${sns.length} customers and opening a consultation each…`);
  const conversations = await inParallel(sns, SETUP_CONCURRENCY, async (sn, i) => {
    const customer = { email: `bench-customer-${i}.${randomUUID()}@example.com`, password, displayName: sn };
    const { accessToken } = await api<{ accessToken: string }>(
      'POST',
      '/api/auth/register',
      '',
      customer,
      201,
    );
    const { id } = await api<{ id: string }>('POST', '/api/consultations', accessToken, { sn }, 201);
    return { consultationId: id, customerToken: accessToken, agent: i % plan.agents };
  });

  progress(`${plan.agents} agents taking ${conversations.length} consultations…`);
  await inParallel(conversations, SETUP_CONCURRENCY, ({ consultationId, agent }) =>
    api('POST', `/api/consultations/${consultationId}/take`, agentTokens[agent]!, undefined, 200),
  );
  return { conversations, agentTokens };
}

/** The same shape without the product: the bare server takes a token as the author's name. */
export function barePopulation(plan: PopulationPlan): Population {
  return {
    agentTokens: Array.from({ length: plan.agents }, (_, i) => `agent-${i}`),
    conversations: Array.from({ length: plan.consultations }, (_, i) => ({
      consultationId: randomUUID(),
      customerToken: `customer-${i}`,
      agent: i % plan.agents,
    })),
  };
}

/** Shipped a month ago: in warranty under every policy. */
function registryCsv(sns: string[]): string {
  const shipped = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  return ['sn,model,shipped_at', ...sns.map((sn) => `${sn},VolcMiner D1,${shipped}`)].join('\n') + '\n';
}

function apiOf(gatewayUrl: string) {
  return async <T = unknown>(
    method: string,
    path: string,
    token: string,
    body: unknown,
    expected: number,
  ): Promise<T> => {
    const response = await fetch(`${gatewayUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expected)
      throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
}
