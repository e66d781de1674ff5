import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  leadFormOf,
  partsInBuild,
  readManifest,
  readmeWithTables,
  withoutTablePadding,
} from '../scripts/element-docs.mjs';
import { testEnvironment } from '../test/support/environment.js';
import { expect, openHost, test } from '../test/support/fixtures.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = readManifest();
const element = leadFormOf(manifest);
const names = (items: { name: string }[] | undefined) => (items ?? []).map((item) => item.name);

test('the package ships custom-elements.json describing <lead-form>, where package.json says', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.customElements).toBe('dist/custom-elements.json');
  expect(pkg.exports['./custom-elements.json']).toBe('./dist/custom-elements.json');
  expect(pkg.files).toContain('dist');
  expect(existsSync(join(ROOT, pkg.customElements))).toBe(true);
  // Only <lead-form>: the views inside it are not for pages to use.
  expect(
    manifest.modules.flatMap((module: { exports?: { kind: string; name: string }[] }) =>
      (module.exports ?? [])
        .filter((e) => e.kind === 'custom-element-definition')
        .map((e) => e.name),
    ),
  ).toEqual(['lead-form']);
  expect(names(element.events)).toEqual([
    'lead-form:ready',
    'lead-form:submitted',
    'lead-form:imported',
    'lead-form:error',
  ]);
});

test("the README's tables are the manifest's", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  expect(withoutTablePadding(readme)).toBe(withoutTablePadding(readmeWithTables(readme, manifest)));
});

test('every CSS part the widget renders is documented, and every documented part is rendered', () => {
  const rendered = [...partsInBuild()].sort();
  expect(names(element.cssParts).sort()).toEqual(rendered);
});

test('the attributes and custom properties listed are the ones the element reads', async ({
  page,
}) => {
  await openHost(page, {
    forms: [{ id: 'form', attributes: { preview: true, 'api-base': testEnvironment().apiUrl } }],
  });
  await expect(page.locator('#form').getByText('Preview', { exact: true })).toBeVisible();
  const live = await page.locator('#form').evaluate((form) => {
    const definition = customElements.get('lead-form') as unknown as {
      observedAttributes: string[];
    };
    const css = [...(form.shadowRoot?.adoptedStyleSheets ?? [])]
      .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .join('\n');
    return {
      attributes: [...definition.observedAttributes],
      properties: [...new Set(css.match(/--lead-form-[\w-]+/g) ?? [])],
    };
  });
  expect(names(element.attributes).sort()).toEqual(live.attributes.sort());
  expect(names(element.cssProperties).sort()).toEqual(live.properties.sort());
});
