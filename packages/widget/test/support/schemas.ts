import { createDefaultLeadFormSchema, type LeadFormSchema } from '@leadbridge/core';

/** A form with one custom field of every type core knows. */
export function everyTypeSchema(): LeadFormSchema {
  const schema = createDefaultLeadFormSchema();
  const order = schema.fields.length;
  schema.fields.push(
    {
      key: 'notes',
      label: 'Notes',
      type: 'textarea',
      required: false,
      order: order,
      helpText: 'Anything the sales team should know.',
    },
    {
      key: 'billingEmail',
      label: 'Billing email',
      type: 'email',
      required: false,
      order: order + 1,
    },
    { key: 'phone', label: 'Phone', type: 'phone', required: false, order: order + 2 },
    { key: 'website', label: 'Website', type: 'url', required: false, order: order + 3 },
    { key: 'seats', label: 'Expected seats', type: 'number', required: true, order: order + 4 },
    {
      key: 'plan',
      label: 'Plan',
      type: 'select',
      required: true,
      order: order + 5,
      options: [
        { value: 'starter', label: 'Starter' },
        { value: 'business', label: 'Business' },
      ],
    },
    {
      key: 'products',
      label: 'Products',
      type: 'multiselect',
      required: false,
      order: order + 6,
      options: [
        { value: 'crm', label: 'CRM' },
        { value: 'erp', label: 'ERP' },
        { value: 'bi', label: 'BI' },
      ],
    },
    {
      key: 'consent',
      label: 'The lead agreed to be contacted',
      type: 'checkbox',
      required: true,
      order: order + 7,
    },
    { key: 'startDate', label: 'Start date', type: 'date', required: false, order: order + 8 },
    { key: 'industry', label: 'Industry', type: 'text', required: false, order: order + 9 },
  );
  return schema;
}

/** The demo-like form used by the import tests: one required custom number and a select. */
export function importSchema(): LeadFormSchema {
  const schema = createDefaultLeadFormSchema();
  const order = schema.fields.length;
  schema.fields.push(
    { key: 'seats', label: 'Seats', type: 'number', required: true, order },
    {
      key: 'plan',
      label: 'Plan',
      type: 'select',
      required: false,
      order: order + 1,
      options: [
        { value: 'starter', label: 'Starter' },
        { value: 'business', label: 'Business' },
      ],
    },
  );
  return schema;
}
