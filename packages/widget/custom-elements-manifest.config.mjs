// custom-elements.json for the package: what editors, design systems and docs tools read to know
// <lead-form> (attributes, properties, events, CSS parts and custom properties), built from the
// components' JSDoc by @custom-elements-manifest/analyzer.
//
// The views inside <lead-form> are elements of their own but render into its shadow root: they
// are not for pages to use, and the parts they render are <lead-form>'s parts. So the manifest
// describes <lead-form> alone, with every view's documented parts folded into it.

const ENTRY = 'dist/lead-form.js';
const TAG = 'lead-form';

/** Names in `static properties = { … }` declared with `state: true` (internal reactive state). */
function stateProperties(ts, node) {
  const names = new Set();
  for (const member of node.members ?? []) {
    const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (!isStatic || member.name?.getText() !== 'properties') continue;
    const object = member.initializer;
    if (!object || !ts.isObjectLiteralExpression(object)) continue;
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      if (/\bstate\s*:\s*true\b/.test(property.initializer.getText()))
        names.add(property.name.getText());
    }
  }
  return names;
}

/** Internal state is neither an attribute nor part of the element's API. */
function dropInternalState() {
  return {
    name: 'lead-form:drop-internal-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!declaration) return;
      const internal = stateProperties(ts, node);
      declaration.attributes = declaration.attributes?.filter((a) => !internal.has(a.fieldName));
      declaration.members = declaration.members?.filter(
        (m) => !internal.has(m.name) && m.privacy !== 'private' && m.privacy !== 'protected',
      );
    },
  };
}

/** One line per description (JSDoc wraps at 100 columns). */
const oneLine = (text) => text?.replace(/\s*\n\s*/g, ' ').trim();

/** <lead-form> alone, at the path pages import, with the views' parts folded in. */
function foldViewsIntoLeadForm() {
  return {
    name: 'lead-form:fold-views',
    packageLinkPhase({ customElementsManifest }) {
      // The analyzer lists modules in the order the file system returns them, which differs
      // between checkouts; sorted by path, the folded parts (and the README) come out the same.
      const modules = [...customElementsManifest.modules].sort((a, b) =>
        a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
      );
      const classes = modules.flatMap((module) =>
        (module.declarations ?? []).filter((d) => d.kind === 'class'),
      );
      const element = classes.find((d) => d.tagName === TAG);
      if (!element) throw new Error(`custom-elements manifest: no <${TAG}> found`);
      const parts = new Map();
      for (const declaration of [element, ...classes.filter((d) => d !== element)]) {
        for (const part of declaration.cssParts ?? []) {
          if (!parts.has(part.name))
            parts.set(part.name, { ...part, description: oneLine(part.description) });
        }
      }
      element.cssParts = [...parts.values()];
      for (const key of ['attributes', 'members', 'events', 'cssProperties']) {
        for (const item of element[key] ?? []) item.description = oneLine(item.description);
      }
      element.description = oneLine(element.description);
      customElementsManifest.modules = [
        {
          kind: 'javascript-module',
          path: ENTRY,
          declarations: [element],
          exports: [
            { kind: 'js', name: element.name, declaration: { name: element.name, module: ENTRY } },
            {
              kind: 'custom-element-definition',
              name: TAG,
              declaration: { name: element.name, module: ENTRY },
            },
          ],
        },
      ];
    },
  };
}

export default {
  globs: ['src/components/**/*.component.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [dropInternalState(), foldViewsIntoLeadForm()],
};
