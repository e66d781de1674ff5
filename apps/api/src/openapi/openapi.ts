import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod/mini';

type JsonObject = Record<string, unknown>;

/**
 * zod/mini schemas → OpenAPI. A schema registered in z.globalRegistry with an `id` becomes a
 * named component (so the SDK gets `components['schemas']['Lead']`), referenced by $ref.
 */
function convertStandardSchema(schema: unknown, options: { schemaType: 'input' | 'output' }) {
  const mini = schema as z.ZodMiniType;
  const json = z.toJSONSchema(mini, {
    target: 'openapi-3.0',
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
    components[rootId] = root;
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
    .setVersion('1.0.0')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: 'API key (`sk_…`) or partner session token (`pt_…`)',
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
  return document;
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
