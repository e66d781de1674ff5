// Build step: prints the widget's sizes and fails past the first-load budget (DESIGN §5), or
// when any file ships zod: the widget validates with core's functions, never with a schema, so
// zod in a chunk means a core schema lost its pure annotation (≈4–6 kB gz, wherever it lands).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, FIRST_LOAD_BUDGET, kb, measureWidget, printWidgetSize } from './widget-size.mjs';

const report = measureWidget();
printWidgetSize(report);
if (report.firstLoad.gz > FIRST_LOAD_BUDGET) {
  console.error(
    `✗ The first load is ${kb(report.firstLoad.gz)} gz, over the ${kb(FIRST_LOAD_BUDGET)} budget.`,
  );
  process.exit(1);
}
// zod's schemas all carry a `_zod` property, which minification keeps.
const withZod = readdirSync(DIST).filter(
  (file) => file.endsWith('.js') && readFileSync(join(DIST, file), 'utf8').includes('_zod'),
);
if (withZod.length > 0) {
  console.error(`✗ zod is bundled into ${withZod.join(', ')}; keep core's schemas pure.`);
  process.exit(1);
}
console.log(
  `✓ First load ${kb(report.firstLoad.gz)} gz is within the ${kb(FIRST_LOAD_BUDGET)} budget; no zod in any file.`,
);
