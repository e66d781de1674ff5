import fc from 'fast-check';

/** One file to upload: its bytes, how it is sent, and what was in it (for failure reports). */
export interface FuzzFile {
  kind: string;
  bytes: Buffer;
  multipart: boolean;
  mapping?: string;
}

/** A short description, so a failing case prints in a few lines instead of megabytes. */
export function describeFile(file: FuzzFile): string {
  const start = JSON.stringify(file.bytes.subarray(0, 120).toString('latin1'));
  return `${file.kind}, ${file.bytes.length} bytes, ${file.multipart ? 'multipart' : 'raw'}${
    file.mapping === undefined ? '' : `, mapping ${JSON.stringify(file.mapping)}`
  }, starting ${start}`;
}

const labelled = (file: FuzzFile): FuzzFile =>
  Object.assign(file, { [fc.toStringMethod]: () => describeFile(file) });

const HEADERS = [
  ['First name', 'Last name', 'Email', 'Company'],
  ['E-mail', 'First Name', 'Company'],
  ['Email Address', 'company', 'FIRST NAME', 'last name', 'unknown column'],
  ['email'],
  ['Email', 'Email', 'Email'],
  ['Name', 'Phone'],
];

const FORMULAS = [
  '=1+1',
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1',
  '\r=1',
  "'=1",
];
const HOSTILE = [
  '\u0000',
  'a\u0000b',
  '"',
  'a"b',
  '"unclosed',
  '""',
  '\\',
  '\ufeff',
  '\u202e',
  '😀',
  'é',
  ' ',
  '',
];

const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9.]{1,12}$/), fc.stringMatching(/^[a-z]{1,8}$/))
  .map(([local, domain]) => `${local}@${domain}.example`);

const cell: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: email },
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...FORMULAS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  // Huge cells: past any sane field length, sometimes past the upload limit.
  { weight: 1, arbitrary: fc.integer({ min: 5_000, max: 400_000 }).map((n) => 'x'.repeat(n)) },
);

/** A cell written the way some CSV writer (or a broken one) would. */
const written = (delimiter: string) =>
  fc
    .tuple(cell, fc.constantFrom('plain', 'quoted', 'broken-quote', 'stray-quote'))
    .map(([value, style]) => {
      switch (style) {
        case 'quoted':
          return `"${value.replace(/"/g, '""')}"`;
        case 'broken-quote':
          return `"${value}`;
        case 'stray-quote':
          return `${value}"x`;
        default:
          return value.includes(delimiter) ? `"${value}"` : value;
      }
    });

const newline = fc.constantFrom('\r\n', '\n', '\r');

/** A CSV-shaped file: a header (known, aliased or junk), rows of mixed cells and newlines. */
const structured: fc.Arbitrary<FuzzFile> = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    mixDelimiters: fc.boolean(),
    header: fc.oneof(
      fc.constantFrom(...HEADERS),
      fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }),
    ),
    width: fc.integer({ min: 0, max: 7 }),
    rows: fc.integer({ min: 0, max: 40 }),
    seed: fc.array(fc.tuple(written(','), newline), { minLength: 0, maxLength: 280 }),
    bom: fc.constantFrom('none', 'utf8', 'utf16le', 'utf16be'),
    trailingNewline: fc.boolean(),
    multipart: fc.boolean(),
  })
  .map((spec) => {
    const lines: string[] = [spec.header.join(spec.delimiter)];
    const pieces = [...spec.seed];
    for (let r = 0; r < spec.rows && pieces.length > 0; r++) {
      const cells = pieces.splice(0, Math.max(1, spec.width));
      const delimiter = spec.mixDelimiters && r % 2 === 1 ? ';' : spec.delimiter;
      lines.push(`${cells.map(([value]) => value).join(delimiter)}${cells[0]?.[1] ?? '\n'}`);
    }
    const first = `${lines[0]}\r\n`;
    const text = first + lines.slice(1).join('') + (spec.trailingNewline ? '\n' : '');
    let bytes: Buffer;
    if (spec.bom === 'utf16le')
      bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    else if (spec.bom === 'utf16be') {
      // UTF-16LE with each byte pair swapped is UTF-16BE.
      const big = Buffer.from(text, 'utf16le').swap16();
      bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), big]);
    } else bytes = Buffer.from((spec.bom === 'utf8' ? '\ufeff' : '') + text, 'utf8');
    return {
      kind: `structured(${spec.delimiter}${spec.mixDelimiters ? ' mixed' : ''}, bom ${spec.bom})`,
      bytes,
      multipart: spec.multipart,
    };
  });

/** Random bytes: binary, truncated UTF-8, NULs. */
const noise: fc.Arbitrary<FuzzFile> = fc
  .record({ bytes: fc.uint8Array({ maxLength: 4000 }), multipart: fc.boolean() })
  .map(({ bytes, multipart }) => ({ kind: 'random bytes', bytes: Buffer.from(bytes), multipart }));

/** Mapping corrections: valid-looking, wrong or not JSON at all. */
const mapping = fc.option(
  fc.oneof(
    fc.constantFrom(
      '{"0":"email"}',
      '{"0":null,"1":"email"}',
      '{"99":"email"}',
      '{"0":"nope"}',
      '[]',
      'null',
      '{',
      '{"__proto__":{"x":1}}',
    ),
    fc.json({ maxDepth: 2 }),
  ),
  { nil: undefined },
);

export const fuzzFile: fc.Arbitrary<FuzzFile> = fc
  .tuple(fc.oneof({ weight: 4, arbitrary: structured }, { weight: 1, arbitrary: noise }), mapping)
  .map(([file, map]) => labelled(map === undefined ? file : { ...file, mapping: map }));

/** Files every run sends, whatever the random ones are. */
export const EDGE_FILES: FuzzFile[] = [
  { kind: 'empty', bytes: Buffer.alloc(0), multipart: false },
  { kind: 'empty (multipart)', bytes: Buffer.alloc(0), multipart: true },
  { kind: 'BOM only', bytes: Buffer.from('\ufeff'), multipart: false },
  {
    kind: 'header only',
    bytes: Buffer.from('First name,Last name,Email,Company\r\n'),
    multipart: false,
  },
  { kind: 'header only, no newline', bytes: Buffer.from('Email'), multipart: true },
  { kind: 'blank lines', bytes: Buffer.from('Email\n\n\n\r\n\r\n'), multipart: false },
  { kind: 'NULs', bytes: Buffer.from('Email\u0000,Name\n\u0000\u0000,\u0000\n'), multipart: false },
  {
    kind: 'unclosed quote',
    bytes: Buffer.from('Email,Name\n"a@b.example,Ann\nc@d.example,Bob\n'),
    multipart: false,
  },
  {
    kind: 'semicolons',
    bytes: Buffer.from('Email;First name\r\na@semi.example;Ann\r\n'),
    multipart: false,
  },
  {
    kind: 'formulas',
    bytes: Buffer.from(
      'Email,First name\n=1+1,@x\nf@f.example,"=HYPERLINK(""http://x"")"\n-3,+4\n',
    ),
    multipart: true,
  },
  {
    kind: 'CR only',
    bytes: Buffer.from('Email\rcr1@cr.example\rcr2@cr.example\r'),
    multipart: false,
  },
  {
    kind: 'one huge cell',
    bytes: Buffer.from(`Email,Company\nhuge@cell.example,${'y'.repeat(300_000)}\n`),
    multipart: false,
  },
  {
    kind: 'binary',
    bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    multipart: true,
  },
];
