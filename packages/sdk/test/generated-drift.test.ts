import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const sdkRoot = join(__dirname, '..');
const documentPath = join(sdkRoot, '../../apps/api/openapi.json');
const generatedPath = join(sdkRoot, 'src/generated/openapi.ts');

describe('generated types', () => {
  it('are exactly what openapi-typescript makes of the committed OpenAPI document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-sdk-drift-'));
    try {
      const fresh = join(dir, 'openapi.ts');
      const cli = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin/cli.js');
      const result = spawnSync(process.execPath, [cli, documentPath, '-o', fresh], {
        cwd: sdkRoot,
        encoding: 'utf8',
      });
      expect(result.status).toBe(0);
      const committed = readFileSync(generatedPath, 'utf8');
      const expected = readFileSync(fresh, 'utf8');
      if (committed !== expected) {
        throw new Error(
          'packages/sdk/src/generated/openapi.ts is out of date with apps/api/openapi.json: run `npm run generate`.',
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cover every operation of the document by its operationId', () => {
    const document = JSON.parse(readFileSync(documentPath, 'utf8')) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const generated = readFileSync(generatedPath, 'utf8');
    const operationIds = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    expect(operationIds.length).toBeGreaterThan(50);
    for (const id of operationIds) expect(generated).toContain(`    ${id}: {`);
  });
});
