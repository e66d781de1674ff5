import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { Conformance } from './contract/conformance';
import { PRINCIPALS, type PrincipalKind, provisionWorld, type World } from './contract/world';
import {
  bodyFor,
  conforming,
  HOSTILE_STRINGS,
  parameterFor,
} from './reliability/support/schema-arbitraries';
import { importEnv } from './support/imports';
import { startTestApi, type TestApi } from './support/test-api';

// The contract fuzzer: requests generated from the OpenAPI document (valid and invalid), sent as
// an API key, a cookie session and a partner session, and every answer checked against the
// document as a strict client would check it. CONTRACT_FUZZ_RUNS (calls per operation and
// principal) and CONTRACT_FUZZ_SEED explore further than CI's fixed run.

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document and JSON answers are walked generically.
type Json = any;

const RUNS = Number(process.env.CONTRACT_FUZZ_RUNS ?? 14);
const SEED = Number(process.env.CONTRACT_FUZZ_SEED ?? 20260304);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const ANSWER_DEADLINE_MS = 15_000;

interface Operation {
  operationId: string;
  method: string;
  path: string;
  spec: Json;
}

interface Call {
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: string | FormData;
}

/** Which existing id a path parameter names: the segment before it (`/v1/leads/{id}` → leads). */
function resourceOf(path: string, parameter: string): string {
  if (parameter !== 'id') return parameter;
  const segments = path.split('/');
  return segments[segments.indexOf('{id}') - 1] ?? 'id';
}

function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

// Node refuses a request line past 16 kB (431) before any route sees it: not the API's answer.
const MAX_VALUE_URL_LENGTH = 2000;
const MAX_QUERY_URL_LENGTH = 10_000;

/** The value, shortened until its URL encoding fits MAX_VALUE_URL_LENGTH. */
function capped(value: string): string {
  let text = value;
  while (encode(text).length > MAX_VALUE_URL_LENGTH)
    text = text.slice(0, Math.floor(text.length * 0.7));
  return text;
}

/** Puts the world's own ids where a generated value names a program, partner, lead… */
function withOwnIds(value: unknown, ids: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => withOwnIds(item, ids));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'ids' && Array.isArray(item) && ids.leads) out[key] = [ids.leads];
    else if (typeof ids[key] === 'string' && (typeof item === 'string' || item === undefined))
      out[key] = ids[key];
    else out[key] = withOwnIds(item, ids);
  }
  return out;
}

const csvRow = fc
  .tuple(
    fc.oneof(fc.emailAddress(), fc.constantFrom('not-an-email', '', '=cmd|"/c calc"!A1')),
    fc.string({ maxLength: 20 }),
  )
  .map(([email, name]) => `${email},"${name.replace(/"/g, '""')}"`);

/** Upload bodies: a CSV (raw or multipart), sometimes with a mapping, sometimes junk. */
function uploadArbitrary(): fc.Arbitrary<{ body: string | FormData; contentType?: string }> {
  const csv = fc
    .array(csvRow, { minLength: 0, maxLength: 8 })
    .map((rows) => ['Email,First name', ...rows].join('\r\n'));
  return fc.oneof(
    { weight: 4, arbitrary: csv.map((text) => ({ body: text, contentType: 'text/csv' })) },
    {
      weight: 3,
      arbitrary: fc.tuple(csv, fc.boolean()).map(([text, withMapping]) => {
        const form = new FormData();
        if (withMapping) form.append('mapping', JSON.stringify({ 0: 'email', 1: 'firstName' }));
        form.append('file', new Blob([text], { type: 'text/csv' }), 'contract.csv');
        return { body: form };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'binary', maxLength: 300 })
        .map((text) => ({ body: text, contentType: 'text/csv' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...HOSTILE_STRINGS.slice(0, 10))
        .map((text) => ({ body: text, contentType: 'multipart/form-data; boundary=x' })),
    },
    { weight: 1, arbitrary: fc.constant({ body: '{"a":1}', contentType: 'application/json' }) },
  );
}

function callsFor(operation: Operation, world: World, principal: PrincipalKind, document: Json) {
  const parameters: Json[] = operation.spec.parameters ?? [];
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const queryParameters = parameters.filter((p) => p.in === 'query');
  const ownIds = fc.oneof(
    { weight: 3, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  );
  const pathArb = fc.tuple(
    ...pathParameters.map((p) => {
      const own = world.ids[resourceOf(operation.path, p.name)];
      const random = parameterFor(p.schema, document).map((v) =>
        Array.isArray(v) ? v.join(',') : v,
      );
      return own
        ? fc.oneof({ weight: 4, arbitrary: fc.constant(own) }, { weight: 1, arbitrary: random })
        : random;
    }),
  );
  const queryArb = fc.tuple(
    ...queryParameters.map((p) =>
      fc.option(
        fc.oneof(
          { weight: 3, arbitrary: conforming(p.schema ?? {}, document, 0) },
          { weight: 1, arbitrary: parameterFor(p.schema, document) },
        ),
        { nil: undefined, freq: 2 },
      ),
    ),
  );
  const jsonSchema = operation.spec.requestBody?.content?.['application/json']?.schema;
  const uploads = operation.spec.requestBody?.content?.['multipart/form-data'];
  const bodyArb: fc.Arbitrary<{ body: string | FormData; contentType?: string } | undefined> =
    jsonSchema
      ? fc.oneof(
          {
            weight: 6,
            arbitrary: conforming(jsonSchema, document, 0).map((v) => ({
              body: JSON.stringify(v) ?? 'null',
              contentType: 'application/json',
            })),
          },
          {
            weight: 3,
            arbitrary: bodyFor(jsonSchema, document).map((v) => ({
              body: JSON.stringify(v) ?? 'null',
              contentType: 'application/json',
            })),
          },
          {
            weight: 1,
            arbitrary: fc
              .constantFrom('{"a":', '[1,2', '\u0000', '')
              .map((body) => ({ body, contentType: 'application/json' })),
          },
        )
      : uploads
        ? uploadArbitrary()
        : fc.constant(undefined);
  const csrf = fc.oneof(
    { weight: 9, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  );
  const idempotencyKey = fc.option(fc.uuid(), { nil: undefined, freq: 4 });
  return fc
    .tuple(ownIds, pathArb, queryArb, bodyArb, csrf, idempotencyKey)
    .map(([useOwn, pathValues, queryValues, body, sendCsrf, key]): Call => {
      let index = 0;
      // An empty segment would address another operation (`/v1/leads/` is listLeads).
      const path = operation.path.replace(/\{(\w+)\}/g, () =>
        encode(capped(String(pathValues[index++] || 'x'))),
      );
      const query: [string, string][] = [];
      queryParameters.forEach((p, i) => {
        let value: unknown = queryValues[i];
        if (useOwn && typeof world.ids[p.name] === 'string') value = world.ids[p.name];
        if (value === undefined) return;
        for (const item of Array.isArray(value) ? value : [value]) {
          const text = typeof item === 'string' ? item : JSON.stringify(item);
          query.push([p.name, capped(text)]);
        }
      });
      const queryLength = () =>
        query.reduce((sum, [k, v]) => sum + encode(k).length + encode(v).length + 2, 0);
      while (queryLength() > MAX_QUERY_URL_LENGTH) query.pop();
      const headers: Record<string, string> = {};
      if (principal === 'apiKey') headers.authorization = `Bearer ${world.tenant.apiKey}`;
      if (principal === 'partner') {
        headers.authorization = `Bearer ${world.tenant.partners[0]?.token}`;
      }
      if (principal === 'cookie') {
        headers.cookie = `lb_session=${world.cookie.token}`;
        if (operation.method !== 'GET' && sendCsrf) headers['x-csrf-token'] = world.cookie.csrf;
      }
      if (body?.contentType) headers['content-type'] = body.contentType;
      if (operation.method === 'POST' && key) headers['idempotency-key'] = key;
      let payload = body?.body;
      if (useOwn && typeof payload === 'string' && body?.contentType === 'application/json') {
        try {
          payload = JSON.stringify(withOwnIds(JSON.parse(payload), world.ids));
        } catch {
          // Deliberately broken JSON stays broken.
        }
      }
      return { path, query, headers, body: payload };
    });
}

describe('contract fuzzer: every answer is one the OpenAPI document describes', () => {
  let api: TestApi;
  let document: Json;
  let conformance: Conformance;
  const env = importEnv({ WEBHOOK_ALLOW_PRIVATE: 'true' });

  beforeAll(async () => {
    api = await startTestApi(env);
    document = (await api.http.get('/v1/openapi.json')).body;
    conformance = new Conformance(document);
  });
  afterAll(async () => {
    await api?.close();
    rmSync(env.STORAGE_DIR ?? '', { recursive: true, force: true });
  });

  it('has examples that conform to their own schemas', () => {
    expect(conformance.badExamples()).toEqual([]);
  });

  it('answers generated requests from an API key, a cookie session and a partner session as documented', async () => {
    const operations: Operation[] = [];
    for (const [path, item] of Object.entries<Json>(document.paths)) {
      for (const method of METHODS) {
        const spec = item[method];
        if (spec) {
          operations.push({
            operationId: spec.operationId,
            method: method.toUpperCase(),
            path,
            spec,
          });
        }
      }
    }
    expect(operations.length).toBeGreaterThan(80);
    const calls: Record<string, Record<PrincipalKind, number>> = {};
    const perPrincipal: Record<PrincipalKind, number> = { apiKey: 0, cookie: 0, partner: 0 };
    const statuses: Record<string, number> = {};
    const nonConforming: string[] = [];
    for (const [index, operation] of operations.entries()) {
      const world = await provisionWorld(api);
      calls[operation.operationId] = { apiKey: 0, cookie: 0, partner: 0 };
      const samples = PRINCIPALS.map((principal, p) =>
        fc
          .sample(callsFor(operation, world, principal, document), {
            numRuns: RUNS,
            seed: SEED + index * 3 + p,
          })
          .map((call) => ({ principal, call })),
      );
      // Principals take turns, so a destructive call by one is met by the others' next calls.
      for (let n = 0; n < RUNS; n++) {
        for (const list of samples) {
          const sample = list[n];
          if (!sample) continue;
          const { principal, call } = sample;
          const search = call.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
          const url = `${api.url}${call.path}${search ? `?${search}` : ''}`;
          const counts = calls[operation.operationId];
          if (counts) counts[principal]++;
          perPrincipal[principal]++;
          let answer: { status: number; contentType: string; text: string };
          try {
            const response = await fetch(url, {
              method: operation.method,
              headers: call.headers,
              body: call.body,
              signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
            });
            answer = {
              status: response.status,
              contentType: response.headers.get('content-type') ?? '',
              text: await response.text(),
            };
          } catch (error) {
            nonConforming.push(
              `${operation.operationId} as ${principal}: no answer (${(error as Error).message})`,
            );
            continue;
          }
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          const problem = conformance.check(operation.operationId, operation.spec, answer);
          if (problem) {
            const sent =
              typeof call.body === 'string'
                ? call.body.slice(0, 160)
                : call.body
                  ? '(multipart)'
                  : '';
            nonConforming.push(
              `${operation.operationId} as ${principal}: ${problem} — ${operation.method} ${url.slice(api.url.length, api.url.length + 160)} ${sent} → ${answer.text.slice(0, 200)}`,
            );
          }
        }
      }
    }
    const table = Object.entries(calls)
      .map(
        ([id, c]) =>
          `  ${id.padEnd(32)} apiKey ${String(c.apiKey).padStart(3)}  cookie ${String(c.cookie).padStart(3)}  partner ${String(c.partner).padStart(3)}`,
      )
      .join('\n');
    const total = perPrincipal.apiKey + perPrincipal.cookie + perPrincipal.partner;
    console.log(
      `Contract fuzzer (seed ${SEED}, ${RUNS} calls per operation and principal):\n${table}\n` +
        `  calls: ${total} (apiKey ${perPrincipal.apiKey}, cookie ${perPrincipal.cookie}, partner ${perPrincipal.partner}); ` +
        `statuses ${JSON.stringify(statuses)}; non-conforming answers: ${nonConforming.length}`,
    );
    expect(nonConforming).toEqual([]);
    expect(Object.keys(statuses).filter((status) => Number(status) >= 500)).toEqual([]);
  }, 600_000);
});
