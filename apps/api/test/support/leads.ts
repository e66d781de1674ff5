import { DEFAULT_LEAD_FORM_SCHEMA, type LeadFormSchema } from '@leadbridge/core';
import { type Json, partnerOf, uniqueEmail } from './fixtures';
import type { SeededTenant } from './seed';
import type { HttpResponse, TestApi } from './test-api';

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

/** Submits as a partner (its session names program and partner); any answer. */
export function submitAsPartner(
  api: TestApi,
  partnerToken: string,
  body: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<HttpResponse<Json>> {
  return api.http.post('/v1/leads', body, { token: partnerToken, headers });
}

async function created(response: Promise<HttpResponse<Json>>): Promise<Json> {
  const answer = await response;
  if (answer.status !== 201) {
    throw new Error(`creating a lead failed: ${answer.status} ${answer.text}`);
  }
  return answer.body;
}

/** Creates a lead for partner `index` of `tenant` through the API and returns its JSON. */
export function createLead(
  api: TestApi,
  tenant: SeededTenant,
  body: Record<string, unknown> = {},
  index = 0,
): Promise<Json> {
  return created(
    submitAsPartner(api, partnerOf(tenant, index).token, { email: uniqueEmail(), ...body }),
  );
}

/** A named lead (Ada Lovelace) submitted with a partner token, so `lead.created` fires. */
export function submitLead(
  api: TestApi,
  partnerToken: string,
  body: Record<string, unknown> = {},
): Promise<Json> {
  return created(
    submitAsPartner(api, partnerToken, {
      email: uniqueEmail(),
      firstName: 'Ada',
      lastName: 'Lovelace',
      ...body,
    }),
  );
}

/** Moves a lead as the company (API key), asserting success (`lead.stage_changed` fires). */
export async function moveLead(
  api: TestApi,
  tenant: SeededTenant,
  leadId: string,
  stage: string,
  reason?: string,
): Promise<Json> {
  const response = await api.http.post(
    `/v1/leads/${leadId}/stage`,
    { stage, ...(reason ? { reason } : {}) },
    { token: tenant.apiKey },
  );
  if (response.status !== 200) {
    throw new Error(`moving lead to ${stage} failed: ${response.status} ${response.text}`);
  }
  return response.body;
}
