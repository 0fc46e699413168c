import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries, after Nx's depConstraints. Package names carry the tags: `@aftersales/<scope>-<type>`
 * for libraries, `@aftersales/contracts/<scope>` for the shared surface, `@aftersales/<app>` for apps.
 */
const apps = ['embedded', 'gateway', 'identity', 'warranty', 'web'];
const serviceScopes = ['gateway', 'identity', 'warranty'];
const infrastructure = [
  '@nestjs/*',
  'nats',
  '@nats-io/*',
  'pg',
  '@electric-sql/*',
  'drizzle-orm',
  'drizzle-orm/*',
];

const ours = (allowed) => ({
  regex: `^@aftersales/(?!(${allowed.join('|')})(/|$))`,
  message: `This project may import only @aftersales/{${allowed.join(', ')}}.`,
});
const noApps = {
  regex: `^@aftersales/(${apps.join('|')})$`,
  message: 'Libraries and apps never import an app.',
};
const noEscape = {
  group: ['../../*'],
  message: 'Reach another project through its package name, never through a relative path.',
};
const restrict = (files, ...patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [noEscape, noApps, ...patterns] }] },
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'test-artefacts/**', '.nx/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['apps/web/src/**'], languageOptions: { globals: { ...globals.browser } } },

  // Contracts are shared with the browser: plain TypeScript and zod, nothing else of ours.
  restrict(['libs/contracts/**'], ours(['contracts']), {
    group: infrastructure,
    message: 'Contracts stay free of infrastructure.',
  }),
  // Shared infrastructure serves every service and knows none of them.
  restrict(['libs/shared/**'], ours(['contracts', 'shared-[a-z-]+'])),
  // The decider pattern is as pure as the domains built on it.
  restrict(['libs/shared/decider/**'], ours([]), {
    group: [...infrastructure, 'node:*'],
    message: 'The decider pattern is pure: no framework, no I/O.',
  }),
  // A service's domain is pure: no framework, no I/O.
  ...serviceScopes.map((scope) =>
    restrict([`libs/${scope}/domain/**`], ours(['contracts', 'shared-decider', `${scope}-domain`]), {
      group: [...infrastructure, 'node:*'],
      message: 'The domain is pure: no framework, no I/O, no clock.',
    }),
  ),
  // Data access knows tables, not features.
  ...serviceScopes.map((scope) =>
    restrict(
      [`libs/${scope}/data-access/**`],
      ours(['contracts', 'shared-[a-z-]+', `${scope}-(domain|data-access)`]),
    ),
  ),
  // A service reaches other services only through contracts.
  ...serviceScopes.map((scope) =>
    restrict([`libs/${scope}/feature-*/**`], ours(['contracts', 'shared-[a-z-]+', `${scope}-[a-z-]+`])),
  ),
  // The browser app takes contracts only, and no server framework.
  restrict(['apps/web/**'], ours(['contracts']), {
    group: infrastructure,
    message: 'The web app runs in the browser.',
  }),
  // Tests drive apps from outside: over HTTP, processes and the browser.
  restrict(
    ['apps/*-e2e/**'],
    ours([
      'contracts',
      'shared-testing',
      'shared-persistence',
      'shared-messaging',
      '[a-z]+-data-access',
      '[a-z]+-domain',
    ]),
  ),
);
