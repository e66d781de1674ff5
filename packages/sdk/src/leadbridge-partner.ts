import { Core } from './core/core.js';
import type { LeadbridgeOptions } from './core/options.js';
import { ProgramApplications } from './resources/applications.js';
import { Commissions } from './resources/commissions.js';
import { Customers } from './resources/customers.js';
import { Imports } from './resources/imports.js';
import { Leads } from './resources/leads.js';
import { Messages } from './resources/messages.js';
import { PartnerSelf } from './resources/partner.js';
import { PartnerSignIn } from './resources/partner-sessions.js';
import { PublicPrograms } from './resources/public-programs.js';

/**
 * The partner's client: the groups a partner session (`pt_…`) or a partner page uses, and none of
 * the company's, so a browser bundle stays small. Calls read exactly like {@link Leadbridge}'s.
 *
 * @example
 * const lb = new LeadbridgePartner({ baseUrl, sessionToken: 'pt_…' });
 * await lb.leads.create({ email: 'jane@example.com' });
 * const { unreadTotal } = await lb.messages.listThreads();
 */
export class LeadbridgePartner {
  /** Sign-in with a 6-digit code emailed to the partner (no company backend needed). */
  readonly partnerSignIn: PartnerSignIn;
  /** Applying to join a program with an emailed one-time code (by publishable key). */
  readonly programApplications: ProgramApplications;
  /** The signed-in partner's own view: who, which program, template, email switches. */
  readonly partner: PartnerSelf;
  /** A program's public settings by publishable key (`programs.getPublic`). */
  readonly programs: PublicPrograms;
  /** The partner's leads: submit, list, edit, history. */
  readonly leads: Leads;
  /** The partner's CSV imports. */
  readonly imports: Imports;
  /** Customers the partner's leads became. */
  readonly customers: Customers;
  /** The partner's commissions and their totals. */
  readonly commissions: Commissions;
  /** Conversations with the company. */
  readonly messages: Messages;

  /** @param options where the API is and the partner's `sessionToken`; see {@link LeadbridgeOptions}. */
  constructor(options: LeadbridgeOptions) {
    const core = new Core(options);
    this.partnerSignIn = new PartnerSignIn(core);
    this.programApplications = new ProgramApplications(core);
    this.partner = new PartnerSelf(core);
    this.programs = new PublicPrograms(core);
    this.leads = new Leads(core);
    this.imports = new Imports(core);
    this.customers = new Customers(core);
    this.commissions = new Commissions(core);
    this.messages = new Messages(core);
  }
}
