import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type RunningProduct, startEmbedded, workspaceRoot } from '@aftersales/shared-testing';
import createClient from 'openapi-fetch';
import type { OpenAPI3 } from 'openapi-typescript';
import { Client, demoEmail } from './client.js';
import { generatedTypesFile, repairPointApiTypes } from './repair-point-client.js';
import type { paths } from './generated/repair-point-api.js';

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: {
    ruleId: string;
    severity: 'error' | 'warn';
    message: string;
    location: { pointer: string }[];
  }[];
}

/** Redocly CLI's lint with its recommended rules, as a CI step would run it on the served document. */
async function lint(document: OpenAPI3): Promise<LintReport> {
  const folder = mkdtempSync(join(tmpdir(), 'aftersales-openapi-'));
  try {
    const file = join(folder, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const cli = join(workspaceRoot, 'node_modules/@redocly/cli/bin/cli.js');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, 'lint', file, '--extends=recommended', '--format=json'],
      // Errors make the command exit non-zero; the report is on stdout either way.
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    return JSON.parse(stdout) as LintReport;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('the OpenAPI document a client is generated from', () => {
  let product: RunningProduct;
  let document: OpenAPI3;

  beforeAll(async () => {
    product = await startEmbedded();
    document = (await (await fetch(`${product.url}/api/docs-json`)).json()) as OpenAPI3;
  });

  afterAll(() => product?.stop());

  it("passes Redocly's recommended rules with no error", async () => {
    const report = await lint(document);
    const describe = (p: LintReport['problems'][number]) =>
      `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`;
    expect(report.problems.filter((p) => p.severity === 'error').map(describe)).toEqual([]);
    expect(report.totals.errors).toBe(0);
    console.log(`Redocly warnings: ${report.problems.map(describe).join('; ') || 'none'}`);
  });

  it("has the repair points' committed client types: they cannot drift from what the server documents", async () => {
    expect(await repairPointApiTypes(document)).toBe(readFileSync(generatedTypesFile, 'utf8'));
  });

  it('serves a repair point’s system through the generated client with its API key, until the key is revoked', async () => {
    const admin = new Client(product.url);
    const token = await admin.signIn(demoEmail.admin);
    const issued = await admin.call<{ id: string; key: string }>('POST', '/api/admin/api-keys', {
      token,
      body: { repairPointId: 'rp-shenzhen', name: 'integration' },
    });
    expect(issued.status).toBe(201);
    const repairPoint = createClient<paths>({
      baseUrl: product.url,
      headers: { 'X-Api-Key': issued.body.key },
    });

    const me = await repairPoint.GET('/api/repair-point/me');
    expect({ status: me.response.status, data: me.data }).toEqual({
      status: 200,
      data: { repairPointId: 'rp-shenzhen', via: 'api-key' },
    });

    expect((await admin.call('DELETE', `/api/admin/api-keys/${issued.body.id}`, { token })).status).toBe(200);
    const refused = await repairPoint.GET('/api/repair-point/me');
    expect({ status: refused.response.status, data: refused.data }).toEqual({ status: 401, data: undefined });
    expect(refused.error).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(typeof refused.error?.code).toBe('string');
  });
});
