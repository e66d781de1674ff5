import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is walked generically.
type Json = any;

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** The media type without parameters: `text/csv; charset=utf-8` → `text/csv`. */
function mediaType(contentType: string): string {
  return contentType.split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Checks answers against the OpenAPI document as a strict client would: the status is one the
 * operation lists, the content type one that status declares, and a JSON body valid against
 * its schema (ajv, JSON Schema 2020-12 — the dialect of OpenAPI 3.1).
 */
export class Conformance {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: Json) {
    // Not strict: schemas carry OpenAPI's own keywords (`example`) beside JSON Schema's.
    this.ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats(this.ajv);
    // Every schema compiled below resolves `#/components/…` against this resource.
    this.ajv.addSchema({
      $id: 'https://leadbridge.dev/openapi.json',
      components: document.components,
    });
  }

  private validator(key: string, schema: Json): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      const rebased = JSON.parse(
        JSON.stringify(schema).replaceAll(
          '"#/components/',
          '"https://leadbridge.dev/openapi.json#/components/',
        ),
      );
      validate = this.ajv.compile(rebased);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /** Why the answer breaks the contract of `operation`, or null when it keeps it. */
  check(operationId: string, operation: Json, answer: Answer): string | null {
    if (answer.status >= 500) return `${answer.status} (a server error)`;
    const response = operation.responses?.[String(answer.status)] ?? operation.responses?.default;
    if (!response) {
      return `status ${answer.status} is not documented (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`;
    }
    const content: Record<string, Json> = response.content ?? {};
    if (Object.keys(content).length === 0) {
      return answer.text === '' ? null : `${answer.status} has a body but documents none`;
    }
    const type = mediaType(answer.contentType);
    const media = content[type];
    if (!media) {
      return `${answer.status} answered ${type || 'no content type'}; documented: ${Object.keys(content).join(', ')}`;
    }
    if (!type.includes('json')) return null;
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      return `${answer.status} ${type} body is not JSON`;
    }
    if (!media.schema) return null;
    const validate = this.validator(`${operationId} ${answer.status} ${type}`, media.schema);
    if (validate(body)) return null;
    const first = validate.errors?.[0];
    return `${answer.status} body breaks its schema: ${first?.instancePath || '/'} ${first?.message} ${JSON.stringify(first?.params)}`;
  }

  /** Every example in the document (request, response, problem), checked against its schema. */
  badExamples(): string[] {
    const found: string[] = [];
    for (const [path, item] of Object.entries<Json>(this.document.paths)) {
      for (const [method, operation] of Object.entries<Json>(item)) {
        const media: [string, Json][] = [
          ...Object.entries<Json>(operation.requestBody?.content ?? {}).map(
            ([type, value]): [string, Json] => [`request ${type}`, value],
          ),
          ...Object.entries<Json>(operation.responses ?? {}).flatMap(([status, response]) =>
            Object.entries<Json>(response.content ?? {}).map(([type, value]): [string, Json] => [
              `${status} ${type}`,
              value,
            ]),
          ),
        ];
        for (const [where, value] of media) {
          if (!value.schema || !where.includes('json')) continue;
          const examples = [
            ...(value.example !== undefined ? [value.example] : []),
            ...Object.values<Json>(value.examples ?? {}).map((example) => example.value),
          ];
          const validate = this.validator(`example ${method} ${path} ${where}`, value.schema);
          for (const example of examples) {
            if (!validate(example)) {
              const first = validate.errors?.[0];
              found.push(
                `${operation.operationId} ${where}: ${first?.instancePath || '/'} ${first?.message}`,
              );
            }
          }
        }
      }
    }
    return found;
  }
}
