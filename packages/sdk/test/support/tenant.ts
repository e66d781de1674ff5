import { randomBytes } from 'node:crypto';
import {
  type AuthSession,
  Leadbridge,
  type LeadbridgeOptions,
  type Partner,
  type PartnerSession,
  type Program,
} from '@leadbridge/sdk';
import { cookieJarFetch } from './cookie-jar.js';

export interface Tenant {
  /** The owner's signed-in, cookie-session client (as the admin app uses it). */
  admin: Leadbridge;
  session: AuthSession;
  ownerEmail: string;
  password: string;
  /** The company's API-key client (as its servers use it). */
  lb: Leadbridge;
  apiKey: string;
  program: Program;
  partner: Partner;
  partnerKey: string;
  partnerSession: PartnerSession;
  /** The partner's session-token client (as `<lead-form>` uses it). */
  asPartner: Leadbridge;
}

export const unique = (): string => randomBytes(4).toString('hex');

/**
 * A company set up the way a customer would, entirely through the SDK: sign up, an API key, a
 * program paying 50 EUR per won lead and 10 % of payments, and one enrolled partner with a
 * partner session.
 */
export async function signUpTenant(
  baseUrl: string,
  extra: Partial<LeadbridgeOptions> = {},
): Promise<Tenant> {
  const tag = unique();
  const ownerEmail = `owner-${tag}@example.com`;
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const admin = new Leadbridge({ baseUrl, fetch: cookieJarFetch() });
  const session = await admin.auth.signUp({
    companyName: `Acme ${tag}`,
    name: 'Olivia Owner',
    email: ownerEmail,
    password,
  });
  const created = await admin.apiKeys.create({ name: 'server' });
  const lb = new Leadbridge({ baseUrl, apiKey: created.key, ...extra });
  const program = await lb.programs.create({
    name: `Acme Partners ${tag}`,
    currency: 'EUR',
    offer: {
      rules: [
        { kind: 'flat', stage: 'closed_won', amount: { amount: 5000, currency: 'EUR' } },
        { kind: 'percentage', basisPoints: 1000, months: 12 },
      ],
    },
  });
  const partner = await lb.partners.create({
    name: 'Pat Partner',
    email: `pat-${tag}@example.com`,
  });
  const partnerKey = `pat-${tag}`;
  await lb.programs.enrollPartner(program.id, { partnerId: partner.id, partnerKey });
  const partnerSession = await lb.partnerSessions.create({
    programId: program.id,
    partnerId: partner.id,
  });
  const asPartner = new Leadbridge({ baseUrl, sessionToken: partnerSession.token, ...extra });
  return {
    admin,
    session,
    ownerEmail,
    password,
    lb,
    apiKey: created.key,
    program,
    partner,
    partnerKey,
    partnerSession,
    asPartner,
  };
}
