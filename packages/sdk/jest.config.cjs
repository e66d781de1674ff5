const path = require('node:path');
const { jestConfig } = require('../../jest.base.cjs');

const config = jestConfig(__dirname, {
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
});
// The `./webhooks` and `./partner` entries, from source like the main one.
config.moduleNameMapper = {
  '^@leadbridge/sdk/webhooks$': path.join(__dirname, 'src/webhooks.ts'),
  '^@leadbridge/sdk/partner$': path.join(__dirname, 'src/partner.ts'),
  ...config.moduleNameMapper,
};

module.exports = config;
