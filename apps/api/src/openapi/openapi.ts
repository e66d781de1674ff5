import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod/mini';
import {
  ACCESS_EXTENSION,
  FIRST_PARTY_WRITES_EXTENSION,
  MEMBER_WRITE_EXTENSION,
  PUBLIC_OPERATION_EXTENSION,
  ROLES_EXTENSION,
} from '../common/auth/auth.decorators';
import type { HttpReply } from '../common/http/http';
import { problemSchema } from '../common/problem/problem.schema';
import { PROBLEM_CODES, type ProblemCode } from '../common/problem/problem-codes';
import { PROBLEMS_EXTENSION, type ProblemEntry } from './api-problems';
import { API_DESCRIPTION, SECURITY_SCHEMES, SERVERS, TAGS } from './document-texts';
import { exampleFor, problemExample } from './examples';
import { setupReferencePage } from './reference-page';

type JsonObject = Record<string, unknown>;

/**
 * zod/mini schemas → OpenAPI 3.1 (whose schema dialect is JSON Schema draft 2020-12, so nullable
 * fields come out as `type: [x, 'null']`). A schema registered in z.globalRegistry with an `id`
 * becomes a named component (so the SDK gets `components['schemas']['Lead']`), referenced by $ref.
 */
function convertStandardSchema(schema: unknown, options: { schemaType: 'input' | 'output' }) {
  const mini = schema as z.ZodMiniType;
  const json = z.toJSONSchema(mini, {
    target: 'draft-2020-12',
    io: options.schemaType,
    unrepresentable: 'any',
  }) as JsonObject;
  const {
    $defs,
    $schema: _ignored,
    id,
    ...root
  } = json as JsonObject & {
    $defs?: Record<string, JsonObject>;
    id?: string;
  };
  const components: Record<string, JsonObject> = { ...($defs ?? {}) };
  const rootId = typeof id === 'string' ? id : z.globalRegistry.get(mini)?.id;
  if (rootId) {
    // An identified root comes back as `{ $ref: '#/$defs/<id>' }` with its body in $defs: keep
    // that body as the component, or the component would be a reference to itself.
    const rootIsOnlyARef = Object.keys(root).length === 1 && typeof root.$ref === 'string';
    if (!(rootIsOnlyARef && components[rootId])) components[rootId] = root;
    return { schema: { $ref: `#/components/schemas/${rootId}` }, components };
  }
  return { schema: root, components };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value as JsonObject)
      .sort()
      .map((key) => [key, sortKeys((value as JsonObject)[key])]),
  );
}

/** Builds the API's OpenAPI document; operationId = the controller method's name. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Leadbridge API')
    .setDescription(API_DESCRIPTION)
    .setOpenAPIVersion('3.1.0')
    .setVersion('1.0.0')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT');
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) {
    builder.addSecurity(name, scheme);
  }
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
    standardSchemaConverter: convertStandardSchema,
  });
  document.servers = SERVERS;
  document.tags = TAGS;
  // Problem answers are added below from codes, not from a route's schema: name their schema here.
  const problem = convertStandardSchema(problemSchema, { schemaType: 'output' });
  const named = JSON.parse(
    JSON.stringify(problem.components).replaceAll('"#/$defs/', '"#/components/schemas/'),
  );
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ...named };
  describeOperations(document);
  return document;
}

interface MediaType {
  schema?: JsonObject;
  example?: unknown;
  examples?: Record<string, unknown>;
}

interface ResponseObject {
  description?: string;
  content?: Record<string, MediaType>;
  headers?: Record<string, unknown>;
}

type Operation = {
  operationId?: string;
  summary?: string;
  security?: unknown[];
  parameters?: JsonObject[];
  requestBody?: { content?: Record<string, MediaType>; required?: boolean };
  responses?: Record<string, ResponseObject>;
  [extension: string]: unknown;
};

type Access = 'public' | 'company' | 'partner' | 'partner-only';

const SAFE_METHODS = new Set(['get', 'head', 'options']);

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before retrying.',
    schema: { type: 'integer', minimum: 1 },
  },
};

/**
 * Who may call an operation, as the AuthGuard decides it: public routes need no credentials;
 * every other one takes an API key or a cookie session (writes with the CSRF header), and
 * partner sessions where the route allows them.
 */
function securityFor(access: Access, method: string, userOnly: boolean): unknown[] {
  if (access === 'public') return [];
  if (access === 'partner-only') return [{ partnerSession: [] }];
  const cookie = SAFE_METHODS.has(method)
    ? { cookieSession: [] }
    : { cookieSession: [], csrfToken: [] };
  const company = userOnly ? [cookie] : [{ apiKey: [] }, cookie];
  return access === 'partner' ? [...company, { partnerSession: [] }] : company;
}

/** The problem families that follow from an operation's access rules and shape. */
function derivedProblems(
  access: Access,
  method: string,
  operation: Operation,
  roles: boolean,
  memberWrite: boolean,
  firstPartyWrites: boolean,
): ProblemCode[] {
  const unsafe = !SAFE_METHODS.has(method);
  const codes: ProblemCode[] = ['validation_failed', 'service_unavailable'];
  if (operation.requestBody?.content?.['application/json']) {
    codes.push('invalid_json', 'payload_too_large');
  }
  if (access === 'public') {
    // Sign-in and sign-up start cookie sessions, so a page of another site may not send them.
    if (unsafe && firstPartyWrites) codes.push('origin_not_allowed');
    return codes;
  }
  codes.push('unauthenticated');
  if (access === 'company') codes.push('partner_forbidden');
  if (access === 'partner-only') codes.push('partner_only');
  // Partner sessions: only from the program's allowed origins. Company routes: an API key sent
  // by a browser page, or a cookie-session write from another site (common/http/cors.ts).
  codes.push('origin_not_allowed');
  if (access !== 'partner-only') {
    if (unsafe) codes.push('csrf_failed');
    if (roles || (unsafe && !memberWrite)) codes.push('insufficient_role');
  }
  if (method === 'post') {
    codes.push('idempotency_in_progress', 'idempotency_conflict', 'idempotency_key_reused');
  }
  return codes;
}

/** One response per status: problem+json, `code` limited to the listed codes, an example each. */
function problemResponse(status: number, codes: ProblemCode[]): ResponseObject {
  const unique = [...new Set(codes)].sort();
  const lines = unique.map((code) => `- \`${code}\`: ${PROBLEM_CODES[code].meaning}`);
  const response: ResponseObject = {
    description: lines.join('\n'),
    content: {
      'application/problem+json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/Problem' },
            { type: 'object', properties: { code: { type: 'string', enum: unique } } },
          ],
        },
        examples: Object.fromEntries(
          unique.map((code) => [
            code,
            { summary: PROBLEM_CODES[code].meaning, value: problemExample(code, status) },
          ]),
        ),
      },
    },
  };
  if (status === 429 || status === 503) response.headers = RETRY_AFTER;
  return response;
}

function readExtension<T>(operation: Operation, name: string): T | undefined {
  const value = operation[name] as T | undefined;
  delete operation[name];
  return value;
}

/**
 * Completes every operation from what the routes declare: security, every problem it can answer
 * (its ApiProblems codes plus the families its access rules imply), the `Idempotency-Key`
 * header on authenticated POSTs, and examples for bodies that declare none.
 */
function describeOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const [method, value] of Object.entries(item as JsonObject)) {
      if (!value || typeof value !== 'object' || !('responses' in value)) continue;
      const operation = value as Operation;
      const isPublic = readExtension<boolean>(operation, PUBLIC_OPERATION_EXTENSION) === true;
      const partner = readExtension<'partner' | 'partner-only'>(operation, ACCESS_EXTENSION);
      const roles = readExtension<string[]>(operation, ROLES_EXTENSION);
      const memberWrite = readExtension<boolean>(operation, MEMBER_WRITE_EXTENSION) === true;
      const firstPartyWrites =
        readExtension<boolean>(operation, FIRST_PARTY_WRITES_EXTENSION) === true;
      const own = readExtension<ProblemEntry[]>(operation, PROBLEMS_EXTENSION) ?? [];
      const access: Access = isPublic ? 'public' : (partner ?? 'company');
      const userOnly = own.some((entry) => entry.code === 'user_session_required');
      operation.security = securityFor(access, method, userOnly);

      const byStatus = new Map<number, ProblemCode[]>();
      const add = (status: number, code: ProblemCode) =>
        byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
      for (const code of derivedProblems(
        access,
        method,
        operation,
        Boolean(roles),
        memberWrite,
        firstPartyWrites,
      )) {
        add(PROBLEM_CODES[code].status, code);
      }
      for (const entry of own) add(entry.status, entry.code);
      operation.responses ??= {};
      for (const [status, response] of Object.entries(operation.responses)) {
        // An error response declared without codes (a plain @ApiResponse) still says problem+json.
        if (Number(status) >= 400 && !byStatus.has(Number(status))) {
          operation.responses[status] = {
            description: response.description ?? 'Problem',
            content: {
              'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
            },
          };
        }
      }
      for (const [status, codes] of byStatus) {
        operation.responses[String(status)] = problemResponse(status, codes);
      }

      const csv = operation.requestBody?.content?.['text/csv'];
      if (csv) {
        // A text/csv body is the file itself (the options go in the query), not the form.
        operation.requestBody = {
          ...operation.requestBody,
          content: {
            ...operation.requestBody?.content,
            'text/csv': {
              schema: { type: 'string', description: 'The CSV file itself, streamed as the body.' },
              example: CSV_EXAMPLE,
            },
          },
        };
      }
      if (method === 'post' && access !== 'public') addIdempotencyKey(operation);
      addExamples(document, operation);
    }
  }
}

function addIdempotencyKey(operation: Operation): void {
  operation.parameters ??= [];
  if (operation.parameters.some((p) => p.name === 'Idempotency-Key')) return;
  operation.parameters.push({
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Any unique string (1–255 characters). A retry with the same key and body replays the first answer (with `Idempotent-Replayed: true`) instead of acting twice; the same key with another body is refused (422 `idempotency_key_reused`).',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
    example: '4f9c2a1e-7b1d-4e53-9a51-0c7de8a2b6f1',
  });
}

const CSV_EXAMPLE =
  'Email,First name,Last name,Company\nada.lovelace@example.com,Ada,Lovelace,Analytical Engines Ltd\n';

/** Examples for request and success bodies that declare none: built from their schemas. */
function addExamples(document: OpenAPIObject, operation: Operation): void {
  const media = [
    ...Object.entries(operation.requestBody?.content ?? {}),
    ...Object.entries(operation.responses ?? {})
      .filter(([status]) => Number(status) < 400)
      .flatMap(([, response]) => Object.entries(response.content ?? {})),
  ];
  for (const [type, content] of media) {
    if (content.example !== undefined || content.examples !== undefined || !content.schema) {
      continue;
    }
    if (type === 'text/csv') {
      content.example = CSV_EXAMPLE;
      continue;
    }
    const example = exampleFor(content.schema, document as unknown as JsonObject);
    if (example !== undefined) content.example = example;
  }
}

/** Stable serialisation (sorted keys, trailing newline) so the committed file diffs cleanly. */
export function serializeOpenApi(document: OpenAPIObject): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

/** Serves the document at /v1/openapi.json and the API reference at /docs. */
export function setupOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  const body = serializeOpenApi(document);
  app.getHttpAdapter().get('/v1/openapi.json', (_request: unknown, response: HttpReply) => {
    response.type('application/json').send(body);
  });
  setupReferencePage(app);
}
