import { PROBLEM_TYPE_BASE } from '../common/problem/problem';
import { PROBLEM_CODES, type ProblemCode } from '../common/problem/problem-codes';

type JsonObject = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: JSON Schema nodes of the document, walked generically.
type Schema = any;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

const REQUEST_ID = '0f5c8a52-1d3e-4f6a-9b7c-2e4d6f8a0b1c';

/** A problem body as the API sends it for `code`. */
export function problemExample(code: ProblemCode, status: number): JsonObject {
  const body: JsonObject = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail: PROBLEM_CODES[code].meaning,
    instance: REQUEST_ID,
  };
  if (code === 'validation_failed') {
    body.detail = 'Email is required';
    body.errors = [
      {
        field: 'email',
        code: 'required',
        message: 'Email is required',
        params: { label: 'Email' },
      },
    ];
  }
  if (code === 'rate_limited') body.retryAfterSeconds = 30;
  return body;
}

// Plausible values by property name, so generated examples read like real data.
const BY_NAME: Record<string, unknown> = {
  email: 'ada.lovelace@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: 'Analytical Engines Ltd',
  companyName: 'Northwind Traders',
  name: 'Northwind Partners',
  subject: 'Question about a lead',
  body: 'Could you check the budget on this one?',
  description: 'Resellers in the DACH region',
  reason: 'Budget confirmed on the call',
  currency: 'EUR',
  url: 'https://hooks.example.org/leadbridge',
  portalUrl: 'https://partners.example.org',
  fileName: 'leads-march.csv',
  partnerKey: 'northwind',
  publishableKey: 'pk_live_4f9c2a1e7b1d4e53',
  token: 'pt_5f2d9c1b7a3e4d6f8a0b1c2e4d6f8a0b',
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  password: 'correct horse battery staple',
  code: '123456',
  role: 'admin',
  locale: 'en',
  nextCursor: null,
  cursor: 'WyIyMDI2LTAzLTAyVDA5OjMwOjAwLjAwMFoiLCIzZjBjIl0',
  label: 'Budget',
  stageLabel: 'Qualified',
  key: 'budget',
  csrfToken: 'c3JmLTlhNTFjN2RlOGEyYjZmMWQ',
};

const DATE_TIME = '2026-03-02T09:30:00.000Z';

function resolve(schema: Schema, document: JsonObject): Schema {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 20; hops++) {
    const path = String(current.$ref).replace(/^#\//, '').split('/');
    current = path.reduce((node: Schema, key: string) => node?.[key], document);
  }
  return current ?? {};
}

let uuidCounter = 0;
function exampleUuid(): string {
  uuidCounter = (uuidCounter + 1) % 0xffff;
  return `3f0c1e9a-52b4-4c1d-8e7a-${uuidCounter.toString(16).padStart(12, '0')}`;
}

function stringFor(node: Schema, name: string | undefined): string {
  if (node.format === 'uuid') return exampleUuid();
  if (node.format === 'date-time') return DATE_TIME;
  if (node.format === 'date') return '2026-03-02';
  if (node.format === 'email') return 'ada.lovelace@example.com';
  if (node.format === 'uri' || node.format === 'url') return 'https://example.org';
  if (node.format === 'binary') return 'Email,First name\nada@example.com,Ada\n';
  const named = name ? BY_NAME[name] : undefined;
  if (typeof named === 'string') return named;
  if (name && /(^id|Id)$/.test(name)) return exampleUuid();
  if (name && /At$/.test(name)) return DATE_TIME;
  const text = name ?? 'text';
  const min = node.minLength ?? 0;
  return text.length >= min ? text.slice(0, node.maxLength ?? text.length) : text.padEnd(min, 'x');
}

function build(
  schema: Schema,
  document: JsonObject,
  name: string | undefined,
  depth: number,
): unknown {
  const node = resolve(schema, document);
  if (Array.isArray(node.examples) && node.examples.length > 0) return node.examples[0];
  if (node.example !== undefined) return node.example;
  if (depth > 14) return undefined;
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  if (name && name in BY_NAME && BY_NAME[name] === null && [node.type].flat().includes('null')) {
    return null;
  }
  const choices = node.oneOf ?? node.anyOf;
  if (Array.isArray(choices) && choices.length > 0) {
    const chosen =
      choices.find((choice: Schema) => resolve(choice, document).type !== 'null') ?? choices[0];
    return build(chosen, document, name, depth + 1);
  }
  // allOf beside a type only constrains it (the type's properties make the example).
  if (Array.isArray(node.allOf) && node.allOf.length > 0 && !node.type && !node.properties) {
    const merged: JsonObject = {};
    for (const part of node.allOf) {
      Object.assign(merged, (build(part, document, name, depth + 1) as JsonObject) ?? {});
    }
    return merged;
  }
  const types: string[] = [node.type ?? []].flat();
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'string':
      return stringFor(node, name);
    case 'integer':
      return Math.max(node.minimum ?? 1, Math.min(node.maximum ?? 25, 25));
    case 'number':
      return Math.max(node.minimum ?? 0, Math.min(node.maximum ?? 12500, 12500));
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const item: unknown = build(node.items ?? {}, document, singular(name), depth + 1);
      return item === undefined ? [] : [item];
    }
    case 'object': {
      const out: JsonObject = {};
      for (const [key, property] of Object.entries<Schema>(node.properties ?? {})) {
        const value = build(property, document, key, depth + 1);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    default:
      return undefined;
  }
}

function singular(name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (name === 'ids') return 'id';
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

/**
 * An example value for a schema: the schema's (or its component's) own `examples` where given,
 * else one assembled from its properties with plausible values by name and format.
 */
export function exampleFor(schema: Schema, document: JsonObject): unknown {
  uuidCounter = 0;
  return build(schema, document, undefined, 0);
}
