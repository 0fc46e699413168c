import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, workspaceRoot } from '@aftersales/shared-testing';

/** Runs a built entry point as the Kubernetes migration Job does. */
const run = (entryPoint: string, databaseUrl: string) =>
  spawnSync(process.execPath, [entryPoint], {
    cwd: workspaceRoot,
    env: { ...process.env, NO_COLOR: '1', DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 60_000,
  });

const migrationFiles = (service: string) =>
  readdirSync(`${workspaceRoot}libs/${service}/data-access/migrations`).filter((name) =>
    name.endsWith('.sql'),
  );

describe.each(['identity', 'warranty', 'consultation', 'repair-orders'])(
  'the %s migration entry point',
  (service) => {
    it('applies every migration of the service to an empty database, exits 0, and applies nothing twice', async () => {
      const databaseUrl = await createTestDatabase(`migrate_${service}`);
      for (const attempt of ['first', 'again']) {
        const result = run(`apps/${service}/dist/migrate.js`, databaseUrl);
        expect({ attempt, status: result.status, output: result.stdout + result.stderr }).toMatchObject({
          attempt,
          status: 0,
        });
      }
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ count: string }>(
          `select count(*) from "${service}".migrations`,
        );
        expect(Number(rows[0]!.count)).toBe(migrationFiles(service).length);
      } finally {
        await client.end();
      }
    });

    it('fails, naming the server, when PostgreSQL cannot be reached', () => {
      const result = run(`apps/${service}/dist/migrate.js`, 'postgres://postgres@127.0.0.1:1/nowhere');
      expect(result.status).not.toBe(0);
      expect(result.stderr + result.stdout).toContain('Cannot reach PostgreSQL at 127.0.0.1:1');
    });
  },
);
