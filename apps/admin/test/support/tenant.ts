import { randomBytes } from 'node:crypto';
import type { LeadFormSchema } from '@leadbridge/core';
import { type Lead, Leadbridge, type Program } from '@leadbridge/sdk';
import { cookieFetch } from './cookie-fetch';
import { apiUrl } from './env';

export interface TestTenant {
  email: string;
  password: string;
  name: string;
  companyName: string;
  /** The company's API key client (servers' view). */
  lb: Leadbridge;
  apiKey: string;
  program: Program;
  partners: { id: string; name: string; email: string }[];
}

export const tag = () => randomBytes(4).toString('hex');

/**
 * A fresh company, made the way a customer would: sign-up, an API key, a program and partners,
 * all through the SDK against the running API. Each test gets its own, so tests never share rows.
 */
export async function createTenant(
  options: { partners?: number; formSchema?: LeadFormSchema; programName?: string } = {},
): Promise<TestTenant> {
  const t = tag();
  const email = `owner-${t}@example.com`;
  const password = `pw-${t}-long-enough`;
  const name = 'Olivia Owner';
  const companyName = `Acme ${t}`;
  const session = new Leadbridge({ baseUrl: apiUrl(), fetch: cookieFetch() });
  await session.auth.signUp({ companyName, name, email, password });
  const { key: apiKey } = await session.apiKeys.create({ name: 'test seed' });
  const lb = new Leadbridge({ baseUrl: apiUrl(), apiKey });
  const program = await lb.programs.create({
    name: options.programName ?? 'Reseller program',
    currency: 'USD',
    ...(options.formSchema ? { formSchema: options.formSchema } : {}),
  });
  const partners = [];
  for (let i = 0; i < (options.partners ?? 2); i++) {
    const partner = await lb.partners.create({
      name: `Partner ${i + 1} ${t}`,
      email: `partner${i + 1}-${t}@example.com`,
      programIds: [program.id],
    });
    partners.push({ id: partner.id, name: partner.name, email: partner.email });
  }
  return { email, password, name, companyName, lb, apiKey, program, partners };
}

/** Leads created by the company's server for a partner (as an integration would). */
export async function createLeads(
  tenant: TestTenant,
  count: number,
  partnerIndex = 0,
  prefix = 'Lead',
): Promise<Lead[]> {
  const partner = tenant.partners[partnerIndex];
  if (!partner) throw new Error(`tenant has no partner ${partnerIndex}`);
  const leads: Lead[] = [];
  for (let i = 0; i < count; i++) {
    leads.push(
      await tenant.lb.leads.create({
        programId: tenant.program.id,
        partnerId: partner.id,
        email: `${prefix.toLowerCase()}-${i + 1}-${tag()}@prospect.example`,
        firstName: prefix,
        lastName: String(i + 1).padStart(2, '0'),
        company: `${prefix} Co ${i + 1}`,
      }),
    );
  }
  return leads;
}
