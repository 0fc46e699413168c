import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries, after Nx's depConstraints. Package names carry the tags: `@aftersales/<scope>-<type>`
 * for libraries, `@aftersales/contracts/<scope>` for the shared surface, `@aftersales/<app>` for apps.
 *
 * Apps and service scopes are read from the folders, so a new `apps/<app>` or `libs/<scope>` is bound the
 * moment it exists: a list kept by hand leaves a new service free to import anything until someone remembers.
 */
const folders = (parent) =>
  readdirSync(path.join(import.meta.dirname, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map(({ name }) => {
      // The name goes into package names and into the patterns below, unescaped.
      if (!/^[a-z][a-z0-9-]*$/.test(name))
        throw new Error(`${parent}/${name}: project folders are kebab-case`);
      return name;
    });
const apps = folders('apps');
const serviceScopes = folders('libs').filter((name) => name !== 'contracts' && name !== 'shared');
// Spelled out rather than `<scope>-.*`, which would let `repair` reach into a `repair-orders` scope.
const libraryType = '(domain|data-access|feature-[a-z0-9-]+)';

/** A package and everything under it; a name ending in `/` (an npm scope) or `:` (a protocol) is a prefix. */
const packages = (names) =>
  `^(${names.map((name) => (/[/:]$/.test(name) ? name : `${name}(/|$)`).replaceAll('.', '\\.')).join('|')})`;
const infrastructure = packages(['@nestjs/', 'nats', '@nats-io/', 'pg', '@electric-sql/', 'drizzle-orm']);
// Everything that reaches a disk, a socket, a process or a framework.
const io = packages([
  'node:',
  ...builtinModules.filter((name) => !name.includes('/')),
  '@nestjs/',
  'nats',
  '@nats-io/',
  'pg',
  'pg-[a-z-]+',
  '@electric-sql/',
  'drizzle-orm',
  'drizzle-kit',
  'fastify',
  '@fastify/',
  'socket.io',
  'socket.io-client',
  '@node-rs/',
]);

/** A restriction is a regex over the module name with the reason shown to whoever trips it. */
const shown = {
  'shared-(?!testing(/|$))[a-z0-9-]+': 'shared-* but shared-testing',
  'shared-[a-z0-9-]+': 'shared-*',
};
const ours = (allowed) => ({
  regex: `^@aftersales/(?!(${allowed.join('|')})(/|$))`,
  message: `This project may import only @aftersales/{${allowed.map((a) => shown[a] ?? a).join(', ')}}.`,
});
const noApps = {
  regex: `^@aftersales/(${apps.join('|')})(/|$)`,
  message: 'Libraries and apps never import an app.',
};
const noEscape = {
  regex: '^\\.\\./\\.\\.(/|$)',
  message: 'Reach another project through its package name, never through a relative path.',
};

// `no-restricted-imports` does not see `import()` (nor `import('x').T` in a type), so each restriction is
// also a `no-restricted-syntax` selector; a module named by an expression could be anything, so it is refused.
const dynamic = ({ regex, message }) => ({
  selector: `:matches(ImportExpression, TSImportType)[source.value=/${regex.replaceAll('/', '\\/')}/i]`,
  message,
});
const literalDynamicImport = {
  selector: "ImportExpression[source.type!='Literal']",
  message: 'Name the module of an import() with a string literal, so the module boundaries can check it.',
};

// A domain replays the same events to the same state: time and ids arrive in the command metadata.
const clock = 'A domain never reads the clock: the time arrives as `now` in the command metadata.';
const chance = 'A domain draws no randomness: ids arrive in the command metadata.';
const ambient = 'A domain reads no ambient state: what it needs arrives as arguments.';
const pure = (message) => ({
  imports: [{ regex: io, message }],
  syntax: [
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0], CallExpression[callee.name='Date']",
      message: clock,
    },
  ],
  rules: {
    'no-restricted-properties': [
      'error',
      { object: 'Date', property: 'now', message: clock },
      { object: 'Math', property: 'random', message: chance },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'performance', message: clock },
      { name: 'crypto', message: chance },
      { name: 'process', message: ambient },
      { name: 'globalThis', message: ambient },
    ],
  },
});

/** One config block per boundary. Flat config lets the last matching block win a rule, so each is complete. */
const restrict = (files, restrictions, purity = { imports: [], syntax: [], rules: {} }, ignores = []) => {
  const all = [noEscape, noApps, ...restrictions, ...purity.imports];
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { patterns: all }],
      'no-restricted-syntax': ['error', literalDynamicImport, ...all.map(dynamic), ...purity.syntax],
      ...purity.rules,
    },
  };
};

// A library's own code never runs the test helpers; its tests may.
const testFiles = ['**/*.spec.ts', '**/test/**'];
const sharedLibraries = 'shared-(?!testing(/|$))[a-z0-9-]+';
const sharedInTests = 'shared-[a-z0-9-]+';
/** A library's boundary: the same for its code and its tests, but for the shared test helpers. */
const library = (glob, allowed) => [
  restrict([glob], [ours(allowed(sharedLibraries))], undefined, testFiles),
  restrict(
    testFiles.map((test) => `${glob.replace(/\/\*\*$/, '')}/${test}`),
    [ours(allowed(sharedInTests))],
  ),
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'test-artefacts/**', '.nx/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    // Stated, not inferred: inference fails once a second config (as in the boundary tests) loads in the process.
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['apps/web/src/**'], languageOptions: { globals: { ...globals.browser } } },

  // Every file, apps and scripts included: no app is a dependency, no relative path crosses a project.
  restrict(['**/*'], []),
  // Contracts are shared with the browser: plain TypeScript and zod, nothing else of ours.
  restrict(
    ['libs/contracts/**'],
    [ours(['contracts']), { regex: infrastructure, message: 'Contracts stay free of infrastructure.' }],
  ),
  // Shared infrastructure serves every service and knows none of them.
  ...library('libs/shared/**', (shared) => ['contracts', shared]),
  // The decider pattern is as pure as the domains built on it; it speaks the contracts' error and metadata words.
  restrict(
    ['libs/shared/decider/**'],
    [ours(['contracts'])],
    pure('The decider pattern is pure: no framework, no I/O.'),
  ),
  // A service reaches other services only through contracts, whatever kind of library it adds.
  ...serviceScopes.flatMap((scope) =>
    library(`libs/${scope}/**`, (shared) => ['contracts', shared, `${scope}-${libraryType}`]),
  ),
  // A service's domain is pure: no framework, no I/O, no clock, no randomness.
  ...serviceScopes.map((scope) =>
    restrict(
      [`libs/${scope}/domain/**`],
      [ours(['contracts', 'shared-decider', `${scope}-domain`])],
      pure('The domain is pure: no framework, no I/O, no clock.'),
    ),
  ),
  // Data access knows tables, not features.
  ...serviceScopes.flatMap((scope) =>
    library(`libs/${scope}/data-access/**`, (shared) => [
      'contracts',
      shared,
      `${scope}-(domain|data-access)`,
    ]),
  ),
  // The browser app takes contracts only, and no server framework.
  restrict(
    ['apps/web/**'],
    [ours(['contracts']), { regex: infrastructure, message: 'The web app runs in the browser.' }],
  ),
  // Tests drive apps from outside: over HTTP, processes and the browser.
  restrict(
    ['apps/*-e2e/**'],
    [
      ours([
        'contracts',
        'shared-testing',
        'shared-persistence',
        'shared-messaging',
        `(${serviceScopes.join('|')})-(data-access|domain)`,
      ]),
    ],
  ),
);
