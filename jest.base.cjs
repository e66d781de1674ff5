// One Jest setup for every Node-side workspace: SWC strips types fast and keeps the
// decorator metadata NestJS's dependency injection reads; workspace packages resolve to
// their TypeScript sources so a test never runs against a stale dist/.
const path = require('node:path');

const root = __dirname;

/** @param {string} dir the workspace's directory; @param {import('jest').Config} extra */
function jestConfig(dir, extra = {}) {
  return {
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
    transform: {
      '^.+\\.(t|j)sx?$|^.+\\.mjs$': [
        require.resolve('@swc/jest'),
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
          sourceMaps: 'inline',
        },
      ],
    },
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    moduleNameMapper: {
      '^@leadbridge/core$': path.join(root, 'packages/core/src/index.ts'),
      '^@leadbridge/sdk$': path.join(root, 'packages/sdk/src/index.ts'),
      '^@leadbridge/devkit/(.*)$': path.join(root, 'packages/devkit/src/$1.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    ...extra,
  };
}

module.exports = { jestConfig };
