import { type MailCatcher, startMailCatcher } from '@leadbridge/devkit/mail-catcher';
import { bearer, type Credentials, type Json } from './isolation/http';
import { type Caller, OPERATIONS, type Self, type Target } from './isolation/operations';
import { type Attack, type Finding, newTally, type Operation, runProbe } from './isolation/probe';
import {
  companyScope,
  ghostOf,
  identifyingValues,
  minus,
  partnerIdentityScope,
  type RowScope,
  sliceScope,
  snapshot,
} from './isolation/scopes';
import {
  buildCompany,
  type CompanyWorld,
  newMarker,
  type Slice,
  settle,
  startWebhookSink,
} from './isolation/world';
import { storageEnv } from './support/storage';
import { startTestApi, type TestApi } from './support/test-api';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function operationsOf(document: Json): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<Json>(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation)
        operations.push({ operationId: operation.operationId, method: method.toUpperCase(), path });
    }
  }
  return operations;
}

function targetOf(
  world: CompanyWorld,
  slice: Slice,
  program: { key: string; name: string },
): Target {
  return {
    companyName: `Company ${world.marker}`,
    programId: slice.programId,
    programName: program.name,
    publishableKey: program.key,
    partnerId: slice.partnerId,
    partnerKey: slice.partnerKey,
    partnerEmail: slice.partnerEmail,
    leadId: slice.leadIds[0] ?? '',
    leadEmail: slice.leadEmails[0] ?? '',
    wonLeadId: slice.wonLeadId,
    customerId: slice.customerId,
    transactionId: slice.transactionId,
    commissionId: slice.commissionIds[0] ?? '',
    importId: slice.importId,
    threadId: slice.threadId,
    webhookEndpointId: world.webhookEndpointId,
    webhookDeliveryId: world.webhookDeliveryId,
    apiKeyId: world.createdApiKeyId,
    userId: world.user.id,
    userEmail: world.user.email,
    invitationId: world.pendingInvitationId,
    applicationId: world.applicationId,
  };
}

const markersOf = (world: CompanyWorld) => [
  world.marker,
  world.p1.marker,
  world.p2.marker,
  world.p1InProgram2.marker,
];

describe('tenant isolation: every operation with another tenant’s ids', () => {
  let api: TestApi;
  let mail: MailCatcher;
  let sink: Awaited<ReturnType<typeof startWebhookSink>>;
  let a: CompanyWorld;
  let b: CompanyWorld;
  let operations: Operation[];
  let me: Self;
  /** The victims' rows as they were before any probe ran. */
  const before = new Map<string, { scope: RowScope; rows: Record<string, string[]> }>();
  const tally = newTally();
  const counts: Record<string, number> = {};

  beforeAll(async () => {
    mail = await startMailCatcher();
    sink = await startWebhookSink();
    api = await startTestApi({
      ...storageEnv(),
      SMTP_URL: mail.smtpUrl,
      WEBHOOK_ALLOW_PRIVATE: 'true',
    });
    const markers = (tag: string) => ({
      company: newMarker(`${tag}co`),
      p1: newMarker(`${tag}pa`),
      p2: newMarker(`${tag}pb`),
      p1InProgram2: newMarker(`${tag}pc`),
    });
    a = await buildCompany(api, sink.url, markers('a'));
    b = await buildCompany(api, sink.url, markers('b'));
    await settle(api, a.companyId);
    await settle(api, b.companyId);
    me = {
      companyId: a.companyId,
      programId: a.program1Id,
      partnerId: a.p1.partnerId,
      publishableKey: a.publishableKey,
      sinkUrl: sink.url,
    };
    const victims: [string, RowScope][] = [
      ['company B', await companyScope(api.db, b.companyId)],
      ['partner P2 (same program)', sliceScope(a.p2, { partner: true })],
      ['partner P1 in another program', sliceScope(a.p1InProgram2, { program: true })],
    ];
    for (const [name, scope] of victims)
      before.set(name, { scope, rows: await snapshot(api.db, scope) });
    const document = await api.http.get('/v1/openapi.json');
    expect(document.status).toBe(200);
    operations = operationsOf(document.body);
  }, 240_000);

  afterAll(async () => {
    console.log(
      [
        'tenant isolation summary',
        `  operations in the OpenAPI document: ${operations?.length ?? 0}`,
        `  operations probed: ${tally.operations.size}`,
        `  probes: ${tally.probes}, requests: ${tally.requests}`,
        ...Object.entries(counts).map(([name, n]) => `  ${name}: ${n} probes`),
      ].join('\n'),
    );
    await api?.close();
    await sink?.close();
    await mail?.stop();
  });

  async function attack(
    label: string,
    caller: Caller,
    credentials: Credentials,
    target: Target,
    secrets: Set<string>,
    include: (access: string) => boolean,
  ): Promise<Finding[]> {
    const run: Attack = {
      label,
      caller,
      credentials,
      target,
      ghost: ghostOf(target, secrets),
      me,
      secrets,
    };
    const findings: Finding[] = [];
    const ordered = [...operations].sort(
      (x, y) => (OPERATIONS[x.operationId]?.order ?? 0) - (OPERATIONS[y.operationId]?.order ?? 0),
    );
    const before = tally.probes;
    for (const operation of ordered) {
      const entry = OPERATIONS[operation.operationId];
      if (!entry || !include(entry.access)) continue;
      for (const probe of entry.probes) {
        findings.push(...(await runProbe(api, operation, entry.access, probe, run, tally)));
        // A write may start background work (an import adds leads later): let it finish, so
        // the next probe's two answers (real ids, unknown ids) see the same rows.
        if (operation.method !== 'GET') await settle(api, me.companyId);
      }
    }
    counts[label] = tally.probes - before;
    return findings;
  }

  it('has an entry for every operation the API serves, and none for operations it no longer has', () => {
    const served = new Set(operations.map((operation) => operation.operationId));
    const missing = [...served].filter((id) => !OPERATIONS[id]);
    const stale = Object.keys(OPERATIONS).filter((id) => !served.has(id));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    for (const [id, entry] of Object.entries(OPERATIONS)) {
      // A public route says why it is safe; every entry calls its operation at least once.
      if (entry.access === 'public')
        expect({ id, why: (entry.why ?? '').length > 20 }).toEqual({ id, why: true });
      expect({ id, probes: entry.probes.length > 0 }).toEqual({ id, probes: true });
    }
  });

  it('refuses company B’s ids to company A on every operation (API key and signed-in user)', async () => {
    const secrets = minus(
      await identifyingValues(api.db, await companyScope(api.db, b.companyId), markersOf(b)),
      await identifyingValues(api.db, await companyScope(api.db, a.companyId), markersOf(a)),
    );
    const target = targetOf(b, b.p1, {
      key: b.publishableKey,
      name: `Company ${b.marker} Partner Program`,
    });
    const companyRoutes = (access: string) => access !== 'public';
    const findings = [
      ...(await attack(
        'A (API key) → B',
        'apiKey',
        bearer(a.apiKey),
        target,
        secrets,
        companyRoutes,
      )),
      ...(await attack('A (user) → B', 'user', a.user.credentials, target, secrets, companyRoutes)),
    ];
    expect(findings).toEqual([]);
  }, 180_000);

  it('refuses partner P2’s ids and another program’s ids to partner P1, and company routes to partners', async () => {
    const known = await identifyingValues(
      api.db,
      [...sliceScope(a.p1), ...partnerIdentityScope(a.p1)],
      markersOf(a),
    );
    const p2Secrets = minus(
      await identifyingValues(api.db, sliceScope(a.p2, { partner: true }), [a.p2.marker]),
      known,
    );
    const otherProgramSecrets = minus(
      await identifyingValues(api.db, sliceScope(a.p1InProgram2, { program: true }), [
        a.p1InProgram2.marker,
      ]),
      known,
    );
    const partnerRoutes = (access: string) => access !== 'public';
    const p1 = bearer(a.p1.token);
    const findings = [
      ...(await attack(
        'P1 → P2 (same program)',
        'partner',
        p1,
        targetOf(a, a.p2, { key: a.publishableKey, name: `Company ${a.marker} Partner Program` }),
        p2Secrets,
        partnerRoutes,
      )),
      ...(await attack(
        'P1 → P1’s leads in program 2',
        'partner',
        p1,
        targetOf(a, a.p1InProgram2, {
          key: a.program2PublishableKey,
          name: `Program ${a.p1InProgram2.marker}`,
        }),
        otherProgramSecrets,
        partnerRoutes,
      )),
    ];
    expect(findings).toEqual([]);
  }, 180_000);

  it('answers 401 without credentials except on the listed public operations, which reveal nothing else', async () => {
    const secrets = minus(
      await identifyingValues(api.db, await companyScope(api.db, b.companyId), markersOf(b)),
      await identifyingValues(api.db, await companyScope(api.db, a.companyId), markersOf(a)),
    );
    const target = targetOf(b, b.p1, {
      key: b.publishableKey,
      name: `Company ${b.marker} Partner Program`,
    });
    const findings = await attack(
      'anonymous → B',
      'anonymous',
      { kind: 'none' },
      target,
      secrets,
      (access) => access === 'public',
    );
    for (const operation of operations) {
      const entry = OPERATIONS[operation.operationId];
      if (!entry || entry.access === 'public') continue;
      const probe = entry.probes[0];
      if (!probe) continue;
      const request = probe.request(target, me);
      const path = operation.path.replace(
        /\{(\w+)\}/g,
        (_all, name: string) => request.params?.[name] ?? name,
      );
      const response = await api.http.request(operation.method, path, { body: request.body });
      tally.requests++;
      if (response.status !== 401) {
        findings.push({
          attack: 'anonymous',
          operation: operation.operationId,
          probe: 'no credentials',
          problem: `answered ${response.status} without credentials: ${response.text.slice(0, 200)}`,
        });
      }
    }
    expect(findings).toEqual([]);
    // The sign-in code asked for B's partner under A's key went nowhere.
    const codes = await api.db.query(
      `SELECT count(*)::int AS n FROM email_outbox WHERE kind = 'sign_in_code' AND recipient = $1`,
      [target.partnerEmail],
    );
    expect(codes.rows[0].n).toBe(0);
    expect(
      mail.messages().filter((m) => m.to.includes(target.partnerEmail) && /code/i.test(m.subject)),
    ).toEqual([]);
  }, 120_000);

  it('left every victim row exactly as it was', async () => {
    for (const [name, { scope, rows }] of before) {
      expect({ victim: name, rows: await snapshot(api.db, scope) }).toEqual({ victim: name, rows });
    }
  });
});
