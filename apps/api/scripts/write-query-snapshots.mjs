// Writes apps/api/src/queries/*.sql: the hand-written statements as the repositories send them
// (see src/database/query-snapshots.ts). `npm run queries -w @leadbridge/api` (the API must be
// built; LB_API_DIST picks another build).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.env.LB_API_DIST ?? join(here, '../dist');
const target = join(here, '../src/queries');
const { querySnapshots } = await import(
  pathToFileURL(join(dist, 'database/query-snapshots.js')).href
);
const files = await querySnapshots();
mkdirSync(target, { recursive: true });
for (const name of readdirSync(target)) {
  if (name.endsWith('.sql') && !(name.slice(0, -4) in files)) rmSync(join(target, name));
}
for (const [name, sql] of Object.entries(files)) writeFileSync(join(target, `${name}.sql`), sql);
console.log(`wrote ${Object.keys(files).length} files to src/queries/`);
