// Marks a tsc CommonJS output folder as CommonJS inside a "type": "module" package, so Node
// and bundlers read dist/cjs/*.js as require()-able (the dual build's second half).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: mark-cjs.mjs <dir>');
writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
