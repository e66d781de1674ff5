import * as core from './index.js';

// The names other packages are coding against; removing or renaming one breaks them.
const CONTRACT = [
  'LEAD_STAGES',
  'leadStageSchema',
  'STAGE_TRANSITIONS',
  'canTransition',
  'allowedTransitions',
  'nextStage',
  'DEFAULT_STAGE_LABELS',
  'stageLabelsSchema',
  'stageLabel',
  'resolveStageLabels',
  'NOTIFY_PARTNER_STAGES',
  'isPartnerEditableStage',
  'CUSTOMER_STATUSES',
  'COMMISSION_STATUSES',
  'canTransitionCommission',
  'FIELD_TYPES',
  'BUILT_IN_FIELD_KEYS',
  'DEFAULT_LEAD_FORM_SCHEMA',
  'formFieldSchema',
  'leadFormSchemaSchema',
  'checkLeadFormSchema',
  'normalizeLeadFormSchema',
  'leadInputSchema',
  'validateLead',
  'FIELD_ERROR_CODES',
  'fieldErrorMessage',
  'validateField',
  'csvTemplate',
  'csvTemplateHeaders',
  'normalizeHeader',
  'mapHeaders',
  'csvRowToLeadInput',
  'validateCsvRow',
  'escapeCsvCell',
  'writeCsvRow',
  'writeCsv',
  'errorCsvHeader',
  'errorCsvRow',
  'formatRowErrors',
  'normalizeEmail',
  'companyDomain',
  'DEDUPE_POLICIES',
  'leadIdentity',
  'moneySchema',
  'currencySchema',
  'minorUnitDigits',
  'formatMoney',
  'addMoney',
  'isSameCurrency',
  'offerSchema',
  'checkOffer',
  'commissionsForStage',
  'commissionsForTransaction',
  'describeOffer',
  'SUPPORTED_LOCALES',
] as const;

describe('public API', () => {
  it.each(CONTRACT)('exports %s', (name) => {
    expect(Object.keys(core)).toContain(name);
  });

  it('exports only named values that exist', () => {
    for (const [name, value] of Object.entries(core))
      expect([name, value]).not.toEqual([name, undefined]);
  });
});
