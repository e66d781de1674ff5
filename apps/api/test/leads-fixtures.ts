import { randomBytes } from 'node:crypto';
import { DEFAULT_LEAD_FORM_SCHEMA, type LeadFormSchema } from '@leadbridge/core';
import type { SeededPartner, SeededTenant } from './support/seed';
import type { HttpResponse, TestApi } from './support/test-api';

// biome-ignore lint/suspicious/noExplicitAny: assertions read JSON bodies of many shapes.
type Json = any;

/** The default form plus one custom field of each type that has its own rules. */
export const CUSTOM_FORM: LeadFormSchema = {
  fields: [
    ...DEFAULT_LEAD_FORM_SCHEMA.fields,
    { key: 'budget', label: 'Budget', type: 'number', required: true, order: 10 },
    {
      key: 'size',
      label: 'Company size',
      type: 'select',
      required: false,
      order: 11,
      options: [
        { value: 'small', label: '1-10' },
        { value: 'large', label: '11+' },
      ],
    },
    {
      key: 'products',
      label: 'Products',
      type: 'multiselect',
      required: false,
      order: 12,
      options: [
        { value: 'crm', label: 'CRM' },
        { value: 'erp', label: 'ERP' },
      ],
    },
    { key: 'website', label: 'Website', type: 'url', required: false, order: 13 },
    { key: 'phone', label: 'Phone', type: 'phone', required: false, order: 14 },
    { key: 'startDate', label: 'Start date', type: 'date', required: false, order: 15 },
    { key: 'consent', label: 'Consent', type: 'checkbox', required: false, order: 16 },
  ],
};

export const uniqueEmail = (tag = 'lead') =>
  `${tag}-${randomBytes(5).toString('hex')}@example-${randomBytes(3).toString('hex')}.com`;

/** Submits as a partner (its session names program and partner). */
export function submitAsPartner(
  api: TestApi,
  partnerToken: string,
  body: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<HttpResponse<Json>> {
  return api.http.post('/v1/leads', body, { token: partnerToken, headers });
}

/** Creates a lead for partner `index` of `tenant` through the API and returns its JSON. */
export async function createLead(
  api: TestApi,
  tenant: SeededTenant,
  body: Record<string, unknown> = {},
  index = 0,
): Promise<Json> {
  const partner = tenant.partners[index];
  if (!partner) throw new Error(`tenant has no partner ${index}`);
  const response = await submitAsPartner(api, partner.token, {
    email: uniqueEmail(),
    ...body,
  });
  if (response.status !== 201) {
    throw new Error(`creating a lead failed: ${response.status} ${response.text}`);
  }
  return response.body;
}

/** Moves a lead as the company (API key), asserting success. */
export async function moveLead(
  api: TestApi,
  tenant: SeededTenant,
  leadId: string,
  stage: string,
): Promise<Json> {
  const response = await api.http.post(
    `/v1/leads/${leadId}/stage`,
    { stage },
    { token: tenant.apiKey },
  );
  if (response.status !== 200) {
    throw new Error(`moving lead to ${stage} failed: ${response.status} ${response.text}`);
  }
  return response.body;
}

/** Partner `index` of a seeded tenant (throws rather than letting a test read undefined). */
export function partnerOf(tenant: SeededTenant, index = 0): SeededPartner {
  const partner = tenant.partners[index];
  if (!partner) throw new Error(`tenant has no partner ${index}`);
  return partner;
}

/** The one item a test just proved is there. */
export function defined<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`${what} is missing`);
  return value;
}
