export {
  BRAND_COLOR_PATTERN,
  contrastRatio,
  normalizeBrandColor,
  PORTAL_SLUG_PATTERN,
  relativeLuminance,
  slugify,
  textColorOn,
} from './brand/brand.js';
export {
  csvTemplate,
  csvTemplateExampleRow,
  csvTemplateHeaders,
  isCsvTemplateExampleRow,
  REQUIRED_HEADER_SUFFIX,
} from './csv/csv-template.js';
export {
  CSV_LINE_ENDING,
  type CsvCellValue,
  type CsvWriteOptions,
  escapeCsvCell,
  writeCsv,
  writeCsvRow,
} from './csv/csv-writer.js';
export {
  type CsvFileOptions,
  ERROR_CSV_COLUMN,
  errorCsvHeader,
  errorCsvRow,
  formatRowErrors,
  UTF8_BOM,
} from './csv/error-csv.js';
export { neutraliseCsvFormula, restoreNeutralisedCell } from './csv/formula.js';
export { BUILT_IN_HEADER_ALIASES } from './csv/header-aliases.js';
export {
  type HeaderMapping,
  type HeaderOverrides,
  mapHeaders,
  matchHeader,
} from './csv/header-mapper.js';
export { headerMatchKey, normalizeHeader } from './csv/header-normalizer.js';
export {
  csvRowToLeadInput,
  errorColumnIndex,
  isEmptyCsvRow,
  validateCsvRow,
} from './csv/row-validator.js';
export {
  FREE_MAIL_BRANDS,
  FREE_MAIL_DOMAINS,
  isFreeMailDomain,
} from './duplicates/free-mail-domains.js';
export {
  companyDomain,
  DEDUPE_POLICIES,
  type DedupePolicy,
  type DuplicateMatch,
  type DuplicateReason,
  dedupePolicySchema,
  type LeadDeduper,
  type LeadIdentity,
  leadIdentity,
  normalizeEmail,
} from './duplicates/lead-identity.js';
export {
  BUILT_IN_FIELD_KEYS,
  BUILT_IN_FIELD_MAX_LENGTHS,
  BUILT_IN_FIELD_TYPES,
  type BuiltInFieldKey,
  createBuiltInField,
  createDefaultLeadFormSchema,
  DEFAULT_LEAD_FORM_SCHEMA,
  isBuiltInFieldKey,
} from './form/built-in-fields.js';
export { checkLeadFormSchema } from './form/check-form-schema.js';
export { FIELD_MAX_LENGTHS } from './form/compiled-schema.js';
export type { FieldErrorCatalog } from './form/field-error-catalog.js';
export {
  addAllFieldErrorCatalogs,
  FIELD_ERROR_CATALOGS,
} from './form/field-error-catalogs.js';
export {
  addFieldErrorCatalog,
  fieldErrorCatalog,
  fieldErrorMessage,
  localizeFieldErrors,
} from './form/field-error-messages.js';
export {
  type CheckResult,
  FIELD_ERROR_CODES,
  type FieldError,
  type FieldErrorCode,
  type FieldErrorParams,
  fieldErrorCodeSchema,
  fieldErrorSchema,
  isFieldErrorCode,
} from './form/field-errors.js';
export {
  FIELD_TYPES,
  type FieldType,
  fieldTypeHasOptions,
  fieldTypeSchema,
  isFieldType,
  OPTION_FIELD_TYPES,
} from './form/field-types.js';
export { validateField } from './form/field-validator.js';
export {
  FIELD_HELP_TEXT_MAX_LENGTH,
  FIELD_KEY_PATTERN,
  FIELD_LABEL_MAX_LENGTH,
  FIELD_PLACEHOLDER_MAX_LENGTH,
  type FormField,
  type FormFieldOption,
  formFieldOptionSchema,
  formFieldSchema,
  type LeadFormSchema,
  leadFormSchemaSchema,
  MAX_FIELD_OPTIONS,
  MAX_FORM_FIELDS,
  OPTION_MAX_LENGTH,
} from './form/form-schema.js';
export {
  type LeadData,
  type LeadFieldValue,
  type LeadInput,
  type LeadPatch,
  type LeadPatchInput,
  leadInputSchema,
  leadPatchInputSchema,
} from './form/lead-data.js';
export {
  type LeadValidationResult,
  type ValidateLeadOptions,
  validateLead,
} from './form/lead-validator.js';
export { FIELD_ERRORS_DE } from './form/messages-de.js';
export { FIELD_ERRORS_EN } from './form/messages-en.js';
export { FIELD_ERRORS_ES } from './form/messages-es.js';
export { FIELD_ERRORS_FR } from './form/messages-fr.js';
export { FIELD_ERRORS_IT } from './form/messages-it.js';
export { FIELD_ERRORS_NL } from './form/messages-nl.js';
export { FIELD_ERRORS_PT_BR } from './form/messages-pt-br.js';
export { normalizeLeadFormSchema } from './form/normalize-form-schema.js';
export {
  EMAIL_MAX_LENGTH,
  isValidEmail,
  isValidIsoDate,
  normalizePhone,
  normalizeUrl,
  URL_MAX_LENGTH,
} from './form/value-rules.js';
export {
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  localeSchema,
  resolveLocale,
  SUPPORTED_LOCALES,
} from './i18n/locale.js';
export { LOCALE_NAMES } from './i18n/locale-names.js';
export {
  addMoney,
  CURRENCY_PATTERN,
  currencySchema,
  formatMoney,
  isCurrencyCode,
  isSameCurrency,
  type Money,
  minorUnitDigits,
  moneySchema,
  parseMoney,
} from './money/money.js';
export { addCalendarMonthsUtc } from './offers/calendar.js';
export { type CheckOfferOptions, checkOffer, isKnownCurrency } from './offers/check-offer.js';
export {
  type CommissionDraft,
  type CommissionTextOptions,
  type CommissionTransaction,
  commissionsForStage,
  commissionsForTransaction,
  commissionWindowEnd,
  describeCommission,
  isWithinCommissionWindow,
  percentageOfAmount,
} from './offers/commission-calculator.js';
export { type DescribeOfferOptions, describeOffer } from './offers/describe-offer.js';
export {
  type FlatOfferRule,
  flatOfferRuleSchema,
  MAX_BASIS_POINTS,
  MAX_COMMISSION_MONTHS,
  MAX_OFFER_RULES,
  type Offer,
  type OfferRule,
  offerRuleSchema,
  offerSchema,
  type PercentageOfferRule,
  percentageOfferRuleSchema,
  REWARDABLE_STAGES,
} from './offers/offer.js';
export { formatBasisPoints } from './offers/offer-texts.js';
export {
  allowedCommissionTransitions,
  COMMISSION_STATUSES,
  COMMISSION_TRANSITIONS,
  type CommissionStatus,
  canTransitionCommission,
  commissionStatusSchema,
  isCommissionStatus,
  isFinalCommissionStatus,
} from './stages/commission-statuses.js';
export {
  CUSTOMER_STATUSES,
  type CustomerStatus,
  customerStatusAfterTransaction,
  customerStatusSchema,
} from './stages/customer-statuses.js';
export {
  DEFAULT_STAGE_LABELS,
  DEFAULT_STAGE_LABELS_BY_LOCALE,
  defaultStageLabels,
  resolveStageLabels,
  STAGE_LABEL_MAX_LENGTH,
  type StageLabels,
  stageLabel,
  stageLabelsSchema,
} from './stages/stage-labels.js';
export {
  allowedTransitions,
  canTransition,
  isLeadStage,
  isPartnerEditableStage,
  LEAD_STAGES,
  type LeadStage,
  leadStageSchema,
  NOTIFY_PARTNER_STAGES,
  nextStage,
  PARTNER_EDITABLE_STAGES,
  STAGE_TRANSITIONS,
  shouldNotifyPartner,
} from './stages/stages.js';
export {
  isSpreadsheetDateFormat,
  spreadsheetDateText,
  spreadsheetNumberText,
  spreadsheetSerialDate,
} from './xlsx/spreadsheet-cells.js';
export {
  type Inflate,
  type SheetRow,
  sheetCsv,
  WorkbookFormatError,
  WorkbookReader,
  type WorkbookSheetInfo,
} from './xlsx/workbook-reader.js';
export type { ReadBytes } from './xlsx/zip-directory.js';
