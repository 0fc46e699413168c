import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Small samples linted through the workspace's own `eslint.config.js`, at the paths where they would live.
 * `lintText` places a sample by its `filePath` alone, so nothing is written into the workspace.
 */
const workspace = path.resolve(import.meta.dirname, '../..');

const problems = async (root: string, file: string, code: string) => {
  const [result] = await new ESLint({ cwd: root }).lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map(({ ruleId, message, line }) => ({ ruleId, message, line }));
};
const lint = (file: string, code: string) => problems(workspace, file, code);

const restricted = (module: string, reason: string) =>
  `'${module}' import is restricted from being used by a pattern. ${reason}`;
const domainIsPure = 'The domain is pure: no framework, no I/O, no clock.';
const warrantyMayImport =
  'This project may import only @aftersales/{contracts, shared-* but shared-testing, warranty-(domain|data-access|feature-[a-z0-9-]+)}.';
const noClock = 'A domain never reads the clock: the time arrives as `now` in the command metadata.';
const noChance = 'A domain draws no randomness: ids arrive in the command metadata.';

describe('a domain', () => {
  it.each(['pg', 'node:fs', 'fs/promises', '@nestjs/common', 'drizzle-orm/pg-core', '@nats-io/jetstream'])(
    'is refused an import of %s',
    async (module) => {
      expect(
        await lint(
          'libs/warranty/domain/src/sample.ts',
          `import * as io from '${module}';\nexport { io };\n`,
        ),
      ).toEqual([{ ruleId: 'no-restricted-imports', line: 1, message: restricted(module, domainIsPure) }]);
    },
  );

  it('is refused the clock, randomness and the environment, and may still parse a time it is given', async () => {
    const sample = [
      'export const receivedAt = (now: string) => new Date(now);',
      'export const today = () => new Date();',
      'export const stamp = () => Date.now();',
      'export const newId = () => crypto.randomUUID();',
      'export const roll = () => Math.random();',
      'export const elapsed = () => performance.now();',
      'export const region = () => process.env.REGION;',
    ].join('\n');

    expect(await lint('libs/identity/domain/src/sample.ts', sample)).toEqual([
      { ruleId: 'no-restricted-syntax', line: 2, message: noClock },
      {
        ruleId: 'no-restricted-properties',
        line: 3,
        message: `'Date.now' is restricted from being used. ${noClock}`,
      },
      {
        ruleId: 'no-restricted-globals',
        line: 4,
        message: `Unexpected use of 'crypto'. ${noChance}`,
      },
      {
        ruleId: 'no-restricted-properties',
        line: 5,
        message: `'Math.random' is restricted from being used. ${noChance}`,
      },
      {
        ruleId: 'no-restricted-globals',
        line: 6,
        message: `Unexpected use of 'performance'. ${noClock}`,
      },
      {
        ruleId: 'no-restricted-globals',
        line: 7,
        message:
          "Unexpected use of 'process'. A domain reads no ambient state: what it needs arrives as arguments.",
      },
    ]);
  });

  it('and the decider pattern under it are held to the same purity', async () => {
    expect(
      await lint(
        'libs/shared/decider/src/sample.ts',
        "import 'node:crypto';\nexport const today = () => new Date();\n",
      ),
    ).toEqual([
      {
        ruleId: 'no-restricted-imports',
        line: 1,
        message: restricted('node:crypto', 'The decider pattern is pure: no framework, no I/O.'),
      },
      { ruleId: 'no-restricted-syntax', line: 2, message: noClock },
    ]);
  });

  it('may import contracts and the decider pattern, and parse the time its command carries', async () => {
    const sample = [
      "import type { WarrantyLookupReply } from '@aftersales/contracts/warranty';",
      "import type { Decider } from '@aftersales/shared-decider';",
      'export type Sample = Decider<unknown, unknown, unknown> | WarrantyLookupReply;',
      'export const receivedAt = (metadata: { now: string }) => new Date(metadata.now);',
      "export const later = () => import('./warranty.js');",
    ].join('\n');

    expect(await lint('libs/warranty/domain/src/sample.ts', sample)).toEqual([]);
  });
});

describe('one service reaching into another', () => {
  it("is refused from a feature to another service's data access", async () => {
    expect(
      await lint(
        'libs/warranty/feature-registry/src/sample.ts',
        "import { accounts } from '@aftersales/identity-data-access';\nexport { accounts };\n",
      ),
    ).toEqual([
      {
        ruleId: 'no-restricted-imports',
        line: 1,
        message: restricted('@aftersales/identity-data-access', warrantyMayImport),
      },
    ]);
  });

  it('is refused through import(), in code or in a type, as through a static import', async () => {
    const sample = [
      "export const accounts = () => import('@aftersales/identity-data-access');",
      "export type Accounts = import('@aftersales/identity-data-access').Accounts;",
    ].join('\n');

    expect(await lint('libs/warranty/feature-registry/src/sample.ts', sample)).toEqual([
      { ruleId: 'no-restricted-syntax', line: 1, message: warrantyMayImport },
      { ruleId: 'no-restricted-syntax', line: 2, message: warrantyMayImport },
    ]);
  });

  it('keeps the test helpers out of a library, and lets its tests use them', async () => {
    const sample = "import { waitUntil } from '@aftersales/shared-testing';\nexport { waitUntil };\n";
    expect(await lint('libs/warranty/feature-registry/src/sample.ts', sample)).toEqual([
      {
        ruleId: 'no-restricted-imports',
        line: 1,
        message: restricted('@aftersales/shared-testing', warrantyMayImport),
      },
    ]);
    expect(await lint('libs/shared/event-store/src/outbox.ts', sample)).toEqual([
      {
        ruleId: 'no-restricted-imports',
        line: 1,
        message: restricted(
          '@aftersales/shared-testing',
          'This project may import only @aftersales/{contracts, shared-* but shared-testing}.',
        ),
      },
    ]);
    expect(await lint('libs/warranty/feature-registry/src/sample.int.spec.ts', sample)).toEqual([]);
    expect(await lint('libs/shared/event-store/test/fixtures.ts', sample)).toEqual([]);
  });

  it("is refused from a data access to another service's domain", async () => {
    expect(
      await lint(
        'libs/identity/data-access/src/sample.ts',
        "export { warrantyStatus } from '@aftersales/warranty-domain';\n",
      ),
    ).toEqual([
      {
        ruleId: 'no-restricted-imports',
        line: 1,
        message: restricted(
          '@aftersales/warranty-domain',
          'This project may import only @aftersales/{contracts, shared-* but shared-testing, identity-(domain|data-access)}.',
        ),
      },
    ]);
  });

  it('is refused when the module is named by an expression the rules cannot read', async () => {
    expect(
      await lint('apps/warranty/src/sample.ts', 'export const load = (name: string) => import(name);\n'),
    ).toEqual([
      {
        ruleId: 'no-restricted-syntax',
        line: 1,
        message:
          'Name the module of an import() with a string literal, so the module boundaries can check it.',
      },
    ]);
  });
});

describe('an app', () => {
  it.each([
    ['a library', 'libs/shared/messaging/src/sample.ts', '@aftersales/gateway'],
    ['another app', 'apps/embedded/src/sample.ts', '@aftersales/warranty/src/main.js'],
  ])('is refused as a dependency of %s', async (_, file, module) => {
    // A library's own allow-list refuses the app as well; the rule under test is the one that names apps.
    expect(await lint(file, `import '${module}';\n`)).toContainEqual({
      ruleId: 'no-restricted-imports',
      line: 1,
      message: restricted(module, 'Libraries and apps never import an app.'),
    });
  });
});

describe('a service folder added under libs/', () => {
  // A copy of the workspace's config in a scratch root where `libs/consultation` exists: the config must bind
  // it from the folder alone. The scratch root keeps the new folder out of the shared working tree.
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'module-boundaries-'));
    for (const folder of ['libs/contracts', 'libs/shared', 'libs/consultation/domain', 'apps/consultation']) {
      mkdirSync(path.join(scratch, folder), { recursive: true });
    }
    copyFileSync(path.join(workspace, 'eslint.config.js'), path.join(scratch, 'eslint.config.js'));
    symlinkSync(path.join(workspace, 'node_modules'), path.join(scratch, 'node_modules'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('keeps its domain pure with no edit to the config', async () => {
    expect(
      await problems(
        scratch,
        'libs/consultation/domain/src/sample.ts',
        "import pg from 'pg';\nexport const pool = () => new pg.Pool();\nexport const stamp = () => Date.now();\n",
      ),
    ).toEqual([
      { ruleId: 'no-restricted-imports', line: 1, message: restricted('pg', domainIsPure) },
      {
        ruleId: 'no-restricted-properties',
        line: 3,
        message: `'Date.now' is restricted from being used. ${noClock}`,
      },
    ]);
  });

  it('reaches other services only through contracts', async () => {
    expect(
      await problems(
        scratch,
        'libs/consultation/feature-chat/src/sample.ts',
        [
          "import { accounts } from '@aftersales/identity-data-access';",
          "import { Consultation } from '@aftersales/contracts/consultation';",
          "import { decide } from '@aftersales/consultation-domain';",
          'export { accounts, Consultation, decide };',
        ].join('\n'),
      ),
    ).toEqual([
      {
        ruleId: 'no-restricted-imports',
        line: 1,
        message: restricted(
          '@aftersales/identity-data-access',
          'This project may import only @aftersales/{contracts, shared-* but shared-testing, consultation-(domain|data-access|feature-[a-z0-9-]+)}.',
        ),
      },
    ]);
  });
});
