import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The committed src/queries/*.sql are what the repositories send: a changed statement shows in
// review as SQL. Regenerate with `npm run queries -w @leadbridge/api` after a build. The
// statements are recorded by the built API (like every API test, this runs dist/): its Nest
// dependencies load as ES modules, which Jest's module runtime cannot.

const dir = join(__dirname, '../src/queries');
const dist = process.env.LB_API_DIST ?? join(__dirname, '../dist');

function recorded(): Record<string, string> {
  const module = pathToFileURL(join(dist, 'database/query-snapshots.js')).href;
  const output = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { querySnapshots } = await import(${JSON.stringify(module)});
       process.stdout.write(JSON.stringify(await querySnapshots()));`,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(output) as Record<string, string>;
}

describe('query snapshots', () => {
  it('match the statements the repositories send', () => {
    const committed = Object.fromEntries(
      readdirSync(dir)
        .filter((name) => name.endsWith('.sql'))
        .map((name) => [name.slice(0, -4), readFileSync(join(dir, name), 'utf8')]),
    );
    expect(committed).toEqual(recorded());
  });
});
