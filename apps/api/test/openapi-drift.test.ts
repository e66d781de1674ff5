import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from './support/test-api';

// The committed apps/api/openapi.json is what the SDK is generated from: it must be exactly
// what the API serves, or the SDK silently describes another API.

interface Operation {
  operationId?: string;
  requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
  responses: Record<
    string,
    { content?: Record<string, { schema?: { $ref?: string; allOf?: { $ref?: string }[] } }> }
  >;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

const committedPath = join(__dirname, '../openapi.json');

// biome-ignore lint/suspicious/noExplicitAny: the document is walked generically.
type Json = any;

describe('committed OpenAPI document', () => {
  let api: TestApi;
  let served: string;
  beforeAll(async () => {
    api = await startTestApi();
    served = (await api.http.get('/v1/openapi.json')).text;
  });
  afterAll(() => api.close());

  it('is exactly the document the API serves', () => {
    const committed = readFileSync(committedPath, 'utf8');
    if (committed !== served) {
      throw new Error(
        'apps/api/openapi.json differs from what the API serves at /v1/openapi.json: run `npm run generate` and commit the result.',
      );
    }
  });

  it('names every operation, body and response, so the SDK gets readable types', () => {
    const document = JSON.parse(served) as Document;
    expect(document.openapi).toBe('3.1.0');
    const problems: string[] = [];
    const seen = new Set<string>();
    const schemaRef = /^#\/components\/schemas\/(.+)$/;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        const id = operation.operationId;
        if (!id || seen.has(id)) problems.push(`${where}: missing or repeated operationId`);
        if (id) seen.add(id);
        for (const [type, body] of Object.entries(operation.requestBody?.content ?? {})) {
          if (type.includes('json') && !body.schema?.$ref) problems.push(`${where}: unnamed body`);
        }
        for (const [status, response] of Object.entries(operation.responses)) {
          for (const [type, content] of Object.entries(response.content ?? {})) {
            const ref = content.schema?.$ref ?? '';
            const named = schemaRef.exec(ref)?.[1];
            if (Number(status) >= 400) {
              // A Problem whose `code` the operation narrows to the codes it can answer.
              const base = content.schema?.allOf?.[0]?.$ref ?? ref;
              if (base !== '#/components/schemas/Problem' || type !== 'application/problem+json') {
                problems.push(`${where}: ${status} is not an application/problem+json Problem`);
              }
            } else if (
              type.includes('json') &&
              (!named || !(named in document.components.schemas))
            ) {
              problems.push(`${where}: ${status} response is not a named schema`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes every operation: summary, description, tags, examples, security, base URL', () => {
    const document = JSON.parse(served) as Json;
    expect(document.servers?.[0]?.url).toBeTruthy();
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
      'apiKey',
      'cookieSession',
      'csrfToken',
      'partnerSession',
    ]);
    const gaps: string[] = [];
    for (const [path, item] of Object.entries<Record<string, Json>>(document.paths)) {
      for (const [method, operation] of Object.entries<Json>(item)) {
        const where = `${operation.operationId} (${method.toUpperCase()} ${path})`;
        if (!operation.summary) gaps.push(`${where}: no summary`);
        if (!operation.description || operation.description.length < 40) {
          gaps.push(`${where}: no description`);
        }
        if (!operation.tags?.length) gaps.push(`${where}: no tags`);
        if (!Array.isArray(operation.security)) gaps.push(`${where}: no security`);
        const bodies = Object.entries<Json>(operation.requestBody?.content ?? {});
        const successes = Object.entries<Json>(operation.responses)
          .filter(([status]) => Number(status) < 400)
          .flatMap(([status, response]) =>
            Object.entries<Json>(response.content ?? {}).map(([type, media]) => [
              `${status} ${type}`,
              media,
            ]),
          );
        for (const [what, media] of [...bodies, ...successes]) {
          if (media.example === undefined && media.examples === undefined) {
            gaps.push(`${where}: ${what} has no example`);
          }
        }
        if (!Object.keys(operation.responses).some((status) => Number(status) < 400)) {
          gaps.push(`${where}: no success response`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });
});
