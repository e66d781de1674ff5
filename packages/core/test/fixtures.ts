import type { FormField, LeadFormSchema } from '../src/form/form-schema.js';

/** A form using every field type, built-ins relabelled and reordered. */
export const SAMPLE_SCHEMA: LeadFormSchema = {
  fields: [
    { key: 'email', label: 'Email', type: 'email', required: true, order: 0, builtIn: true },
    {
      key: 'firstName',
      label: 'First name',
      type: 'text',
      required: true,
      order: 1,
      builtIn: true,
    },
    { key: 'lastName', label: 'Last name', type: 'text', required: false, order: 2, builtIn: true },
    { key: 'company', label: 'Company', type: 'text', required: false, order: 3, builtIn: true },
    { key: 'industry', label: 'Industry', type: 'text', required: false, order: 4 },
    { key: 'notes', label: 'Notes', type: 'textarea', required: false, order: 5 },
    { key: 'billingEmail', label: 'Billing email', type: 'email', required: false, order: 6 },
    { key: 'phone', label: 'Phone', type: 'phone', required: false, order: 7 },
    { key: 'website', label: 'Website', type: 'url', required: false, order: 8 },
    { key: 'budget', label: 'Budget', type: 'number', required: true, order: 9 },
    {
      key: 'size',
      label: 'Company size',
      type: 'select',
      required: false,
      order: 10,
      options: [
        { value: 'small', label: '1 to 10' },
        { value: 'medium', label: '11 to 100' },
        { value: 'large', label: 'More than 100' },
      ],
    },
    {
      key: 'products',
      label: 'Products',
      type: 'multiselect',
      required: false,
      order: 11,
      options: [
        { value: 'crm', label: 'CRM' },
        { value: 'erp', label: 'ERP' },
        { value: 'bi', label: 'Reporting, BI' },
      ],
    },
    { key: 'consent', label: 'Consent', type: 'checkbox', required: true, order: 12 },
    { key: 'startDate', label: 'Start date', type: 'date', required: false, order: 13 },
  ],
};

export function sampleField(key: string): FormField {
  const field = SAMPLE_SCHEMA.fields.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`no field ${key}`);
  return field;
}

export const VALID_INPUT = {
  email: ' ada@example.com ',
  firstName: 'Ada',
  fields: { budget: '1200', consent: true },
};
