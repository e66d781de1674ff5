import { Core } from './core/core.js';
import type { LeadbridgeOptions } from './core/options.js';
import { Analytics } from './resources/analytics.js';
import { ApiKeys } from './resources/api-keys.js';
import { Applications, ProgramApplications } from './resources/applications.js';
import { Auth } from './resources/auth.js';
import { Commissions } from './resources/commissions.js';
import { Company } from './resources/company.js';
import { Customers } from './resources/customers.js';
import { Health } from './resources/health.js';
import { Imports } from './resources/imports.js';
import { Invitations } from './resources/invitations.js';
import { Leads } from './resources/leads.js';
import { Messages } from './resources/messages.js';
import { PartnerSelf } from './resources/partner.js';
import { PartnerSessions, PartnerSignIn } from './resources/partner-sessions.js';
import { Partners } from './resources/partners.js';
import { Programs } from './resources/programs.js';
import { Users } from './resources/users.js';
import { Webhooks } from './resources/webhooks.js';
import { verifyWebhook } from './webhooks/verify.js';

/**
 * The Leadbridge API client.
 *
 * - Server: `new Leadbridge({ baseUrl, apiKey: 'sk_…' })`.
 * - Partner page: `new Leadbridge({ baseUrl, sessionToken: 'pt_…' })`.
 * - Admin app in a browser: `new Leadbridge({ baseUrl })` uses the cookie session from
 *   `auth.signIn`, sending its CSRF token on writes.
 *
 * Every call is retried on network errors, timeouts, 429 and 5xx; every POST carries an
 * `Idempotency-Key`, so a retry never does the work twice. Failures throw {@link LeadbridgeError}.
 */
export class Leadbridge {
  /** Webhook verification that needs no client: `await Leadbridge.webhooks.verify(…)`. */
  static readonly webhooks = { verify: verifyWebhook } as const;

  /** Company sign-up, sign-in and session. */
  readonly auth: Auth;
  /** The caller's company. */
  readonly company: Company;
  /** The company's team members. */
  readonly users: Users;
  /** Invitations for new team members. */
  readonly invitations: Invitations;
  /** Secret API keys. */
  readonly apiKeys: ApiKeys;
  /** Partner programs, their settings and enrolled partners. */
  readonly programs: Programs;
  /** The company's partners. */
  readonly partners: Partners;
  /** Partner session tokens for `<lead-form>` (minted by your server). */
  readonly partnerSessions: PartnerSessions;
  /** Partner sign-in with an emailed one-time code. */
  readonly partnerSignIn: PartnerSignIn;
  /** Applying to join a program with an emailed one-time code (by publishable key). */
  readonly programApplications: ProgramApplications;
  /** Applications to the company's programs: list, approve, decline. */
  readonly applications: Applications;
  /** The signed-in partner's own view: who, which program, template, email switches. */
  readonly partner: PartnerSelf;
  /** Leads, their stages and history. */
  readonly leads: Leads;
  /** CSV imports of leads. */
  readonly imports: Imports;
  /** Customers and their transactions. */
  readonly customers: Customers;
  /** Commissions. */
  readonly commissions: Commissions;
  /** Message threads between a company and its partners. */
  readonly messages: Messages;
  /** Webhook endpoints, deliveries and verification. */
  readonly webhooks: Webhooks;
  /** Dashboard aggregates. */
  readonly analytics: Analytics;
  /** API liveness. */
  readonly health: Health;

  /** @param options where the API is and how to authenticate; see {@link LeadbridgeOptions}. */
  constructor(options: LeadbridgeOptions) {
    const core = new Core(options);
    this.auth = new Auth(core);
    this.company = new Company(core);
    this.users = new Users(core);
    this.invitations = new Invitations(core);
    this.apiKeys = new ApiKeys(core);
    this.programs = new Programs(core);
    this.partners = new Partners(core);
    this.partnerSessions = new PartnerSessions(core);
    this.partnerSignIn = new PartnerSignIn(core);
    this.programApplications = new ProgramApplications(core);
    this.applications = new Applications(core);
    this.partner = new PartnerSelf(core);
    this.leads = new Leads(core);
    this.imports = new Imports(core);
    this.customers = new Customers(core);
    this.commissions = new Commissions(core);
    this.messages = new Messages(core);
    this.webhooks = new Webhooks(core);
    this.analytics = new Analytics(core);
    this.health = new Health(core);
  }
}
