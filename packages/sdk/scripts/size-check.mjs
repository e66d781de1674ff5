// Prints what each entry of the SDK costs a browser — bundled with its dependencies
// (openapi-fetch) by rolldown (Vite's bundler), minified and gzipped — and fails the build past
// the budget: the widget's whole first load, SDK included, must stay within 25 kB.
// (Vite's library mode is not used: in ES format it keeps whitespace, overstating the cost.)
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_GZ = 8 * 1024;
const entries = [
  { name: '@leadbridge/sdk', file: 'src/index.ts', budget: BUDGET_GZ },
  { name: '@leadbridge/sdk/webhooks', file: 'src/webhooks.ts', budget: BUDGET_GZ },
];

async function measure(entry) {
  // Anything the browser bundle cannot resolve (a Node built-in, say) fails the check.
  const unresolved = [];
  const bundle = await rolldown({
    input: join(root, entry.file),
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
    return { min: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length };
  } finally {
    await bundle.close();
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
let failed = false;
for (const entry of entries) {
  const { min, gz } = await measure(entry);
  const over = gz > entry.budget;
  failed ||= over;
  console.log(
    `${over ? '✗' : '✓'} ${entry.name}: ${kb(min)} min, ${kb(gz)} min+gz (budget ${kb(entry.budget)})`,
  );
}
if (failed) {
  console.error('The SDK is over its size budget: keep Node-only and heavy code out of it.');
  process.exit(1);
}
