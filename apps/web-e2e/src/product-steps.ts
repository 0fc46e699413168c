import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from './embedded-app.js';

/** The steps other people take through the API while the person in the browser does theirs. */
export class ProductSteps {
  private agentToken?: Promise<string>;

  /** `url` is asked at each call: the product starts after the steps are made. */
  constructor(private readonly url: () => string) {}

  async api<T>(method: string, path: string, token: string, body?: object | FormData): Promise<T> {
    const json = body !== undefined && !(body instanceof FormData);
    const response = await fetch(`${this.url()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
      body: json ? JSON.stringify(body) : body,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async tokenOf(email: string): Promise<string> {
    const response = await fetch(`${this.url()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  /** The operator registers the farm's new machines, as the device import does. */
  async register(sns: string[]): Promise<void> {
    const shipped = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const csv = ['sn,model,shipped_at', ...sns.map((sn) => `${sn},VolcMiner D1,${shipped}`)].join('\n');
    const form = new FormData();
    form.append('file', new Blob([`${csv}\n`], { type: 'text/csv' }), 'registry.csv');
    const imported = await this.api<{ status: string; inserted: number }>(
      'POST',
      `/api/admin/devices/imports?id=${randomUUID()}`,
      await this.tokenOf('admin@example.com'),
      form,
    );
    expect(imported).toMatchObject({ status: 'completed', inserted: sns.length });
  }

  /** Support takes the consultation and converts it, as the agent console does: the diagnosis code. */
  async convert(consultationId: string): Promise<string> {
    this.agentToken ??= this.tokenOf('agent@example.com');
    const agent = await this.agentToken;
    await this.api('POST', `/api/consultations/${consultationId}/take`, agent, {});
    const converted = await this.api<{ diagnosisCode: string }>(
      'POST',
      `/api/consultations/${consultationId}/convert`,
      agent,
      {},
    );
    return converted.diagnosisCode;
  }
}
