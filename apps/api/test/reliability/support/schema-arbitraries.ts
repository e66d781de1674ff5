import fc from 'fast-check';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema nodes of the OpenAPI document, walked generically.
type Schema = any;

/** Strings an attacker (or a careless client) sends: injections, markup, huge, NULs, odd unicode. */
export const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE leads; --",
  '" OR ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u0000',
  'a\u0000b',
  '%00',
  '../../../../etc/passwd',
  // Template-injection probes, meant literally.
  ['$', '{7*7}{{7*7}}'].join(''),
  '\u202eevil',
  '\ud83d',
  '😀'.repeat(300),
  'ß'.repeat(5000),
  'x'.repeat(70_000),
  '',
  ' ',
  '\r\n',
  'null',
  'NaN',
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '__proto__',
  'constructor',
];

/** A value of the wrong kind for whatever the schema wants. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      -1,
      0,
      1.5,
      2 ** 53 + 2,
      -(2 ** 63),
      1e308,
      true,
      false,
      null,
      [],
      {},
      [[[[[[[[[[[]]]]]]]]]]],
      { $gt: '' },
      { toString: 'x' },
    ),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

function resolve(schema: Schema, document: Schema): Schema {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 20; hops++) {
    const path = String(current.$ref).replace(/^#\//, '').split('/');
    current = path.reduce((node: Schema, key: string) => node?.[key], document);
  }
  return current ?? {};
}

/** An object that carries `__proto__` / `constructor` as its OWN keys (as JSON.parse makes them). */
function withPollution(value: Record<string, unknown>, key: string, payload: unknown) {
  const copy: Record<string, unknown> = { ...value };
  Object.defineProperty(copy, key, {
    value: payload,
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return copy;
}

/** A value the schema accepts (as far as a generator can tell: formats, enums, required keys). */
export function conforming(schema: Schema, document: Schema, depth: number): fc.Arbitrary<unknown> {
  const node = resolve(schema, document);
  if (depth > 5) return fc.constant(null);
  const choices = node.anyOf ?? node.oneOf;
  if (Array.isArray(choices) && choices.length > 0) {
    return fc.oneof(...choices.map((choice: Schema) => valueFor(choice, document, depth + 1)));
  }
  if (Array.isArray(node.enum)) return fc.constantFrom(...node.enum);
  if ('const' in node) return fc.constant(node.const);
  const types: string[] = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => conforming({ ...node, type }, document, depth)));
  }
  switch (types[0]) {
    case 'string':
      if (node.format === 'uuid') return fc.uuid();
      if (node.format === 'date-time')
        return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (node.format === 'binary') return fc.string();
      if (node.pattern === '^[A-Z]{3}$') return fc.constantFrom('USD', 'EUR', 'XXX', 'ZZZ');
      return fc.oneof(
        fc.string({ maxLength: Math.min(node.maxLength ?? 30, 30) }),
        fc.emailAddress(),
        fc.webUrl(),
      );
    case 'integer':
      return fc.integer({ min: node.minimum ?? -1000, max: Math.min(node.maximum ?? 1e9, 1e9) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(node.items ?? {}, document, depth + 1), { maxLength: 4 });
    case 'object': {
      const properties: Record<string, Schema> = node.properties ?? {};
      const record = fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, value]) => [
            key,
            valueFor(value, document, depth + 1),
          ]),
        ),
        { requiredKeys: (node.required ?? []).filter((key: string) => key in properties) },
      );
      const extra = node.additionalProperties
        ? fc.dictionary(
            fc.string({ maxLength: 10 }),
            valueFor(node.additionalProperties, document, depth + 1),
            {
              maxKeys: 3,
            },
          )
        : fc.constant({});
      return fc.tuple(record, extra).map(([known, more]) => ({ ...more, ...known }));
    }
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** Mostly what the schema asks for, sometimes hostile — at every level, so deep fields get it too. */
export function valueFor(schema: Schema, document: Schema, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: conforming(schema, document, depth) },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** A request body for the schema: mostly conforming-with-hostile-leaves, sometimes junk entirely. */
export function bodyFor(schema: Schema, document: Schema): fc.Arbitrary<unknown> {
  const base = conforming(schema, document, 0);
  return fc.oneof(
    { weight: 6, arbitrary: base },
    {
      weight: 2,
      arbitrary: fc
        .tuple(base, fc.constantFrom('__proto__', 'constructor', 'prototype'), hostileValue)
        .map(([value, key, payload]) =>
          value && typeof value === 'object' && !Array.isArray(value)
            ? withPollution(value as Record<string, unknown>, key, { polluted: true, payload })
            : value,
        ),
    },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.array(base, { maxLength: 3 }) },
  );
}

/** A query or path parameter value (always text on the wire). */
export function parameterFor(schema: Schema, document: Schema): fc.Arbitrary<string | string[]> {
  const asText = (value: unknown) =>
    typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return fc.oneof(
    { weight: 4, arbitrary: conforming(schema ?? {}, document, 0).map(asText) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    {
      weight: 1,
      arbitrary: fc.array(fc.constantFrom(...HOSTILE_STRINGS), { minLength: 2, maxLength: 3 }),
    },
  );
}
