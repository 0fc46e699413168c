import { randomInt, randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { waitUntil } from '@aftersales/shared-testing';
import type { Client } from './client.js';

export interface Line {
  deviceOrderNo: string;
  sn: string;
  model: string;
  status: string;
  fault?: string;
  photos: string[];
  receiptNote?: string;
  receiptPhotos: string[];
  returnShipment?: { carrier: string; trackingNumber: string };
}
export interface Order {
  id: string;
  diagnosisCode: string;
  status: string;
  version: number;
  repairPointId?: string;
  outboundShipment?: { carrier: string; trackingNumber: string };
  lines: Line[];
  timeline: {
    seq: number;
    type: string;
    actor: string;
    actorName?: string;
    deviceOrderNos: string[];
    details: Record<string, unknown>;
  }[];
}

/** Machines of this run only, shipped a month ago: in warranty, and in no other test's order. */
export function freshSns(count: number): string[] {
  const run = String(Date.now()).slice(-8) + String(randomInt(10_000)).padStart(4, '0');
  return Array.from({ length: count }, (_, i) => `RO${run}${String(i).padStart(3, '0')}`);
}

/** An SF Express number no other test's parcel travels under (a number is one customer's). */
export const freshSfNumber = () =>
  `SF${String(Date.now()).slice(-7)}${String(randomInt(1_000_000)).padStart(6, '0')}`;

/** The steps before a repair point's work, through the API as customers, agents and admins take them. */
export class RepairOrderSteps {
  constructor(
    private readonly client: () => Client,
    private readonly tokens: { admin: string; agent: string },
  ) {}

  /** Registers the machines through the admin's device import. */
  async register(sns: string[]): Promise<void> {
    const shipped = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const csv = [
      'sn,model,shipped_at,customer_ref',
      ...sns.map((sn) => `${sn},VolcMiner D1,${shipped},farm-1`),
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv + '\n'], { type: 'text/csv' }), 'registry.csv');
    const imported = await this.client().upload<{ inserted: number }>(
      `/api/admin/devices/imports?id=${randomUUID()}`,
      form,
      this.tokens.admin,
    );
    expect(imported.body).toMatchObject({ status: 'completed', inserted: sns.length });
  }

  /** A customer's consultation about `sn`, converted by the agent: the order awaiting its mail-in form. */
  async convertedOrder(customer: string, sn: string): Promise<Order> {
    const { agent } = this.tokens;
    const opened = await this.client().call<{ id: string }>('POST', '/api/consultations', {
      token: customer,
      body: { sn },
    });
    expect(opened.status).toBe(201);
    expect(
      (await this.client().call('POST', `/api/consultations/${opened.body.id}/take`, { token: agent }))
        .status,
    ).toBe(200);
    const converted = await this.client().call<{ diagnosisCode: string }>(
      'POST',
      `/api/consultations/${opened.body.id}/convert`,
      { token: agent },
    );
    expect(converted.status).toBe(200);
    let order: Order | undefined;
    await waitUntil('the repair order is open', async () => {
      const read = await this.client().call<Order>(
        'GET',
        `/api/repair-orders/${converted.body.diagnosisCode}`,
        {
          token: customer,
        },
      );
      order = read.status === 200 ? read.body : undefined;
      return order !== undefined;
    });
    return order!;
  }

  /** Uploads one photo to `path` (the customer's or the repair point's photos of an order). */
  photo(token: string, path: string, bytes: Buffer, name: string) {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    return this.client().upload<{ id: string; name: string; contentType: string }>(path, form, token);
  }

  mailIn(token: string, code: string, body: object, headers: Record<string, string> = {}) {
    return this.client().call<Order>('POST', `/api/repair-orders/${code}/mail-in`, { token, body, headers });
  }
}

/** A mail-in form for these machines to the Shenzhen repair point. */
export const mailInForm = (sns: string[], trackingNumber = freshSfNumber()) => ({
  devices: sns.map((sn, i): { sn: string; fault: string; photos?: string[] } => ({
    sn,
    fault: `Fault ${i + 1}: hash board not detected`,
  })),
  repairPointId: 'rp-shenzhen',
  carrier: 'sf-express',
  trackingNumber,
});
