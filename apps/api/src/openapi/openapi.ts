import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod/mini';
import { PUBLIC_OPERATION_EXTENSION } from '../common/auth/auth.decorators';

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
  const config = new DocumentBuilder()
    .setTitle('Leadbridge API')
    .setDescription(
      'Partners submit leads to companies; companies qualify them, turn them into customers and pay commissions. ' +
        'Errors are RFC 9457 problem+json with a stable `code`. Lists use cursor pagination (`limit`, `cursor` → `nextCursor`). ' +
        'POST requests accept an `Idempotency-Key` header.',
    )
    .setOpenAPIVersion('3.1.0')
    .setVersion('1.0.0')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: 'API key (`sk_…`) or partner session token (`pt_…`)',
        // Opaque tokens, not JWTs (the builder's default would say JWT).
        bearerFormat: 'sk_… | pt_…',
      },
      'bearer',
    )
    .addCookieAuth('lb_session', { type: 'apiKey', in: 'cookie', name: 'lb_session' }, 'session')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('session')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
    standardSchemaConverter: convertStandardSchema,
  });
  markProblemResponses(document);
  describeAuthentication(document);
  return document;
}

type Operation = {
  security?: unknown[];
  parameters?: JsonObject[];
  responses?: Record<string, unknown>;
  [extension: string]: unknown;
};

const PROBLEM_RESPONSE = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * What the guard enforces, stated in the document: public routes need no credentials
 * (`security: []`), every other route may answer 401, and every authenticated POST accepts an
 * `Idempotency-Key` (see IdempotencyInterceptor).
 */
function describeAuthentication(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const [method, value] of Object.entries(item as JsonObject)) {
      if (!value || typeof value !== 'object' || !('responses' in value)) continue;
      const operation = value as Operation;
      if (operation[PUBLIC_OPERATION_EXTENSION]) {
        delete operation[PUBLIC_OPERATION_EXTENSION];
        operation.security = [];
        continue;
      }
      operation.responses ??= {};
      operation.responses['401'] ??= PROBLEM_RESPONSE(
        'Missing, expired or invalid credentials (`unauthenticated`).',
      );
      if (method === 'post') {
        operation.parameters ??= [];
        if (!operation.parameters.some((p) => p.name === 'Idempotency-Key')) {
          operation.parameters.push({
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description:
              'Any unique string (≤ 255 chars). A retry with the same key and body replays the first response instead of acting twice; the same key with another body is refused (422).',
            schema: { type: 'string', maxLength: 255 },
          });
        }
      }
    }
  }
}

/** Error answers are sent as `application/problem+json` (RFC 9457): the document says so too. */
function markProblemResponses(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as JsonObject)) {
      const responses = (operation as { responses?: Record<string, { content?: JsonObject }> })
        ?.responses;
      for (const [status, response] of Object.entries(responses ?? {})) {
        const json = response.content?.['application/json'];
        if (Number(status) < 400 || !response.content || json === undefined) continue;
        const { 'application/json': _json, ...rest } = response.content;
        response.content = { 'application/problem+json': json, ...rest };
      }
    }
  }
}

/** Stable serialisation (sorted keys, trailing newline) so the committed file diffs cleanly. */
export function serializeOpenApi(document: OpenAPIObject): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

/** Serves the document at /v1/openapi.json and browsable docs at /docs. */
export function setupOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  const body = serializeOpenApi(document);
  app
    .getHttpAdapter()
    .get(
      '/v1/openapi.json',
      (_request: unknown, response: { type: (t: string) => { send: (b: string) => void } }) => {
        response.type('application/json').send(body);
      },
    );
  SwaggerModule.setup('docs', app, document, { customSiteTitle: 'Leadbridge API' });
}
