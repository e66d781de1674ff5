import { PROBLEM_CODES, type ProblemCode } from '../common/problem/problem-codes';

/** Where @nestjs/swagger keeps ApiExtension values (its DECORATORS.API_EXTENSION, not exported). */
const API_EXTENSION_METADATA = 'swagger/apiExtension';

/** The operation's own problem codes, read (and removed) by openapi.ts. */
export const PROBLEMS_EXTENSION = 'x-leadbridge-problems';

export interface ProblemEntry {
  code: ProblemCode;
  status: number;
}

/** A code at another status than its usual one (e.g. `program_archived` as 422). */
export type ProblemSpec = ProblemCode | { code: ProblemCode; status: number };

function appendProblems(target: object, entries: ProblemEntry[]): void {
  const extensions: Record<string, unknown> =
    Reflect.getMetadata(API_EXTENSION_METADATA, target) ?? {};
  const existing = (extensions[PROBLEMS_EXTENSION] as ProblemEntry[] | undefined) ?? [];
  Reflect.defineMetadata(
    API_EXTENSION_METADATA,
    { ...extensions, [PROBLEMS_EXTENSION]: [...existing, ...entries] },
    target,
  );
}

/**
 * The problems an operation answers besides the families every operation of its kind gets
 * (openapi.ts adds those from the route's access rules: 401, 403 partner_forbidden /
 * partner_only / csrf_failed / insufficient_role, 422 validation_failed, 503). Each code is
 * documented with its status and meaning from PROBLEM_CODES, as application/problem+json with
 * `code` restricted to the codes listed, and an example per code. Usable on methods and classes.
 *
 * @example @ApiProblems('not_found', 'duplicate_lead', 'lead_submission_disabled')
 */
export function ApiProblems(...specs: ProblemSpec[]): MethodDecorator & ClassDecorator {
  const entries = specs.map((spec) =>
    typeof spec === 'string' ? { code: spec, status: PROBLEM_CODES[spec].status } : spec,
  );
  const decorator = (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      appendProblems(descriptor.value as object, entries);
      return;
    }
    // On a class: every route method of it.
    const prototype = (target as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name)?.value;
      if (name !== 'constructor' && typeof method === 'function') appendProblems(method, entries);
    }
  };
  return decorator as MethodDecorator & ClassDecorator;
}
