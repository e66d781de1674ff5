// Lit's css`` literals ship as written; this collapses their comments and whitespace at build
// time (our style files only, which hold no expressions with CSS-significant spacing).
function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

export function minifyCssLiterals() {
  return {
    name: 'lead-form:minify-css-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.styles\.ts$/.test(id.split('?')[0])) return null;
      const next = code.replace(/css`([^`$]*)`/g, (_, body) => `css\`${minifyCss(body)}\``);
      return next === code ? null : { code: next, map: null };
    },
  };
}
