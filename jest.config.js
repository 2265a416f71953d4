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
};
