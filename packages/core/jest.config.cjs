const { jestConfig } = require('../../jest.base.cjs');

module.exports = jestConfig(__dirname, { setupFiles: ['<rootDir>/test/all-locales.ts'] });
