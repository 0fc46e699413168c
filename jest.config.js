/**
 * One Jest run for the whole workspace, in three tiers chosen by file name:
 * `*.spec.ts` pure and fast, `*.int.spec.ts` against real PostgreSQL, PGlite and NATS,
 * `apps/*-e2e/**\/*.e2e.spec.ts` against running apps over HTTP and in Chromium.
 */
const tier = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testEnvironment: 'node',
  // Workspace packages are read from their TypeScript source, not from a possibly stale build.
  testEnvironmentOptions: { customExportConditions: ['@aftersales/source', 'node', 'node-addons'] },
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': '@swc/jest' },
  setupFiles: ['<rootDir>/libs/shared/testing/quiet-logs.js'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  ...extra,
});

export default {
  globalSetup: './libs/shared/testing/global-setup.js',
  globalTeardown: './libs/shared/testing/global-teardown.js',
  // A failing test may leave a socket or a child process behind; the run must still end and report it.
  forceExit: true,
  testTimeout: 60_000,
  reporters: ['default', './libs/shared/testing/summary-reporter.js'],
  projects: [
    tier(
      'unit',
      ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/*/src/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
      {
        testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$'],
      },
    ),
    tier('integration', ['<rootDir>/libs/**/*.int.spec.ts']),
    tier('e2e', ['<rootDir>/apps/*-e2e/**/*.e2e.spec.ts']),
  ],
};
