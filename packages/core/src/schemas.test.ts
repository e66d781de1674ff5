import { z } from 'zod/mini';
import * as core from './index.js';

// Every schema the API uses for a body or a response must become OpenAPI via toJSONSchema,
// and must be a Standard Schema for NestJS's StandardSchemaValidationPipe.
const SCHEMAS = {
  leadStageSchema: core.leadStageSchema,
  stageLabelsSchema: core.stageLabelsSchema,
  customerStatusSchema: core.customerStatusSchema,
  commissionStatusSchema: core.commissionStatusSchema,
  fieldTypeSchema: core.fieldTypeSchema,
  formFieldOptionSchema: core.formFieldOptionSchema,
  formFieldSchema: core.formFieldSchema,
  leadFormSchemaSchema: core.leadFormSchemaSchema,
  leadInputSchema: core.leadInputSchema,
  leadPatchInputSchema: core.leadPatchInputSchema,
  fieldErrorCodeSchema: core.fieldErrorCodeSchema,
  fieldErrorSchema: core.fieldErrorSchema,
  dedupePolicySchema: core.dedupePolicySchema,
  currencySchema: core.currencySchema,
  moneySchema: core.moneySchema,
  flatOfferRuleSchema: core.flatOfferRuleSchema,
  percentageOfferRuleSchema: core.percentageOfferRuleSchema,
  offerRuleSchema: core.offerRuleSchema,
  offerSchema: core.offerSchema,
  localeSchema: core.localeSchema,
};

describe('exported schemas', () => {
  it('includes every exported zod schema', () => {
    const exported = Object.entries(core)
      .filter(([, value]) => typeof value === 'object' && value !== null && '~standard' in value)
      .map(([name]) => name);
    expect(exported.sort()).toEqual(Object.keys(SCHEMAS).sort());
  });

  it.each(Object.entries(SCHEMAS))('%s converts to an OpenAPI 3.0 schema', (_, schema) => {
    const json = z.toJSONSchema(schema, { target: 'openapi-3.0' });
    expect(json).toEqual(expect.any(Object));
    expect(JSON.stringify(json)).not.toContain('"not":{}');
  });

  it.each(Object.entries(SCHEMAS))('%s is a Standard Schema', (_, schema) => {
    expect(schema['~standard'].version).toBe(1);
    expect(schema['~standard'].vendor).toBe('zod');
    expect(typeof schema['~standard'].validate).toBe('function');
  });

  it('documents the lead input shape', () => {
    expect(z.toJSONSchema(core.leadInputSchema, { target: 'openapi-3.0' })).toMatchObject({
      type: 'object',
      required: ['email'],
      additionalProperties: false,
      properties: {
        email: { type: 'string' },
        firstName: { type: 'string' },
        fields: { type: 'object' },
      },
    });
  });

  it('documents the offer with its ranges', () => {
    const json = JSON.stringify(z.toJSONSchema(core.offerSchema, { target: 'openapi-3.0' }));
    expect(json).toContain('"maximum":10000');
    expect(json).toContain('"maximum":120');
    expect(json).toContain('"nullable":true');
    expect(json).toContain('"pattern":"^[A-Z]{3}$"');
  });

  it('documents form field keys and limits', () => {
    const json = JSON.stringify(
      z.toJSONSchema(core.leadFormSchemaSchema, { target: 'openapi-3.0' }),
    );
    expect(json).toContain('"maxItems":50');
    expect(json).toContain('"maxLength":100');
    expect(json).toContain(JSON.stringify(core.FIELD_KEY_PATTERN.source));
  });

  it('validates through the Standard Schema interface', async () => {
    const ok = await core.leadInputSchema['~standard'].validate({
      email: 'a@b.co',
      fields: { x: 1 },
    });
    expect(ok).toEqual({ value: { email: 'a@b.co', fields: { x: 1 } } });
    const bad = await core.leadInputSchema['~standard'].validate({ email: 1, typo: true });
    expect('issues' in bad && bad.issues?.length).toBe(2);
  });

  it('accepts a LeadInput and a LeadPatchInput built from the types', () => {
    const input: core.LeadInput = {
      email: 'a@b.co',
      firstName: 'A',
      fields: { budget: 3, tags: ['x'], ok: true },
    };
    const patch: core.LeadPatchInput = { company: null, fields: { budget: null } };
    expect(core.leadInputSchema.safeParse(input).success).toBe(true);
    expect(core.leadPatchInputSchema.safeParse(patch).success).toBe(true);
    expect(core.leadPatchInputSchema.safeParse({}).success).toBe(true);
    expect(
      core.leadInputSchema.safeParse({ email: 'a@b.co', fields: { nested: { a: 1 } } }).success,
    ).toBe(false);
    const parsed: core.LeadInput | undefined = core.leadInputSchema.safeParse(input).data;
    expect(parsed).toEqual(input);
  });
});
