// What a browser downloads for the widget: the first load (the entry and everything it imports
// statically: lit, core's validation, the SDK client, the shell and the Submit view) and each
// chunk loaded on demand, minified and gzipped (-9, per file, as served).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const DIST = join(dirname(fileURLToPath(import.meta.url)), '../dist');
export const ENTRY = 'lead-form.js';
export const FIRST_LOAD_BUDGET = 25 * 1024;

export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;

export function measureWidget(dist = DIST) {
  const files = readdirSync(dist).filter((file) => file.endsWith('.js'));
  const sizes = new Map(
    files.map((file) => {
      const code = readFileSync(join(dist, file));
      return [
        file,
        { min: code.length, gz: gzipSync(code, { level: 9 }).length, code: code.toString() },
      ];
    }),
  );
  const staticImports = (file) => {
    const code = sizes.get(file)?.code ?? '';
    const found = new Set();
    for (const match of code.matchAll(
      /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'`]\.\/([^"'`]+)["'`]/g,
    )) {
      found.add(match[1]);
    }
    return [...found];
  };
  const closure = (entry) => {
    const seen = new Set();
    const queue = [entry];
    while (queue.length > 0) {
      const file = queue.shift();
      if (seen.has(file) || !sizes.has(file)) continue;
      seen.add(file);
      queue.push(...staticImports(file));
    }
    return seen;
  };
  const total = (set) =>
    [...set].reduce(
      (sum, file) => ({
        min: sum.min + (sizes.get(file)?.min ?? 0),
        gz: sum.gz + (sizes.get(file)?.gz ?? 0),
      }),
      { min: 0, gz: 0 },
    );
  const first = closure(ENTRY);
  const onDemand = files
    .filter((file) => !first.has(file))
    .map((file) => {
      const extra = new Set([...closure(file)].filter((chunk) => !first.has(chunk)));
      return {
        file,
        gz: sizes.get(file).gz,
        min: sizes.get(file).min,
        withImports: total(extra).gz,
      };
    })
    .sort((a, b) => b.gz - a.gz);
  // Each language's strings: `locale-<tag>` (shell and Submit view, with core's field error
  // messages) and `locale-views-<tag>` (the other views); English's first-load strings are in
  // the first load itself.
  const locales = new Map();
  for (const row of onDemand) {
    const match = /^locale-(views-)?([a-zA-Z]{2}(?:-[a-zA-Z]{2})?)-[\w-]+\.js$/.exec(row.file);
    if (!match) continue;
    const entry = locales.get(match[2]) ?? { locale: match[2], core: null, views: null };
    entry[match[1] ? 'views' : 'core'] = row.gz;
    locales.set(match[2], entry);
  }
  return {
    locales: [...locales.values()].sort((a, b) => a.locale.localeCompare(b.locale)),
    firstLoad: {
      ...total(first),
      files: [...first].sort().map((file) => ({ file, gz: sizes.get(file).gz })),
    },
    onDemand,
  };
}

export function printWidgetSize(report) {
  console.log('Widget size (minified; gzip -9 per file, as served):');
  console.log(
    `  first load  ${kb(report.firstLoad.gz).padStart(9)} gz  ${kb(report.firstLoad.min).padStart(9)} min  (budget ${kb(FIRST_LOAD_BUDGET)})`,
  );
  for (const { file, gz } of report.firstLoad.files)
    console.log(`    ${file.padEnd(44)} ${kb(gz).padStart(9)} gz`);
  console.log('  languages (on demand, per language: first-load strings + views strings):');
  for (const { locale, core, views } of report.locales) {
    const part = (gz) => (gz === null ? 'in the entry' : `${kb(gz)} gz`).padStart(12);
    console.log(
      `    ${locale.padEnd(6)} ${part(core)}  + ${part(views)}  = ${kb((core ?? 0) + (views ?? 0)).padStart(9)} gz`,
    );
  }
  console.log('  on demand:');
  for (const row of report.onDemand) {
    if (row.file.startsWith('locale-')) continue;
    const note = /^csv\.worker/.test(row.file)
      ? 'CSV worker: papaparse + core row checks'
      : /^import-view/.test(row.file)
        ? 'Import view'
        : /^workbook-file/.test(row.file)
          ? 'Workbook reader (.xlsx): core zip + XML reader, loaded when a workbook is dropped'
          : '';
    console.log(
      `    ${row.file.padEnd(44)} ${kb(row.gz).padStart(9)} gz  (${kb(row.withImports)} with its imports)${note ? `  ${note}` : ''}`,
    );
  }
}
