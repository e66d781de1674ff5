import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { Json } from './http';

/** The other side's ids a probe aims at (another company's, another partner's, another program's). */
export interface Target {
  companyName: string;
  programId: string;
  programName: string;
  publishableKey: string;
  partnerId: string;
  partnerKey: string;
  partnerEmail: string;
  leadId: string;
  leadEmail: string;
  wonLeadId: string;
  customerId: string;
  transactionId: string;
  commissionId: string;
  importId: string;
  threadId: string;
  webhookEndpointId: string;
  webhookDeliveryId: string;
  apiKeyId: string;
  userId: string;
  userEmail: string;
  invitationId: string;
  applicationId: string;
}

/** The attacker's own ids, for requests that mix own and foreign references. */
export interface Self {
  companyId: string;
  programId: string;
  partnerId: string;
  publishableKey: string;
  /** A URL webhooks may be sent to (a local sink), so probes never reach the internet. */
  sinkUrl: string;
}

export interface ProbeRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  raw?: { body: string; contentType: string };
}

export type Caller = 'apiKey' | 'user' | 'partner' | 'anonymous';

export interface Probe {
  what: string;
  request: (t: Target, me: Self) => ProbeRequest;
  /** Allowed statuses; per caller where they differ (`default` for the rest). */
  expect: number[] | Partial<Record<Caller | 'default', number[]>>;
  /**
   * The answer must be the same as for ids nobody has (default): a foreign id may not be
   * told apart from a missing one. Off where the probe creates something on success.
   */
  sameAsUnknown?: boolean;
  /** Values the answer may carry by design (e.g. what a publishable key is meant to show). */
  mayReveal?: (t: Target) => string[];
  /** A 2xx list answer must hold the caller's own rows (proves the list isn't trivially empty). */
  ownRows?: boolean;
  /** Only these callers run the probe (default: all). */
  callers?: Caller[];
  /** Extra check on the answer; returns a failure message or null. */
  check?: (body: Json, me: Self, context: CheckContext) => Promise<string | null> | string | null;
}

export interface CheckContext {
  caller: Caller;
  db: Pool;
}

/** An aggregate must add up to the caller's own rows: another tenant's rows would show as extra. */
const sumsOwn =
  (what: string, sum: (body: Json) => number, sql: string, partnerSql = sql) =>
  async (body: Json, me: Self, { caller, db }: CheckContext): Promise<string | null> => {
    const partner = caller === 'partner';
    const { rows } = await db.query<{ n: number }>(
      partner ? partnerSql : sql,
      partner ? [me.companyId, me.partnerId, me.programId] : [me.companyId],
    );
    const own = rows[0]?.n ?? 0;
    const answered = sum(body);
    return answered === own ? null : `${what}: answered ${answered}, the caller owns ${own}`;
  };

const ownLeads = sumsOwn(
  'leads counted',
  (body) =>
    body?.steps?.find((step: Json) => step.key === 'submitted')?.count ??
    (body?.data ?? []).reduce((total: number, week: Json) => total + week.total, 0),
  'SELECT count(*)::int AS n FROM leads WHERE company_id = $1',
);

export type Access = 'company' | 'partner' | 'partnerOnly' | 'public';

export interface Entry {
  /** company: company principals only; partner: @PartnerAllowed; partnerOnly; public: @Public. */
  access: Access;
  /** Public routes: why answering without credentials is safe. */
  why?: string;
  probes: Probe[];
  /**
   * Run after the others (higher later): probes that leave state behind — a lead the caller
   * may legitimately own afterwards, an ended session — must not disturb the other probes.
   */
  order?: number;
}

let sequence = 0;
/** An email no probe used before (so a create that succeeds never collides with the next). */
export const freshEmail = (tag: string) =>
  `${tag}.${++sequence}.${randomBytes(3).toString('hex')}@probe.example`;

const id = (pick: (t: Target) => string) => (t: Target) => ({ params: { id: pick(t) } });

const byId = (what: string, pick: (t: Target) => string, extra: Partial<Probe> = {}): Probe => ({
  what,
  request: id(pick),
  expect: [404],
  ...extra,
});

const withBody = (
  what: string,
  pick: (t: Target) => string,
  body: (t: Target, me: Self) => unknown,
  expect: Probe['expect'] = [404],
): Probe => ({
  what,
  request: (t, me) => ({ params: { id: pick(t) }, body: body(t, me) }),
  expect,
});

/** A list, unfiltered: only the caller's own rows. */
const ownList = (what = 'unfiltered'): Probe => ({
  what,
  request: () => ({}),
  expect: [200],
  ownRows: true,
  // Names no ids, and the caller's own rows may change between two calls (imports finishing).
  sameAsUnknown: false,
});

/** A list or aggregate filtered by the other side's ids: answered as for unknown ids. */
const filtered = (what: string, query: (t: Target, me: Self) => Record<string, string>): Probe => ({
  what,
  request: (t, me) => ({ query: query(t, me) }),
  expect: [200, 404, 422],
});

const everyone = (expect: number[]): Probe['expect'] => ({ default: expect });

const csv = (tag: string) =>
  `First name,Last name,Email,Company\r\nProbe,Row,${freshEmail(tag)},Probe Co\r\n`;

/** Whatever a partner session creates is its own, in its own program. */
const createdAsSelf = (body: Json, me: Self) =>
  body?.partner?.id === me.partnerId && body?.programId === me.programId
    ? null
    : `created for partner ${body?.partner?.id} in program ${body?.programId}, not the session's own`;

/** The import a partner creates always lands in its own program, whatever the query names. */
const ownImport = (body: Json, me: Self) =>
  body?.programId === undefined || body.programId === me.programId
    ? null
    : `import landed in program ${body.programId}, not the session's own ${me.programId}`;

/**
 * EVERY operation of the OpenAPI document, and how to call it "as A with B's ids". The suite
 * fails when the document has an operation missing here, or this names one it no longer has.
 */
export const OPERATIONS: Record<string, Entry> = {
  // ── public ─────────────────────────────────────────────────────────────────────────────────
  getHealth: {
    access: 'public',
    why: 'Liveness for load balancers: answers only {status, database}.',
    probes: [{ what: 'health', request: () => ({}), expect: [200] }],
  },
  signUp: {
    access: 'public',
    why: 'Creates a NEW company; reads no existing tenant data. Rate-limited per IP.',
    probes: [
      {
        what: 'sign up with another company user’s email',
        request: (t) => ({
          body: {
            companyName: 'Probe Co',
            name: 'Probe',
            email: t.userEmail,
            password: 'probe-password-123',
          },
        }),
        expect: [409, 422],
        sameAsUnknown: false,
      },
    ],
  },
  signIn: {
    access: 'public',
    why: 'Needs the password; answers alike for unknown emails and wrong passwords. Rate-limited per email and IP.',
    probes: [
      {
        what: 'sign in as another company’s user with a wrong password',
        request: (t) => ({ body: { email: t.userEmail, password: 'not-the-password-123' } }),
        expect: [401, 422],
      },
    ],
  },
  getInvitationPreview: {
    access: 'public',
    why: 'Needs the invitation token (32 random bytes, stored hashed, expiring): its holder was invited.',
    probes: [
      {
        what: 'preview with a made-up token',
        request: () => ({ query: { token: `inv_${randomBytes(16).toString('hex')}` } }),
        expect: [404, 422],
      },
    ],
  },
  acceptInvitation: {
    access: 'public',
    why: 'Needs the invitation token; single use. Rate-limited per IP.',
    probes: [
      {
        what: 'accept a made-up token',
        request: () => ({
          body: {
            token: `inv_${randomBytes(16).toString('hex')}`,
            name: 'Probe',
            password: 'probe-password-123',
          },
        }),
        expect: [404, 422],
      },
    ],
  },
  getPublicProgram: {
    access: 'public',
    why: 'The publishable key is public by design (it is in the company’s page): it shows the form, stage labels and offer — never partners, leads or money.',
    probes: [
      {
        what: 'another company’s public program by its publishable key',
        request: (t) => ({ params: { publishableKey: t.publishableKey } }),
        expect: [200],
        sameAsUnknown: false,
        // What a publishable key is meant to show: the program and whose it is.
        mayReveal: (t) => [t.programId, t.publishableKey, t.programName, t.companyName],
      },
    ],
  },
  requestSignInCode: {
    access: 'public',
    why: 'Answers the same 202 for any email; a code is only ever emailed to a partner enrolled in THAT program. Rate-limited per IP and email.',
    probes: [
      {
        what: 'own publishable key, another company’s partner email',
        request: (t, me) => ({
          body: { publishableKey: me.publishableKey, email: t.partnerEmail },
        }),
        expect: [202],
      },
      {
        what: 'another company’s publishable key, own partner email',
        request: (t) => ({
          body: { publishableKey: t.publishableKey, email: freshEmail('nobody') },
        }),
        expect: [202],
        sameAsUnknown: false,
      },
    ],
  },
  verifySignInCode: {
    access: 'public',
    why: 'Needs the 6-digit code emailed to the partner: attempts per code and per IP are limited.',
    probes: [
      {
        what: 'own publishable key, another company’s partner email, a guessed code',
        request: (t, me) => ({
          body: { publishableKey: me.publishableKey, email: t.partnerEmail, code: '123456' },
        }),
        expect: [422],
      },
    ],
  },
  applyToProgram: {
    access: 'public',
    why: 'Answers the same 202 for any email (a partner of THAT program gets a sign-in code instead); what it creates is an unconfirmed application in the program of the key. Rate-limited per IP and email.',
    probes: [
      {
        what: 'own publishable key, another company’s partner email',
        request: (t, me) => ({
          body: { publishableKey: me.publishableKey, name: 'Probe', email: t.partnerEmail },
        }),
        expect: [202],
        sameAsUnknown: false,
        check: async (_body, me, { db }) => {
          const { rows } = await db.query(
            `SELECT 1 FROM partner_applications WHERE company_id <> $1 AND name = 'Probe'`,
            [me.companyId],
          );
          return rows.length > 0 ? 'an application landed in another company' : null;
        },
      },
    ],
  },
  confirmApplication: {
    access: 'public',
    why: 'Needs the 6-digit code emailed to the applicant: attempts per code and per IP are limited.',
    probes: [
      {
        what: 'own publishable key, another company’s partner email, a guessed code',
        request: (t, me) => ({
          body: { publishableKey: me.publishableKey, email: t.partnerEmail, code: '123456' },
        }),
        expect: [422],
      },
    ],
  },

  // ── company only ──────────────────────────────────────────────────────────────────────────
  getLeadFunnel: {
    access: 'company',
    probes: [
      { what: 'all programs', request: () => ({}), expect: [200], check: ownLeads },
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
    ],
  },
  getLeadsByWeek: {
    access: 'company',
    probes: [
      { what: 'all programs', request: () => ({}), expect: [200], check: ownLeads },
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
    ],
  },
  getRevenueByWeek: {
    access: 'company',
    probes: [
      {
        what: 'all programs',
        request: () => ({}),
        expect: [200],
        check: sumsOwn(
          'payments counted',
          (body) =>
            (body?.data ?? []).reduce(
              (total: number, series: Json) => total + series.totals.transactions,
              0,
            ),
          'SELECT count(*)::int AS n FROM transactions WHERE company_id = $1',
        ),
      },
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
    ],
  },
  getTopPartners: {
    access: 'company',
    probes: [
      { what: 'all programs', request: () => ({}), expect: [200] },
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
    ],
  },
  listApiKeys: { access: 'company', probes: [ownList()] },
  createApiKey: {
    access: 'company',
    probes: [
      {
        what: 'mint a key (no foreign ids to name: it is always the caller’s company)',
        request: () => ({ body: { name: 'probe key' } }),
        expect: { apiKey: [403], user: [201] },
        sameAsUnknown: false,
      },
    ],
  },
  revokeApiKey: {
    access: 'company',
    probes: [
      byId('another company’s key', (t) => t.apiKeyId, { expect: { apiKey: [403], user: [404] } }),
    ],
  },
  getCurrentSession: {
    access: 'company',
    probes: [{ what: 'me', request: () => ({}), expect: { apiKey: [403], user: [200] } }],
  },
  signOut: {
    access: 'company',
    order: 2,
    probes: [
      {
        what: 'sign out',
        request: () => ({}),
        expect: { apiKey: [403], user: [204] },
        sameAsUnknown: false,
      },
    ],
  },
  bulkUpdateCommissionStatus: {
    access: 'company',
    probes: [
      {
        what: 'approve another company’s commission',
        request: (t) => ({ body: { ids: [t.commissionId], status: 'approved' } }),
        expect: [200, 404, 422],
        check: (body) =>
          body?.results?.some((r: Json) => r.ok) ? 'a foreign commission was updated' : null,
      },
    ],
  },
  exportCommissions: {
    access: 'company',
    probes: [
      { what: 'all', request: () => ({}), expect: [200] },
      filtered('partnerId of the other side', (t) => ({ partnerId: t.partnerId })),
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
      filtered('leadId of the other side', (t) => ({ leadId: t.wonLeadId })),
      filtered('customerId of the other side', (t) => ({ customerId: t.customerId })),
    ],
  },
  getCompany: {
    access: 'company',
    probes: [{ what: 'own company', request: () => ({}), expect: [200] }],
  },
  getSetupProgress: {
    access: 'company',
    probes: [
      {
        what: 'own company',
        request: () => ({}),
        expect: [200],
        check: (body, me) =>
          body?.programId === me.programId
            ? null
            : `the setup is about program ${body?.programId}, not the caller’s ${me.programId}`,
      },
    ],
  },
  updateCompany: {
    access: 'company',
    probes: [
      {
        what: 'rename (no ids: always the caller’s company)',
        request: () => ({ body: { name: 'Probe renamed company' } }),
        expect: [200],
      },
    ],
  },
  createCustomerTransaction: {
    access: 'company',
    probes: [
      withBody(
        'pay on another company’s customer',
        (t) => t.customerId,
        () => ({
          externalId: `probe-${randomBytes(4).toString('hex')}`,
          amount: 100,
          currency: 'USD',
        }),
      ),
    ],
  },
  listInvitations: { access: 'company', probes: [ownList()] },
  createInvitation: {
    access: 'company',
    probes: [
      {
        what: 'invite another company’s user by email',
        request: (t) => ({ body: { email: t.userEmail, role: 'member' } }),
        expect: [201, 409, 422],
        sameAsUnknown: false,
      },
    ],
  },
  revokeInvitation: {
    access: 'company',
    probes: [byId('another company’s invitation', (t) => t.invitationId)],
  },
  bulkChangeLeadStage: {
    access: 'company',
    probes: [
      {
        what: 'move another company’s lead',
        request: (t) => ({ body: { ids: [t.leadId], stage: 'closed_lost' } }),
        expect: [200, 404, 422],
        check: (body) =>
          body?.results?.some((r: Json) => r.ok) ? 'a foreign lead was moved' : null,
      },
    ],
  },
  changeLeadStage: {
    access: 'company',
    probes: [
      withBody(
        'move another company’s lead',
        (t) => t.leadId,
        () => ({ stage: 'qualified' }),
      ),
    ],
  },
  createPartnerSession: {
    access: 'company',
    probes: [
      {
        what: 'session for another company’s partner in its program',
        request: (t) => ({ body: { programId: t.programId, partnerId: t.partnerId } }),
        expect: [404, 422],
      },
      {
        what: 'session for another company’s partner in own program',
        request: (t, me) => ({ body: { programId: me.programId, partnerId: t.partnerId } }),
        expect: [404, 422],
      },
      {
        what: 'session by partnerKey in another company’s program',
        request: (t) => ({ body: { programId: t.programId, partnerKey: t.partnerKey } }),
        expect: [404, 422],
      },
      {
        what: 'session by partner email in another company’s program (enrols nobody there)',
        request: (t) => ({ body: { programId: t.programId, email: t.partnerEmail } }),
        expect: [404],
      },
    ],
  },
  listPartners: {
    access: 'company',
    probes: [
      ownList(),
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
      filtered('search by the other side’s partner email', (t) => ({ q: t.partnerEmail })),
    ],
  },
  createPartner: {
    access: 'company',
    probes: [
      {
        what: 'new partner enrolled in another company’s program',
        request: (t) => ({
          body: { name: 'Probe partner', email: freshEmail('partner'), programIds: [t.programId] },
        }),
        expect: [404, 422],
        sameAsUnknown: false,
      },
    ],
  },
  getPartner: {
    access: 'company',
    probes: [byId('another company’s partner', (t) => t.partnerId)],
  },
  updatePartner: {
    access: 'company',
    probes: [
      withBody(
        'rename another company’s partner',
        (t) => t.partnerId,
        () => ({ name: 'Probe' }),
      ),
    ],
  },
  archivePartner: {
    access: 'company',
    probes: [byId('archive another company’s partner', (t) => t.partnerId)],
  },
  enrollPartner: {
    access: 'company',
    probes: [
      {
        what: 'enrol own partner into another company’s program',
        request: (t, me) => ({ params: { id: t.programId }, body: { partnerId: me.partnerId } }),
        expect: [404],
      },
      {
        what: 'enrol another company’s partner into own program',
        request: (t, me) => ({ params: { id: me.programId }, body: { partnerId: t.partnerId } }),
        expect: [404],
      },
    ],
  },
  listProgramPartners: {
    access: 'company',
    probes: [byId('partners of another company’s program', (t) => t.programId)],
  },
  endPartnership: {
    access: 'company',
    probes: [
      {
        what: 'end another company’s enrolment',
        request: (t) => ({ params: { id: t.programId, partnerId: t.partnerId } }),
        expect: [404],
      },
      {
        what: 'end another company’s partner in own program',
        request: (t, me) => ({ params: { id: me.programId, partnerId: t.partnerId } }),
        expect: [404],
      },
    ],
  },
  listPrograms: { access: 'company', probes: [ownList()] },
  listApplications: {
    access: 'company',
    probes: [
      ownList(),
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
    ],
  },
  getApplication: {
    access: 'company',
    probes: [byId('another company’s application', (t) => t.applicationId)],
  },
  approveApplication: {
    access: 'company',
    probes: [byId('approve another company’s application', (t) => t.applicationId)],
  },
  declineApplication: {
    access: 'company',
    probes: [
      withBody(
        'decline another company’s application',
        (t) => t.applicationId,
        () => ({ reason: 'probe' }),
      ),
    ],
  },
  bulkDecideApplications: {
    access: 'company',
    probes: [
      {
        what: 'approve another company’s application',
        request: (t) => ({ body: { ids: [t.applicationId], decision: 'approve' } }),
        expect: [200],
        check: (body) =>
          body?.results?.some((r: Json) => r.ok) ? 'a foreign application was decided' : null,
      },
    ],
  },
  getTeamNotificationPreferences: {
    access: 'company',
    probes: [{ what: 'own company', request: () => ({}), expect: [200] }],
  },
  updateTeamNotificationPreferences: {
    access: 'company',
    probes: [
      {
        what: 'switch (no ids: always the caller’s company)',
        request: () => ({ body: { partnerApplied: true } }),
        expect: [200],
      },
    ],
  },
  createProgram: {
    access: 'company',
    probes: [
      {
        what: 'create (no ids: always the caller’s company)',
        request: () => ({ body: { name: 'Probe program', currency: 'USD' } }),
        expect: [201],
        sameAsUnknown: false,
      },
    ],
  },
  getProgram: {
    access: 'company',
    probes: [byId('another company’s program', (t) => t.programId)],
  },
  updateProgram: {
    access: 'company',
    probes: [
      withBody(
        'change another company’s program',
        (t) => t.programId,
        (_t, me) => ({
          name: 'Probe',
          allowedOrigins: [me.sinkUrl],
        }),
      ),
    ],
  },
  archiveProgram: {
    access: 'company',
    probes: [byId('archive another company’s program', (t) => t.programId)],
  },
  rotateProgramPublishableKey: {
    access: 'company',
    probes: [byId('rotate another company’s key', (t) => t.programId)],
  },
  getProgramLeadTemplate: {
    access: 'company',
    probes: [byId('another company’s template', (t) => t.programId)],
  },
  listUsers: { access: 'company', probes: [ownList()] },
  updateUser: {
    access: 'company',
    probes: [
      withBody(
        'demote another company’s user',
        (t) => t.userId,
        () => ({ role: 'member' }),
      ),
    ],
  },
  deleteUser: {
    access: 'company',
    probes: [byId('remove another company’s user', (t) => t.userId)],
  },
  listWebhookEventTypes: {
    access: 'company',
    probes: [{ what: 'static list', request: () => ({}), expect: [200] }],
  },
  listWebhookEndpoints: { access: 'company', probes: [ownList()] },
  createWebhookEndpoint: {
    access: 'company',
    probes: [
      {
        what: 'create (no ids: always the caller’s company)',
        request: (_t, me) => ({ body: { url: `${me.sinkUrl}/probe`, events: ['lead.created'] } }),
        expect: [201],
        sameAsUnknown: false,
      },
    ],
  },
  getWebhookEndpoint: {
    access: 'company',
    probes: [byId('another company’s endpoint', (t) => t.webhookEndpointId)],
  },
  updateWebhookEndpoint: {
    access: 'company',
    probes: [
      withBody(
        'redirect another company’s endpoint',
        (t) => t.webhookEndpointId,
        (_t, me) => ({
          url: `${me.sinkUrl}/stolen`,
        }),
      ),
    ],
  },
  deleteWebhookEndpoint: {
    access: 'company',
    probes: [byId('delete another company’s endpoint', (t) => t.webhookEndpointId)],
  },
  rotateWebhookEndpointSecret: {
    access: 'company',
    probes: [byId('rotate another company’s secret', (t) => t.webhookEndpointId)],
  },
  listWebhookDeliveries: {
    access: 'company',
    probes: [byId('another company’s delivery log', (t) => t.webhookEndpointId)],
  },
  resendWebhookDelivery: {
    access: 'company',
    probes: [byId('resend another company’s delivery', (t) => t.webhookDeliveryId)],
  },

  // ── company principals and partner sessions ───────────────────────────────────────────────
  listLeads: {
    access: 'partner',
    probes: [
      ownList(),
      filtered('partnerId of the other side', (t) => ({ partnerId: t.partnerId })),
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
      filtered('search by the other side’s lead email', (t) => ({ q: t.leadEmail })),
    ],
  },
  createLead: {
    access: 'partner',
    // The duplicate probe may leave the caller a lead of its own with the other side's email.
    order: 1,
    probes: [
      {
        what: 'into the other side’s program for its partner',
        request: (t) => ({
          body: { email: freshEmail('lead'), programId: t.programId, partnerId: t.partnerId },
        }),
        // A partner session naming another program or partner is refused (422), not redirected.
        expect: { default: [404], partner: [422] },
      },
      {
        what: 'into own program for the other side’s partner',
        request: (t, me) => ({
          body: { email: freshEmail('lead'), programId: me.programId, partnerId: t.partnerId },
        }),
        // 201 only where the "other side" is the caller itself in another program.
        expect: { default: [404], partner: [201, 422] },
        sameAsUnknown: false,
        check: createdAsSelf,
      },
      {
        what: 'into the other side’s program by partnerKey',
        request: (t) => ({
          body: { email: freshEmail('lead'), programId: t.programId, partnerKey: t.partnerKey },
        }),
        expect: { default: [404], partner: [201, 422] },
        sameAsUnknown: false,
        check: createdAsSelf,
      },
      {
        what: 'the other side’s lead email again (duplicate check must not say whose it is)',
        request: (t, me) => ({
          body: { email: t.leadEmail, programId: me.programId, partnerId: me.partnerId },
        }),
        expect: [201, 409],
        sameAsUnknown: false,
        // Dedupe is per program: only a partner shares a program with the other side's leads.
        callers: ['partner'],
        check: (body, me) => (body?.id ? createdAsSelf(body, me) : null),
      },
    ],
  },
  getLead: { access: 'partner', probes: [byId('the other side’s lead', (t) => t.leadId)] },
  updateLead: {
    access: 'partner',
    probes: [
      withBody(
        'edit the other side’s lead',
        (t) => t.leadId,
        () => ({ version: 1, firstName: 'Probe' }),
      ),
    ],
  },
  listLeadEvents: {
    access: 'partner',
    probes: [byId('the other side’s lead history', (t) => t.leadId)],
  },
  listCustomers: {
    access: 'partner',
    probes: [
      ownList(),
      filtered('partnerId of the other side', (t) => ({ partnerId: t.partnerId })),
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
    ],
  },
  getCustomer: {
    access: 'partner',
    probes: [byId('the other side’s customer', (t) => t.customerId)],
  },
  listCustomerTransactions: {
    access: 'partner',
    probes: [byId('the other side’s customer payments', (t) => t.customerId)],
  },
  listCommissions: {
    access: 'partner',
    probes: [
      ownList(),
      filtered('partnerId of the other side', (t) => ({ partnerId: t.partnerId })),
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
      filtered('leadId of the other side', (t) => ({ leadId: t.wonLeadId })),
      filtered('customerId of the other side', (t) => ({ customerId: t.customerId })),
    ],
  },
  getCommissionTotals: {
    access: 'partner',
    probes: [
      {
        what: 'all',
        request: () => ({}),
        expect: [200],
        check: sumsOwn(
          'commissions counted',
          (body) => (body?.data ?? []).reduce((total: number, row: Json) => total + row.count, 0),
          'SELECT count(*)::int AS n FROM commissions WHERE company_id = $1',
          'SELECT count(*)::int AS n FROM commissions WHERE company_id = $1 AND partner_id = $2 AND program_id = $3',
        ),
      },
      filtered('partnerId of the other side', (t) => ({ partnerId: t.partnerId })),
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
      filtered('leadId of the other side', (t) => ({ leadId: t.wonLeadId })),
    ],
  },
  getCommission: {
    access: 'partner',
    probes: [byId('the other side’s commission', (t) => t.commissionId)],
  },
  listImports: {
    access: 'partner',
    probes: [
      ownList(),
      filtered('partnerId of the other side', (t) => ({ partnerId: t.partnerId })),
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
    ],
  },
  createImport: {
    access: 'partner',
    probes: [
      {
        what: 'import into the other side’s program for its partner',
        request: (t) => ({
          query: { programId: t.programId, partnerId: t.partnerId, fileName: 'probe.csv' },
          raw: { body: csv('import'), contentType: 'text/csv' },
        }),
        // A partner session always imports into its own program (the query is ignored).
        expect: { default: [404], partner: [202, 409, 422] },
        sameAsUnknown: false,
        check: ownImport,
      },
      {
        what: 'import into own program for the other side’s partner',
        request: (t, me) => ({
          query: { programId: me.programId, partnerId: t.partnerId, fileName: 'probe.csv' },
          raw: { body: csv('import'), contentType: 'text/csv' },
        }),
        expect: { default: [404], partner: [202, 409, 422] },
        sameAsUnknown: false,
        check: ownImport,
      },
    ],
  },
  dryRunImport: {
    access: 'partner',
    probes: [
      {
        what: 'dry-run into the other side’s program for its partner',
        request: (t) => ({
          query: { programId: t.programId, partnerId: t.partnerId, fileName: 'probe.csv' },
          raw: { body: csv('dryrun'), contentType: 'text/csv' },
        }),
        // A partner session always reads against its own program (the query is ignored).
        expect: { default: [404], partner: [200, 422] },
        sameAsUnknown: false,
        check: ownImport,
      },
      {
        what: 'dry-run into own program for the other side’s partner',
        request: (t, me) => ({
          query: { programId: me.programId, partnerId: t.partnerId, fileName: 'probe.csv' },
          raw: { body: csv('dryrun'), contentType: 'text/csv' },
        }),
        expect: { default: [404], partner: [200, 422] },
        sameAsUnknown: false,
        check: ownImport,
      },
    ],
  },
  getImport: { access: 'partner', probes: [byId('the other side’s import', (t) => t.importId)] },
  cancelImport: {
    access: 'partner',
    probes: [byId('cancel the other side’s import', (t) => t.importId)],
  },
  getImportErrorCsv: {
    access: 'partner',
    probes: [byId('the other side’s error CSV', (t) => t.importId)],
  },
  listMessageThreads: {
    access: 'partner',
    probes: [
      ownList(),
      filtered('partnerId of the other side', (t) => ({ partnerId: t.partnerId })),
      filtered('programId of the other side', (t) => ({ programId: t.programId })),
      filtered('leadId of the other side', (t) => ({ leadId: t.leadId })),
    ],
  },
  createMessageThread: {
    access: 'partner',
    probes: [
      {
        what: 'write to the other side’s partner in its program',
        request: (t) => ({
          body: { subject: 'Probe', body: 'Probe', partnerId: t.partnerId, programId: t.programId },
        }),
        // Partner sessions ignore partnerId/programId (they write to their company).
        expect: { default: [404], partner: [201, 404, 422] },
        sameAsUnknown: false,
        check: (body, me) =>
          body?.partner?.id === me.partnerId && body?.programId === me.programId
            ? null
            : `thread created for partner ${body?.partner?.id} in program ${body?.programId}`,
      },
      {
        what: 'a thread about the other side’s lead',
        request: (t, me) => ({
          body: {
            subject: 'Probe',
            body: 'Probe',
            leadId: t.leadId,
            partnerId: me.partnerId,
            programId: me.programId,
          },
        }),
        expect: { default: [404], partner: [404, 422] },
      },
    ],
  },
  getMessageThread: {
    access: 'partner',
    probes: [byId('the other side’s thread', (t) => t.threadId)],
  },
  listMessages: {
    access: 'partner',
    probes: [byId('the other side’s messages', (t) => t.threadId)],
  },
  createMessage: {
    access: 'partner',
    probes: [
      withBody(
        'post into the other side’s thread',
        (t) => t.threadId,
        () => ({ body: 'Probe' }),
      ),
    ],
  },
  markMessageThreadRead: {
    access: 'partner',
    probes: [byId('mark the other side’s thread read', (t) => t.threadId)],
  },

  // ── partner sessions only ─────────────────────────────────────────────────────────────────
  getPartnerMe: {
    access: 'partnerOnly',
    probes: [{ what: 'me', request: () => ({}), expect: everyone([200]) }],
  },
  getPartnerProgram: {
    access: 'partnerOnly',
    probes: [{ what: 'own program', request: () => ({}), expect: everyone([200]) }],
  },
  getPartnerLeadTemplate: {
    access: 'partnerOnly',
    probes: [{ what: 'own template', request: () => ({}), expect: everyone([200]) }],
  },
  getNotificationPreferences: {
    access: 'partnerOnly',
    probes: [{ what: 'own preferences', request: () => ({}), expect: everyone([200]) }],
  },
  updateNotificationPreferences: {
    access: 'partnerOnly',
    probes: [
      {
        what: 'own preferences (no ids: always the session’s partner)',
        request: () => ({ body: { message: true } }),
        expect: everyone([200]),
      },
    ],
  },
};
