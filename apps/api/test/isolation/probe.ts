import { appendFileSync } from 'node:fs';
import type { TestApi } from '../support/test-api';
import { type Credentials, type SendOptions, send } from './http';
import type { Access, Caller, Probe, ProbeRequest, Self, Target } from './operations';

/** One operation of the served OpenAPI document. */
export interface Operation {
  operationId: string;
  method: string;
  path: string;
}

/** Who attacks whom: a caller with credentials, the victim's ids, and what must not leak. */
export interface Attack {
  label: string;
  caller: Caller;
  credentials: Credentials;
  target: Target;
  /** The target with every victim value swapped for one nobody has. */
  ghost: Target;
  me: Self;
  /** The victim's identifying values (ids, names, emails, keys) the caller must never see. */
  secrets: Set<string>;
}

export interface Finding {
  attack: string;
  operation: string;
  probe: string;
  problem: string;
}

export interface Tally {
  requests: number;
  probes: number;
  operations: Set<string>;
}

export function newTally(): Tally {
  return { requests: 0, probes: 0, operations: new Set() };
}

/** What the caller may get back from an operation, given who may call it. */
export function expectedStatuses(access: Access, probe: Probe, caller: Caller): number[] {
  if (caller === 'partner' && access === 'company') return [403];
  if (caller !== 'partner' && caller !== 'anonymous' && access === 'partnerOnly') return [403];
  if (Array.isArray(probe.expect)) return probe.expect;
  return probe.expect[caller] ?? probe.expect.default ?? [];
}

function fillPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_all, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new Error(`no value for path parameter {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

function options(request: ProbeRequest): SendOptions {
  return { query: request.query, body: request.body, raw: request.raw };
}

/** The answer with ids swapped for their role, so a foreign id and a missing one compare equal. */
function normalise(text: string, target: Target): string {
  let result = text;
  const entries = Object.entries(target).filter(
    ([, value]) => typeof value === 'string' && value.length >= 6,
  );
  // Longest first: an email must be replaced before an id it might contain.
  entries.sort(([, a], [, b]) => String(b).length - String(a).length);
  for (const [key, value] of entries) result = result.split(String(value)).join(`«${key}»`);
  return result
    .replace(/"instance":"[^"]*",?/g, '')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g, '«time»')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '«uuid»');
}

function leaks(text: string, secrets: Set<string>, sent: string, allowed: string[]): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const secret of secrets) {
    const needle = secret.toLowerCase();
    if (!lower.includes(needle)) continue;
    if (sent.toLowerCase().includes(needle) || allowed.includes(secret)) continue;
    found.push(secret);
  }
  return found;
}

/**
 * Calls one operation with one probe as the attack's caller and returns what was wrong: a
 * status outside the expected ones, a victim value in the answer (one the caller didn't send
 * itself), an answer that differs from the one for ids nobody has, or a failed extra check.
 */
export async function runProbe(
  api: TestApi,
  operation: Operation,
  access: Access,
  probe: Probe,
  attack: Attack,
  tally: Tally,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  if (probe.callers && !probe.callers.includes(attack.caller)) return findings;
  const report = (problem: string) =>
    findings.push({
      attack: attack.label,
      operation: operation.operationId,
      probe: probe.what,
      problem,
    });
  const request = probe.request(attack.target, attack.me);
  const path = fillPath(operation.path, request.params);
  const response = await send(api, attack.credentials, operation.method, path, options(request));
  tally.requests++;
  tally.probes++;
  tally.operations.add(operation.operationId);
  const expected = expectedStatuses(access, probe, attack.caller);
  if (process.env.LB_ISOLATION_TRACE) {
    // Opt-in trace of every probe's answer, for reviewing what each route actually says.
    appendFileSync(
      process.env.LB_ISOLATION_TRACE,
      `${attack.label}\t${operation.operationId}\t${probe.what}\t${response.status}\t${response.body?.code ?? ''}\n`,
    );
  }
  if (!expected.includes(response.status)) {
    report(
      `answered ${response.status} (expected ${expected.join(' or ')}): ${response.text.slice(0, 300)}`,
    );
  }
  if (response.status >= 500) return findings;
  const refusedAs =
    (attack.caller === 'partner' && access === 'company') ||
    ((attack.caller === 'apiKey' || attack.caller === 'user') && access === 'partnerOnly');
  if (refusedAs && response.status === 403) {
    const code = attack.caller === 'partner' ? 'partner_forbidden' : 'partner_only';
    if (response.body?.code !== code)
      report(`403 with code ${response.body?.code}, expected ${code}`);
  }
  const sent = `${path} ${JSON.stringify(request.query ?? {})} ${JSON.stringify(request.body ?? '')} ${request.raw?.body ?? ''}`;
  const allowed = probe.mayReveal?.(attack.target) ?? [];
  const leaked = leaks(
    `${response.text} ${response.headers.get('location') ?? ''}`,
    attack.secrets,
    sent,
    allowed,
  );
  if (leaked.length > 0)
    report(`answer reveals ${leaked.join(', ')}: ${response.text.slice(0, 300)}`);
  if (response.status >= 200 && response.status < 300) {
    if (probe.ownRows && !(Array.isArray(response.body?.data) && response.body.data.length > 0)) {
      report('the unfiltered list is empty: the caller’s own rows are missing');
    }
    const failed = await probe.check?.(response.body, attack.me, {
      caller: attack.caller,
      db: api.db,
    });
    if (failed) report(failed);
  }
  if (probe.sameAsUnknown === false || refusedAs) return findings;
  const ghostRequest = probe.request(attack.ghost, attack.me);
  const ghost = await send(
    api,
    attack.credentials,
    operation.method,
    fillPath(operation.path, ghostRequest.params),
    options(ghostRequest),
  );
  tally.requests++;
  if (ghost.status !== response.status) {
    report(
      `answers ${response.status} for the other side’s ids but ${ghost.status} for ids nobody has: existence is revealed`,
    );
  } else if (operation.method === 'GET' || response.status >= 400) {
    const real = normalise(response.text, attack.target);
    const unknown = normalise(ghost.text, attack.ghost);
    if (real !== unknown) {
      report(
        `answer differs from the one for ids nobody has:\n  real:    ${real.slice(0, 300)}\n  unknown: ${unknown.slice(0, 300)}`,
      );
    }
  }
  return findings;
}
