// The cluster test (`npm run test:cluster`): two API replicas and two workers behind HAProxy,
// through PgBouncer in transaction mode, on S3-compatible storage — all real processes. It starts
// its own PostgreSQL, so it needs no global setup; one file, run alone.
const { jestConfig } = require('../../jest.base.cjs');

module.exports = jestConfig(__dirname, {
  testMatch: ['<rootDir>/test/cluster/**/*.cluster.ts'],
  testTimeout: 600_000,
  maxWorkers: 1,
});
