// Lit records its versions (and a decorator-metadata map) on globalThis. An embed must not
// leave anything on the host page's window, so this build step keeps them module-local. The
// build fails if a pattern is no longer found, so a Lit upgrade cannot silently reintroduce
// a global.
const REWRITES = [
  {
    file: /lit-html\/lit-html\.js$/,
    from: /\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[^"]+"\)/,
    to: 'void 0',
  },
  {
    file: /lit-element\/lit-element\.js$/,
    from: /\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[^"]+"\)/,
    to: 'void 0',
  },
  {
    file: /reactive-element\/reactive-element\.js$/,
    from: /\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[^"]+"\)/,
    to: 'void 0',
  },
  {
    file: /reactive-element\/reactive-element\.js$/,
    from: /\w+\.litPropertyMetadata\?\?=new WeakMap/,
    to: 'void 0',
  },
  {
    file: /reactive-element\/reactive-element\.js$/,
    from: /(?<![\w.])litPropertyMetadata\.get\(/g,
    to: '__leadFormLitMetadata.get(',
    prepend: 'const __leadFormLitMetadata=new WeakMap;',
  },
];

export function litNoGlobals() {
  const applied = new Set();
  const seen = new Set();
  return {
    name: 'lead-form:lit-no-globals',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0].replace(/\\/g, '/');
      let next = code;
      let prepend = '';
      REWRITES.forEach((rewrite, index) => {
        if (!rewrite.file.test(path)) return;
        seen.add(index);
        const replaced = next.replace(rewrite.from, rewrite.to);
        if (replaced === next) return;
        next = replaced;
        applied.add(index);
        if (rewrite.prepend) prepend += rewrite.prepend;
      });
      return next === code ? null : { code: prepend + next, map: null };
    },
    buildEnd(error) {
      if (error) return;
      const missing = REWRITES.filter((_, index) => seen.has(index) && !applied.has(index));
      if (missing.length > 0) {
        this.error(
          `lit-no-globals: ${missing.length} pattern(s) not found (${missing.map((m) => m.from).join(', ')}); Lit changed, update scripts/lit-no-globals.mjs`,
        );
      }
    },
  };
}
