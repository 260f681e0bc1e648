// One config for every kind of test; the kind shows in the file name:
// *.unit.spec.ts (pure), *.int.spec.ts (real database), *.e2e.spec.ts (real processes over HTTP).
// Without DATABASE_URL, globalSetup serves an embedded PGlite on 127.0.0.1 and sets DATABASE_URL,
// so every test talks the PostgreSQL protocol either way.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,tests}/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: {
    '^@libs/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@libs/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
    // Shared test support (real apps, databases, fixtures), wherever the spec sits.
    '^@tests/(.*)$': '<rootDir>/tests/$1',
  },
  globalSetup: '<rootDir>/tests/setup/global-setup.js',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 2,
};
