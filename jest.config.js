/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // .test.js: tests written in plain JavaScript, as botoscale's REPL and script users write it.
  testMatch: ['**/*.test.ts', '**/*.test.js'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  setupFiles: ['<rootDir>/test/setup.ts'],
  testTimeout: 20000,
};
