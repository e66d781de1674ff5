import { randomBytes } from 'node:crypto';
import type { Offer } from '@leadbridge/core';
import { hashToken } from '../../src/common/auth/tokens';
import { type SeededTenant, seedTenant } from '../support/seed';
import type { TestApi } from '../support/test-api';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers of many shapes.
type Json = any;

const OFFER: Offer = {
  rules: [{ kind: 'flat', stage: 'closed_won', amount: { amount: 100, currency: 'USD' } }],
};

export type PrincipalKind = 'apiKey' | 'cookie' | 'partner';
export const PRINCIPALS: readonly PrincipalKind[] = ['apiKey', 'cookie', 'partner'];

/** A tenant with one of everything and three ways in: an API key, a cookie session, a partner. */
export interface World {
  tenant: SeededTenant;
  cookie: { token: string; csrf: string };
  /** Existing ids by the path segment that names them (`leads`, `imports`…) or property name. */
  ids: Record<string, string>;
}

const tag = () => randomBytes(4).toString('hex');

/**
 * Builds the world through the API itself (so every id is one the API made), plus a cookie
 * session written straight into user_sessions (signing in is fuzzed, not relied upon).
 */
export async function provisionWorld(api: TestApi): Promise<World> {
  const tenant = await seedTenant(api.db, { partners: 2, offer: OFFER });
  const partner = tenant.partners[0];
  const second = tenant.partners[1];
  if (!partner || !second) throw new Error('seedTenant made fewer partners than asked');
  const must = async (
    method: string,
    path: string,
    token: string,
    body?: unknown,
    raw?: string,
  ): Promise<Json> => {
    const response = raw
      ? await api.http.request(method, path, {
          token,
          raw,
          headers: { 'content-type': 'text/csv' },
        })
      : await api.http.request(method, path, { token, body });
    if (response.status >= 300) {
      throw new Error(`provisioning ${method} ${path}: ${response.status} ${response.text}`);
    }
    return response.body;
  };
  const sessionToken = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await api.db.query(
    `INSERT INTO user_sessions (company_id, user_id, token_hash, csrf_token, expires_at)
     VALUES ($1, $2, $3, $4, now() + interval '1 hour')`,
    [tenant.companyId, tenant.ownerId, hashToken(sessionToken), csrf],
  );
  const endpoint = await must('POST', '/v1/webhook-endpoints', tenant.apiKey, {
    url: 'http://127.0.0.1:9/contract',
    events: ['lead.created'],
  });
  const lead = await must('POST', '/v1/leads', partner.token, {
    email: `lead-${tag()}@example.com`,
    firstName: 'Ada',
  });
  const won = await must('POST', '/v1/leads', partner.token, { email: `won-${tag()}@example.com` });
  const customer = await must('POST', `/v1/leads/${won.id}/stage`, tenant.apiKey, {
    stage: 'closed_won',
  });
  const thread = await must('POST', '/v1/message-threads', partner.token, {
    subject: 'Contract',
    body: 'Hello',
  });
  const invitation = await must('POST', '/v1/invitations', tenant.apiKey, {
    email: `invite-${tag()}@example.com`,
    role: 'member',
  });
  // The second partner's import: the first partner's import slot stays free for the fuzzer.
  const upload = await must(
    'POST',
    `/v1/imports?programId=${tenant.programId}&partnerId=${second.id}&fileName=seed.csv`,
    tenant.apiKey,
    undefined,
    `Email\r\nimport-${tag()}@example.com\r\n`,
  );
  const { rows } = await api.db.query(
    `SELECT (SELECT id FROM commissions WHERE company_id = $1 LIMIT 1) AS commission,
            (SELECT id FROM webhook_deliveries WHERE company_id = $1 LIMIT 1) AS delivery,
            (SELECT id FROM api_keys WHERE company_id = $1 LIMIT 1) AS api_key`,
    [tenant.companyId],
  );
  const sql = rows[0] as { commission: string; delivery: string | null; api_key: string };
  const ids: Record<string, string> = {
    leads: lead.id,
    customers: customer.customer.id,
    commissions: sql.commission,
    'message-threads': thread.id,
    programs: tenant.programId,
    partners: partner.id,
    'webhook-endpoints': endpoint.id,
    'api-keys': sql.api_key,
    users: tenant.ownerId,
    invitations: invitation.id,
    imports: upload.id,
    publishableKey: tenant.publishableKey,
    // Body and query properties that name things.
    programId: tenant.programId,
    partnerId: partner.id,
    partnerKey: partner.partnerKey,
    leadId: lead.id,
    customerId: customer.customer.id,
    threadId: thread.id,
    endpointId: endpoint.id,
  };
  if (sql.delivery) ids['webhook-deliveries'] = sql.delivery;
  return { tenant, cookie: { token: sessionToken, csrf }, ids };
}
