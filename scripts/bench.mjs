// `npm run bench`: the performance table of DESIGN §8. Each benchmark generates its data at run
// time, measures the system against a baseline in the same run and prints ratios; nothing here
// asserts a timing. `npm run bench -- import leads` runs only the named benchmarks.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const BENCHMARKS = [
  {
    name: 'leads',
    file: 'apps/api/bench/leads.bench.mjs',
    what: 'lead list p95 at 1M leads; POST /v1/leads vs bare node:http+pg',
  },
  {
    name: 'import',
    file: 'apps/api/bench/import.bench.mjs',
    what: '1M-row CSV import vs bare COPY; API peak RSS',
  },
  {
    name: 'dashboard',
    file: 'apps/api/bench/dashboard.bench.mjs',
    what: 'dashboard endpoints, 12 weeks and 12 months at 1M leads (API only)',
  },
  {
    name: 'widget',
    file: 'packages/widget/bench/preview.bench.mjs',
    what: 'browser CSV preview of 100k rows; widget size',
  },
  {
    name: 'inbox',
    file: 'apps/admin/bench/inbox.bench.mjs',
    what: 'admin inbox first/next page at 1M leads',
  },
  {
    name: 'soak',
    file: 'apps/api/bench/soak.bench.mjs',
    what: '10-minute steady submission soak: memory and errors',
  },
];

const only = process.argv.slice(2);
const selected = BENCHMARKS.filter((b) => only.length === 0 || only.includes(b.name));
const results = [];
for (const bench of selected) {
  const path = join(root, bench.file);
  if (!existsSync(path)) {
    results.push({ name: bench.name, status: 'missing', ms: 0 });
    console.log(`\n── ${bench.name}: ${bench.file} not found, skipped`);
    continue;
  }
  console.log(`\n── ${bench.name}: ${bench.what}`);
  const started = Date.now();
  try {
    const module = await import(pathToFileURL(path).href);
    await module.run();
    results.push({ name: bench.name, status: 'ok', ms: Date.now() - started });
  } catch (error) {
    console.error(error);
    results.push({ name: bench.name, status: 'failed', ms: Date.now() - started });
  }
}

console.log('\n── summary');
for (const result of results) {
  console.log(
    `${result.name.padEnd(8)} ${result.status.padEnd(8)} ${(result.ms / 1000).toFixed(1)} s`,
  );
}
process.exitCode = results.some((r) => r.status === 'failed') ? 1 : 0;
