// Tests run TypeScript through ts-jest (transpile only: `npm test` type-checks first with tsc).
// lowdb is ESM-only; Jest's module system cannot require() ESM, so ts-jest also turns it into CommonJS.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]s$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', moduleResolution: 'node', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno)/)'],
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  testTimeout: 30000,
  // Jest's default on this 2-core CI machine is one worker; most suites wait on HTTP, processes and Chromium rather
  // than compute, so two halve the run (~10 → ~6 minutes). Three made bot processes miss their start deadline.
  maxWorkers: 2,
};
