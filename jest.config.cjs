// One Jest run, one project per tier. The API and libs compile through swc (Nest 12 is ESM-only
// and Jest cannot require ESM on Node 20: see STACK.md pitfall 1).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        react: { runtime: 'automatic' },
      },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: [
    '^(?!.*/node_modules/(@nestjs|content-disposition|jose|feed)/).*/node_modules/',
  ],
  moduleNameMapper: {
    '^@partagora/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@partagora/geo$': '<rootDir>/libs/geo/src/index.ts',
  },
  rootDir: __dirname,
};

module.exports = {
  // Global option (ignored inside projects): integration tests do real I/O.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'geo',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/libs/geo/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'domain',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/libs/domain/src/**/*.spec.ts'],
    },
    {
      ...common,
      // Workspace checks (lint boundaries); no services needed.
      displayName: 'workspace',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tools/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'api',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'api-int',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/apps/api/test/**/*.int-spec.ts',
        '<rootDir>/apps/api/test/**/*.e2e-spec.ts',
      ],
      globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
    },
    {
      ...common,
      displayName: 'web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/web/src/**/__tests__/**/*.spec.ts?(x)'],
      setupFilesAfterEnv: ['<rootDir>/apps/web/jest.setup.ts'],
      moduleNameMapper: {
        ...common.moduleNameMapper,
        '\\.(css|png|svg)$': '<rootDir>/apps/web/test/file-stub.cjs',
      },
    },
  ],
};
