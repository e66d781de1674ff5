// Prints what each entry of the SDK costs a browser — bundled with its dependencies
// (openapi-fetch) by rolldown (Vite's bundler), minified and gzipped — and fails the build past
// the budget: the widget's whole first load, SDK included, must stay within 25 kB.
// (Vite's library mode is not used: in ES format it keeps whitespace, overstating the cost.)
// The last rows import a few names only, as a page would: they fail if tree-shaking stops
// leaving the other resource groups out.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_GZ = 8 * 1024;
const entries = [
  { name: '@leadbridge/sdk', file: 'src/index.ts', budget: BUDGET_GZ },
  { name: '@leadbridge/sdk/partner', file: 'src/partner.ts', budget: 6 * 1024 },
  { name: '@leadbridge/sdk/webhooks', file: 'src/webhooks.ts', budget: BUDGET_GZ },
  {
    name: '{ Core, LeadsResource } from @leadbridge/sdk',
    code: `import { Core, LeadsResource } from './src/index.ts'; export const leads = (o) => new LeadsResource(new Core(o));`,
    budget: 5 * 1024,
    leavesOut: ['/v1/programs', '/v1/webhook-endpoints', '/v1/analytics', '/v1/imports'],
  },
  {
    name: '{ Core, PublicProgramsResource } from @leadbridge/sdk/partner',
    code: `import { Core, PublicProgramsResource } from './src/partner.ts'; export const programs = (o) => new PublicProgramsResource(new Core(o));`,
    budget: 5 * 1024,
    leavesOut: ['/v1/programs/{id}', '/v1/leads', '/v1/message-threads'],
  },
];

const VIRTUAL = '\0size-check-entry';

/** Serves an entry given as code, resolving its imports against the package root. */
function virtualEntry(code) {
  return {
    name: 'size-check:virtual-entry',
    resolveId(id, importer) {
      if (id === VIRTUAL) return id;
      if (importer === VIRTUAL) return join(root, id);
      return null;
    },
    load(id) {
      return id === VIRTUAL ? code : null;
    },
  };
}

async function measure(entry) {
  // Anything the browser bundle cannot resolve (a Node built-in, say) fails the check.
  const unresolved = [];
  const bundle = await rolldown({
    input: entry.code ? VIRTUAL : join(root, entry.file),
    plugins: entry.code ? [virtualEntry(entry.code)] : [],
    cwd: root,
    platform: 'browser',
    onLog: (level, log, fallback) => {
      if (log.code === 'UNRESOLVED_IMPORT') unresolved.push(log.message.split('\n')[0]);
      else fallback(level, log);
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'es', minify: true });
    if (unresolved.length) {
      throw new Error(`${entry.name} imports what a browser lacks:\n${unresolved.join('\n')}`);
    }
    const code = output
      .filter((chunk) => chunk.type === 'chunk')
      .map((chunk) => chunk.code)
      .join('');
    const kept = (entry.leavesOut ?? []).filter(
      (route) =>
        code.includes(`"${route}"`) || code.includes(`\`${route}\``) || code.includes(`'${route}'`),
    );
    return { min: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length, kept };
  } finally {
    await bundle.close();
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
let failed = false;
for (const entry of entries) {
  const { min, gz, kept } = await measure(entry);
  const over = gz > entry.budget;
  failed ||= over || kept.length > 0;
  console.log(
    `${over || kept.length > 0 ? '✗' : '✓'} ${entry.name}: ${kb(min)} min, ${kb(gz)} min+gz (budget ${kb(entry.budget)})`,
  );
  if (kept.length > 0) console.error(`  should have left out the groups of ${kept.join(', ')}`);
}
if (failed) {
  console.error('The SDK is over its size budget: keep Node-only and heavy code out of it.');
  process.exit(1);
}
