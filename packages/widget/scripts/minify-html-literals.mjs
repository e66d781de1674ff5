// Collapses the indentation inside Lit html`` templates of our own sources: every whitespace
// run that contains a line break becomes one space, which renders identically (none of our
// templates holds <pre> or text in a <textarea>). Expressions are left untouched.

/** Positions of html`` quasis (the literal text between `${…}`) in `code`, as [start, end). */
function htmlQuasis(code) {
  const ranges = [];
  // Each frame is a template literal being read: is it html``, and where its current quasi began.
  const templates = [];
  // Brace depth inside each `${`, to know which `}` closes the expression.
  const braces = [];
  let i = 0;
  let lastSignificant = '';
  const regexAllowedAfter = new Set([
    '',
    '(',
    ',',
    '=',
    ':',
    '[',
    '!',
    '&',
    '|',
    '?',
    '{',
    '}',
    ';',
    '+',
    '-',
    '*',
    '%',
    '<',
    '>',
    '~',
    '^',
    'return',
    'typeof',
  ]);
  const startTemplate = (at) => {
    const before = code.slice(Math.max(0, at - 4), at);
    templates.push({ html: before === 'html', quasiStart: at + 1 });
    i = at + 1;
    readQuasi();
  };
  // Reads template text until the closing backtick or an expression start.
  const readQuasi = () => {
    const frame = templates[templates.length - 1];
    while (i < code.length) {
      const ch = code[i];
      if (ch === '\\') {
        i += 2;
        continue;
      }
      if (ch === '`') {
        if (frame.html) ranges.push([frame.quasiStart, i]);
        templates.pop();
        i++;
        lastSignificant = '`';
        return;
      }
      if (ch === '$' && code[i + 1] === '{') {
        if (frame.html) ranges.push([frame.quasiStart, i]);
        braces.push(0);
        i += 2;
        lastSignificant = '{';
        return;
      }
      i++;
    }
  };
  while (i < code.length) {
    const ch = code[i];
    const next = code[i + 1];
    if (ch === '/' && next === '/') {
      i = code.indexOf('\n', i);
      if (i === -1) break;
      continue;
    }
    if (ch === '/' && next === '*') {
      i = code.indexOf('*/', i + 2) + 2;
      if (i === 1) break;
      continue;
    }
    if (ch === "'" || ch === '"') {
      i++;
      while (i < code.length && code[i] !== ch) i += code[i] === '\\' ? 2 : 1;
      i++;
      lastSignificant = ch;
      continue;
    }
    if (ch === '`') {
      startTemplate(i);
      continue;
    }
    if (ch === '/' && regexAllowedAfter.has(lastSignificant)) {
      // A regular expression literal: skip it, classes included.
      i++;
      let inClass = false;
      while (i < code.length) {
        const c = code[i];
        if (c === '\\') {
          i += 2;
          continue;
        }
        if (c === '/' && !inClass) break;
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        i++;
      }
      i++;
      while (/[a-z]/i.test(code[i] ?? '')) i++;
      lastSignificant = '/re';
      continue;
    }
    if (braces.length > 0) {
      if (ch === '{') braces[braces.length - 1]++;
      else if (ch === '}') {
        if (braces[braces.length - 1] === 0) {
          braces.pop();
          const frame = templates[templates.length - 1];
          frame.quasiStart = i + 1;
          i++;
          readQuasi();
          continue;
        }
        braces[braces.length - 1]--;
      }
    }
    if (!/\s/.test(ch)) {
      const word = /[\w$]/.test(ch) ? /^[\w$]+/.exec(code.slice(i))[0] : ch;
      lastSignificant = word;
      i += word.length;
      continue;
    }
    i++;
  }
  return ranges;
}

export function collapseHtmlWhitespace(code) {
  const ranges = htmlQuasis(code);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += code.slice(at, start) + code.slice(start, end).replace(/\s*\n\s*/g, ' ');
    at = end;
  }
  return out + code.slice(at);
}

export function minifyHtmlLiterals() {
  return {
    name: 'lead-form:minify-html-literals',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0];
      if (
        !/\/packages\/widget\/src\/.*\.ts$/.test(path.replace(/\\/g, '/')) ||
        !code.includes('html`')
      ) {
        return null;
      }
      const next = collapseHtmlWhitespace(code);
      return next === code ? null : { code: next, map: null };
    },
  };
}
