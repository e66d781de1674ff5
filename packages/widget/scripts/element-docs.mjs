// The README's tables of <lead-form> (attributes and properties, events, CSS custom properties,
// CSS parts), written from the built custom-elements.json: `npm run docs` rewrites them between
// their `<!-- custom-elements:NAME -->` markers, and the widget's tests fail when the README, the
// manifest and the built element disagree.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const README = join(ROOT, 'README.md');
export const MANIFEST = join(ROOT, 'dist/custom-elements.json');

export function readManifest(path = MANIFEST) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The <lead-form> declaration of a manifest. */
export function leadFormOf(manifest) {
  const element = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((declaration) => declaration.tagName === 'lead-form');
  if (!element) throw new Error('custom-elements.json describes no <lead-form>');
  return element;
}

const cell = (text) => (text ?? '').replace(/\|/g, '\\|');
const code = (text) => `\`${text}\``;

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** Each table, by the name of its README marker. */
export function tables(manifest) {
  const element = leadFormOf(manifest);
  const attributeOf = new Map((element.attributes ?? []).map((a) => [a.fieldName, a.name]));
  return {
    attributes: table(
      ['attribute', 'property', 'type', 'description'],
      (element.members ?? [])
        .filter((member) => member.kind === 'field')
        .map((member) => [
          attributeOf.has(member.name) ? code(attributeOf.get(member.name)) : '—',
          code(member.name),
          member.type ? code(member.type.text) : '',
          member.readonly ? `${member.description} (read-only)` : member.description,
        ]),
    ),
    events: table(
      ['event', 'detail and meaning'],
      (element.events ?? []).map((event) => [code(event.name), event.description]),
    ),
    'css-properties': table(
      ['custom property', 'default', 'what it sets'],
      (element.cssProperties ?? []).map((property) => [
        code(property.name),
        property.default ? code(property.default) : '',
        property.description,
      ]),
    ),
    'css-parts': table(
      ['part', 'what it is'],
      (element.cssParts ?? []).map((part) => [code(part.name), part.description]),
    ),
  };
}

const marker = (name) =>
  new RegExp(
    `(<!-- custom-elements:${name} -->\\n)(?:[\\s\\S]*?\\n)?(<!-- /custom-elements:${name} -->)`,
  );

/** The README with its tables rewritten from the manifest. */
export function readmeWithTables(readme, manifest) {
  let next = readme;
  for (const [name, markdown] of Object.entries(tables(manifest))) {
    if (!marker(name).test(next))
      throw new Error(`README.md has no custom-elements:${name} marker`);
    next = next.replace(marker(name), (_, start, end) => `${start}${markdown}\n${end}`);
  }
  return next;
}

/** Markdown with its tables' cell padding taken out (Biome pads them when it formats). */
export function withoutTablePadding(markdown) {
  return markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/^-+$/, '---'))
            .join('|')
        : line,
    )
    .join('\n');
}

/** Every CSS part name the built widget renders (`part="a b"` and `part=${…}` literals). */
export function partsInBuild(dist = join(ROOT, 'dist')) {
  const parts = new Set();
  for (const file of readdirSync(dist).filter((name) => name.endsWith('.js'))) {
    const source = readFileSync(join(dist, file), 'utf8');
    for (const match of source.matchAll(/part="([^"$]*)"/g)) {
      for (const name of match[1].split(/\s+/)) if (name) parts.add(name);
    }
    // part=${cond?`a b`:`c`}: the literals of the expression.
    for (const match of source.matchAll(/part=\$\{([^}]*)\}/g)) {
      for (const literal of match[1].matchAll(/[`'"]([\w\s-]+)[`'"]/g)) {
        for (const name of literal[1].split(/\s+/)) if (name) parts.add(name);
      }
    }
  }
  return parts;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(README, 'utf8');
  const next = readmeWithTables(readme, readManifest());
  if (withoutTablePadding(next) === withoutTablePadding(readme)) {
    console.log('README.md tables are up to date.');
  } else if (process.argv.includes('--write')) {
    writeFileSync(README, next);
    execFileSync('biome', ['format', '--write', README], { stdio: 'inherit' });
    console.log('README.md tables rewritten.');
  } else {
    console.log('README.md tables differ from custom-elements.json: npm run docs rewrites them.');
    process.exitCode = 1;
  }
  const documented = new Set(leadFormOf(readManifest()).cssParts.map((part) => part.name));
  const undocumented = [...partsInBuild()].filter((part) => !documented.has(part));
  if (undocumented.length) console.log(`Parts without @csspart: ${undocumented.join(', ')}`);
}
