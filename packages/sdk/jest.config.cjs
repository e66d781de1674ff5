const path = require('node:path');
const { jestConfig } = require('../../jest.base.cjs');

const config = jestConfig(__dirname, {
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
});
// The `./webhooks` entry, from source like the main one.
config.moduleNameMapper = {
  '^@leadbridge/sdk/webhooks$': path.join(__dirname, 'src/webhooks.ts'),
  ...config.moduleNameMapper,
};

module.exports = config;
