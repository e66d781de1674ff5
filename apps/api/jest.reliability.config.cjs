// The reliability suite (`npm run test:reliability`): crashes, database restarts and fuzzers
// against the built API. Kept out of `npm test` (its files end in .reliability.ts) because it
// kills processes and runs for minutes; CI runs it as its own step.
const { jestConfig } = require('../../jest.base.cjs');

module.exports = jestConfig(__dirname, {
  testMatch: ['<rootDir>/test/reliability/**/*.reliability.ts'],
  globalSetup: '<rootDir>/test/reliability/global-setup.mjs',
  globalTeardown: '<rootDir>/test/reliability/global-teardown.mjs',
  testTimeout: 300_000,
  // Most files spend their time waiting for recovery (job expiry, restarts): run them side by side.
  maxWorkers: 4,
});
