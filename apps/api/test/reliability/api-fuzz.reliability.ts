import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Offer } from '@leadbridge/core';
import fc from 'fast-check';
import { importEnv } from '../support/imports';
import { type SeededTenant, seedTenant } from '../support/seed';
import { startTestApi, type TestApi } from '../support/test-api';
import { bodyFor, HOSTILE_STRINGS, parameterFor } from './support/schema-arbitraries';
import { tally } from './support/tally';
import { partnerToken, present } from './support/tenant';

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document and JSON answers are walked generically.
type Json = any;

const RUNS_PER_CALLER = 10;
const ANSWER_DEADLINE_MS = 15_000;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const OFFER: Offer = {
  rules: [{ kind: 'flat', stage: 'closed_won', amount: { amount: 100, currency: 'USD' } }],
};

interface Operation {
  operationId: string;
  method: string;
  path: string;
  spec: Json;
}

/** A tenant with one of everything, so fuzzed requests can also name ids that exist. */
interface Provisioned {
  tenant: SeededTenant;
  ids: Record<string, string>;
}

interface FuzzRequest {
  path: string;
  query: [string, string][];
  body?: { text: string; contentType: string };
  idempotencyKey?: string;
}

/** encodeURIComponent that survives lone surrogates (which it refuses). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

/** Which resource an `{id}` names: the path segment before it (`/v1/leads/{id}` → leads). */
function resourceOf(path: string, parameter: string): string {
  if (parameter !== 'id') return parameter;
  const segments = path.split('/');
  return segments[segments.indexOf('{id}') - 1] ?? 'id';
}

describe('API fuzzer: every operation with random and hostile input', () => {
  let api: TestApi;
  let document: Json;
  let requests = 0;
  const failures: string[] = [];
  const statuses: Record<string, number> = {};

  // Uploads land in a temp folder of this run, removed afterwards.
  const env = importEnv({ WEBHOOK_ALLOW_PRIVATE: 'true' });

  beforeAll(async () => {
    api = await startTestApi(env);
    document = (await api.http.get('/v1/openapi.json')).body;
  });
  afterAll(async () => {
    tally('requests fuzzed', requests);
    console.log(`API fuzzer: ${requests} requests; statuses ${JSON.stringify(statuses)}`);
    await api?.close();
    rmSync(env.STORAGE_DIR ?? '', { recursive: true, force: true });
  });

  async function provision(): Promise<Provisioned> {
    const tenant = await seedTenant(api.db, { partners: 1, offer: OFFER });
    const partner = partnerToken(tenant);
    const must = async (
      method: string,
      path: string,
      token: string,
      body?: unknown,
      raw?: string,
    ) => {
      const response = raw
        ? await api.http.request(method, path, {
            token,
            raw,
            headers: { 'content-type': 'text/csv' },
          })
        : await api.http.request(method, path, { token, body });
      if (response.status >= 300)
        throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
      return response.body;
    };
    const endpoint = await must('POST', '/v1/webhook-endpoints', tenant.apiKey, {
      url: 'http://127.0.0.1:9/fuzz',
      events: ['lead.created'],
    });
    const lead = await must('POST', '/v1/leads', partner, {
      email: `fuzz-${randomBytes(4).toString('hex')}@example.com`,
    });
    const won = await must('POST', '/v1/leads', partner, {
      email: `won-${randomBytes(4).toString('hex')}@example.com`,
    });
    const customer = await must('POST', `/v1/leads/${won.id}/stage`, tenant.apiKey, {
      stage: 'closed_won',
    });
    const thread = await must('POST', '/v1/message-threads', partner, {
      subject: 'Fuzz',
      body: 'Fuzz',
    });
    const invitation = await must('POST', '/v1/invitations', tenant.apiKey, {
      email: `invite-${randomBytes(4).toString('hex')}@example.com`,
      role: 'member',
    });
    const upload = await must(
      'POST',
      '/v1/imports?fileName=f.csv',
      partner,
      undefined,
      'Email\r\nimp@example.com\r\n',
    );
    const { rows } = await api.db.query(
      `SELECT (SELECT id FROM commissions WHERE company_id = $1 LIMIT 1) AS commission,
              (SELECT id FROM webhook_deliveries WHERE company_id = $1 LIMIT 1) AS delivery,
              (SELECT id FROM api_keys WHERE company_id = $1 LIMIT 1) AS api_key`,
      [tenant.companyId],
    );
    return {
      tenant,
      ids: {
        leads: lead.id,
        customers: customer.customer.id,
        commissions: rows[0].commission,
        'message-threads': thread.id,
        programs: tenant.programId,
        partners: present(tenant.partners[0], 'partner').id,
        partnerId: present(tenant.partners[0], 'partner').id,
        'webhook-endpoints': endpoint.id,
        'webhook-deliveries': rows[0].delivery,
        'api-keys': rows[0].api_key,
        users: tenant.ownerId,
        invitations: invitation.id,
        imports: upload.id,
        publishableKey: tenant.publishableKey,
      },
    };
  }

  function requestsFor(operation: Operation, own: Provisioned): fc.Arbitrary<FuzzRequest> {
    const parameters: Json[] = operation.spec.parameters ?? [];
    const pathParameters = parameters.filter((p) => p.in === 'path');
    const queryParameters = parameters.filter((p) => p.in === 'query');
    const pathArb = fc.tuple(
      ...pathParameters.map((p) => {
        const ownId = own.ids[resourceOf(operation.path, p.name)];
        const random = parameterFor(p.schema, document).map((v) =>
          Array.isArray(v) ? v.join(',') : v,
        );
        // Existing ids reach deeper code; never for DELETE, which would remove the fuzzer's own ground.
        return ownId && operation.method !== 'DELETE'
          ? fc.oneof({ weight: 2, arbitrary: fc.constant(ownId) }, { weight: 1, arbitrary: random })
          : random;
      }),
    );
    const queryArb = fc.tuple(
      ...queryParameters.map((p) =>
        fc.option(parameterFor(p.schema, document), { nil: undefined }),
      ),
      fc.option(
        fc.constantFrom('__proto__[polluted]', 'constructor[prototype][polluted]', 'limit[]'),
        {
          nil: undefined,
        },
      ),
    );
    const json = operation.spec.requestBody?.content?.['application/json']?.schema;
    const bodyArb: fc.Arbitrary<FuzzRequest['body']> = json
      ? fc.oneof(
          {
            weight: 8,
            arbitrary: bodyFor(json, document).map((v) => ({
              text: JSON.stringify(v) ?? 'null',
              contentType: 'application/json',
            })),
          },
          {
            weight: 1,
            arbitrary: fc
              .constantFrom('{"a":', '[1,2', '{"__proto__":{"x":1}}', '\u0000')
              .map((text) => ({ text, contentType: 'application/json' })),
          },
          {
            weight: 1,
            arbitrary: fc.string().map((text) => ({ text, contentType: 'text/plain' })),
          },
        )
      : operation.spec.requestBody
        ? fc.oneof(
            fc
              .string({ unit: 'binary', maxLength: 500 })
              .map((text) => ({ text, contentType: 'text/csv' })),
            fc
              .constantFrom(...HOSTILE_STRINGS)
              .map((text) => ({ text, contentType: 'multipart/form-data; boundary=x' })),
          )
        : fc.constant(undefined);
    const keyArb = fc.option(fc.oneof(fc.uuid(), fc.constantFrom(...HOSTILE_STRINGS)), {
      nil: undefined,
    });
    return fc
      .tuple(pathArb, queryArb, bodyArb, keyArb)
      .map(([pathValues, queryValues, body, key]) => {
        let index = 0;
        const path = operation.path.replace(/\{(\w+)\}/g, () =>
          encode(String(pathValues[index++] ?? '')),
        );
        const query: [string, string][] = [];
        queryParameters.forEach((p, i) => {
          const value = queryValues[i];
          if (value === undefined) return;
          for (const item of Array.isArray(value) ? value : [value]) query.push([p.name, item]);
        });
        const junk = queryValues[queryParameters.length];
        if (typeof junk === 'string') query.push([junk, '1']);
        return { path, query, body, idempotencyKey: operation.method === 'POST' ? key : undefined };
      });
  }

  async function send(operation: Operation, request: FuzzRequest, token: string): Promise<void> {
    const search = request.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (request.body) headers['content-type'] = request.body.contentType;
    if (request.idempotencyKey !== undefined) {
      // Header values must be Latin-1 without control characters on the wire.
      headers['idempotency-key'] = request.idempotencyKey.replace(/[^\x20-\x7e]/g, '?');
    }
    const url = `${api.url}${request.path}${search ? `?${search}` : ''}`;
    requests++;
    let status: number;
    let text = '';
    let contentType = '';
    try {
      const response = await fetch(url, {
        method: operation.method,
        headers,
        body: request.body?.text,
        signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
      });
      status = response.status;
      contentType = response.headers.get('content-type') ?? '';
      text = await response.text();
    } catch (error) {
      failures.push(
        `${operation.operationId} ${operation.method} ${url.slice(0, 200)}: no answer (${(error as Error).message})`,
      );
      return;
    }
    statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
    const describe = () =>
      `${operation.operationId} ${operation.method} ${url.slice(0, 200)} body ${(request.body?.text ?? '').slice(0, 200)}`;
    if (status >= 500) failures.push(`${describe()} → ${status} ${text.slice(0, 300)}`);
    else if (status >= 400 && contentType.includes('json') && !/"code":"[a-z_]+"/.test(text)) {
      failures.push(`${describe()} → ${status} without a problem code: ${text.slice(0, 200)}`);
    }
  }

  it('answers every operation, as a company and as a partner, without a 500 or a hang', async () => {
    const operations: Operation[] = [];
    for (const [path, item] of Object.entries<Json>(document.paths)) {
      for (const method of METHODS) {
        if (item[method])
          operations.push({
            operationId: item[method].operationId,
            method: method.toUpperCase(),
            path,
            spec: item[method],
          });
      }
    }
    expect(operations.length).toBeGreaterThan(50);
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
    for (const [index, operation] of operations.entries()) {
      const own = await provision();
      const samples = fc.sample(requestsFor(operation, own), {
        numRuns: 2 * RUNS_PER_CALLER,
        seed: seed + index,
      });
      for (const [n, request] of samples.entries()) {
        await send(operation, request, n % 2 === 0 ? own.tenant.apiKey : partnerToken(own.tenant));
      }
    }
    expect({ seed, failures }).toEqual({ seed, failures: [] });
    const health = await api.http.get('/health');
    expect(health.status).toBe(200);
  });

  it('refuses NUL characters and broken unicode in every parameter and stored text field without a 500', async () => {
    const own = await provision();
    const company = own.tenant.apiKey;
    const partner = partnerToken(own.tenant);
    const ids = own.ids;
    const fresh = () => `sweep-${randomBytes(5).toString('hex')}@example.com`;
    const leadNow = async () =>
      (await api.http.get(`/v1/leads/${ids.leads}`, { token: company })).body;
    const otherStage = async () =>
      (await leadNow()).stage === 'qualified' ? 'unqualified' : 'qualified';
    // A valid request per operation that stores or looks up free text; each string field in it
    // is then replaced, one at a time, by each broken value.
    const bases: Record<
      string,
      {
        token: string;
        path: string;
        method?: 'PATCH';
        body: () => Promise<Record<string, unknown>>;
      }
    > = {
      createLead: {
        token: partner,
        path: '/v1/leads',
        body: async () => ({
          email: fresh(),
          firstName: 'A',
          lastName: 'B',
          company: 'C',
          fields: { note: 'n' },
        }),
      },
      updateLead: {
        token: partner,
        method: 'PATCH',
        path: `/v1/leads/${ids.leads}`,
        body: async () => ({
          version: (await leadNow()).version,
          firstName: 'A',
          lastName: 'B',
          company: 'C',
        }),
      },
      changeLeadStage: {
        token: company,
        path: `/v1/leads/${ids.leads}/stage`,
        body: async () => ({ stage: await otherStage(), reason: 'R' }),
      },
      bulkChangeLeadStage: {
        token: company,
        path: '/v1/leads/bulk-stage',
        body: async () => ({ ids: [ids.leads], stage: await otherStage(), reason: 'R' }),
      },
      createMessageThread: {
        token: partner,
        path: '/v1/message-threads',
        body: async () => ({ subject: 'S', body: 'B' }),
      },
      createMessage: {
        token: company,
        path: `/v1/message-threads/${ids['message-threads']}/messages`,
        body: async () => ({ body: 'B' }),
      },
      createProgram: {
        token: company,
        path: '/v1/programs',
        body: async () => ({
          name: 'P',
          currency: 'USD',
          description: 'D',
          portalUrl: 'https://portal.example',
        }),
      },
      updateProgram: {
        token: company,
        method: 'PATCH',
        path: `/v1/programs/${ids.programs}`,
        body: async () => ({ name: 'P', description: 'D', portalUrl: 'https://portal.example' }),
      },
      createPartner: {
        token: company,
        path: '/v1/partners',
        body: async () => ({ name: 'N', email: fresh() }),
      },
      updatePartner: {
        token: company,
        method: 'PATCH',
        path: `/v1/partners/${ids.partners}`,
        body: async () => ({ name: 'N' }),
      },
      updateCompany: {
        token: company,
        method: 'PATCH',
        path: '/v1/company',
        body: async () => ({ name: 'N' }),
      },
      createWebhookEndpoint: {
        token: company,
        path: '/v1/webhook-endpoints',
        body: async () => ({
          url: 'http://127.0.0.1:9/x',
          events: ['lead.created'],
          description: 'D',
        }),
      },
      updateWebhookEndpoint: {
        token: company,
        method: 'PATCH',
        path: `/v1/webhook-endpoints/${ids['webhook-endpoints']}`,
        body: async () => ({ url: 'http://127.0.0.1:9/y', description: 'D' }),
      },
      createCustomerTransaction: {
        token: company,
        path: `/v1/customers/${ids.customers}/transactions`,
        body: async () => ({ externalId: fresh(), amount: 100, currency: 'USD', description: 'D' }),
      },
      bulkUpdateCommissionStatus: {
        token: company,
        path: '/v1/commissions/bulk-status',
        body: async () => ({ ids: [ids.commissions], status: 'declined', reason: 'R' }),
      },
      createPartnerSession: {
        token: company,
        path: '/v1/partner-sessions',
        body: async () => ({ programId: ids.programs, partnerKey: 'k' }),
      },
      signIn: {
        token: '',
        path: '/v1/auth/sign-in',
        body: async () => ({ email: fresh(), password: 'p' }),
      },
      signUp: {
        token: '',
        path: '/v1/auth/sign-up',
        body: async () => ({
          companyName: 'C',
          name: 'N',
          email: fresh(),
          password: 'password-123456',
        }),
      },
      requestSignInCode: {
        token: '',
        path: '/v1/partner-sign-in/codes',
        body: async () => ({ publishableKey: ids.publishableKey, email: fresh() }),
      },
      verifySignInCode: {
        token: '',
        path: '/v1/partner-sign-in/verify',
        body: async () => ({ publishableKey: 'pk_x', email: fresh(), code: '123456' }),
      },
    };
    const broken = ['a\u0000b', '\ud800x', '\u0000'];
    const findings: string[] = [];
    const record = (what: string, status: number, text: string) => {
      requests++;
      statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
      if (status >= 500) findings.push(`${what} → ${status} ${text.slice(0, 160)}`);
    };
    for (const [operationId, base] of Object.entries(bases)) {
      const sample = await base.body();
      const fields = Object.entries(sample)
        .filter(([, value]) => typeof value === 'string')
        .map(([key]) => key);
      if (sample.fields) fields.push('fields.note');
      for (const field of fields) {
        for (const value of broken) {
          const body = await base.body();
          if (field === 'fields.note') body.fields = { note: value };
          else body[field] = value;
          const answer = await api.http.request(base.method ?? 'POST', base.path, {
            token: base.token || undefined,
            raw: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          });
          record(`${operationId} ${field}=${JSON.stringify(value)}`, answer.status, answer.text);
        }
      }
    }
    // Every query and path parameter, as a company and as a partner.
    for (const [path, item] of Object.entries<Json>(document.paths)) {
      for (const method of METHODS) {
        const spec = item[method];
        if (!spec) continue;
        for (const parameter of (spec.parameters ?? []) as Json[]) {
          if (parameter.in !== 'query' && parameter.in !== 'path') continue;
          for (const token of [company, partner]) {
            const value = encode('a\u0000b');
            const url =
              parameter.in === 'path'
                ? path
                    .replace(`{${parameter.name}}`, value)
                    .replace(
                      /\{(\w+)\}/g,
                      (_all, name: string) => ids[resourceOf(path, name)] ?? 'x',
                    )
                : `${path.replace(/\{(\w+)\}/g, (_all, name: string) => ids[resourceOf(path, name)] ?? 'x')}?${encode(parameter.name)}=${value}`;
            if (method === 'delete' && parameter.in === 'query') continue;
            const response = await api.http.request(method.toUpperCase(), url, { token });
            record(
              `${spec.operationId} ${parameter.in} ${parameter.name}=NUL`,
              response.status,
              response.text,
            );
          }
        }
      }
    }
    expect(findings).toEqual([]);
  });

  it('stores script and SQL payloads as the exact text sent, and answers them as JSON', async () => {
    const own = await provision();
    const partner = partnerToken(own.tenant);
    const payload = {
      email: `xss-${randomBytes(4).toString('hex')}@example.com`,
      firstName: '<script>alert("lead")</script>',
      lastName: '<img src=x onerror=alert(1)>',
      company: "' OR 1=1 --",
    };
    const created = await api.http.post('/v1/leads', payload, { token: partner });
    expect(created.status).toBe(201);
    const read = await api.http.get(`/v1/leads/${created.body.id}`, { token: own.tenant.apiKey });
    expect(read.body).toMatchObject({
      firstName: payload.firstName,
      lastName: payload.lastName,
      company: payload.company,
    });
    // Served as data, never as a page a browser would render.
    expect(read.headers.get('content-type')).toContain('application/json');
    expect(read.headers.get('x-content-type-options')).toBe('nosniff');

    const body = '<script>alert("message")</script><img src=x onerror=alert(2)>';
    const thread = await api.http.post(
      '/v1/message-threads',
      { subject: '<b onmouseover=alert(3)>hi</b>', body },
      { token: partner },
    );
    expect(thread.status).toBe(201);
    expect(thread.body.subject).toBe('<b onmouseover=alert(3)>hi</b>');
    const messages = await api.http.get(`/v1/message-threads/${thread.body.id}/messages`, {
      token: own.tenant.apiKey,
    });
    expect(messages.body.data.map((m: Json) => m.body)).toEqual([body]);

    // The partner's status email shows the name as text: escaped in HTML, never live markup.
    const moved = await api.http.post(
      `/v1/leads/${created.body.id}/stage`,
      { stage: 'qualified' },
      { token: own.tenant.apiKey },
    );
    expect(moved.status).toBe(200);
    const { rows } = await api.db.query<{ html_body: string; text_body: string }>(
      `SELECT html_body, text_body FROM email_outbox
        WHERE company_id = $1 AND kind = 'lead_stage' AND text_body LIKE '%alert("lead")%'`,
      [own.tenant.companyId],
    );
    expect(rows).toHaveLength(1);
    for (const email of rows) {
      // The text part keeps the name as typed; the HTML part shows it, escaped.
      expect(email.text_body).toContain(payload.firstName);
      expect(email.html_body).not.toContain('<script>');
      expect(email.html_body).not.toContain('<img src=x');
      expect(email.html_body).toContain('&lt;script&gt;');
    }
  });
});
