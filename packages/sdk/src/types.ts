import type { components, operations } from './generated/openapi.js';

// Everything here is derived from the generated OpenAPI types: when the API changes a shape,
// these change with it (and code using a removed one stops compiling).

type Schemas = components['schemas'];
type OperationId = keyof operations;

/** The JSON request body of an operation. */
export type BodyOf<K extends OperationId> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query parameters of an operation. */
export type QueryOf<K extends OperationId> = NonNullable<operations[K]['parameters']['query']>;

/**
 * A list operation's filters: `limit` is the page size (1–200); `cursor` starts the list at a
 * page a previous list returned.
 */
export type ListQuery<K extends OperationId> = Omit<QueryOf<K>, 'cursor' | 'limit'> & {
  limit?: number;
  cursor?: string;
};

/**
 * The page a list operation answers with: `data`, `nextCursor` and whatever else its schema
 * carries beside them (`unreadTotal` of the message threads).
 */
export type PageOf<K extends OperationId> = operations[K] extends {
  responses: { 200: { content: { 'application/json': infer P } } };
}
  ? P
  : never;

export type Health = Schemas['Health'];

export type AuthSession = Schemas['AuthSession'];
export type User = Schemas['User'];
export type UserPage = Schemas['UserPage'];
export type Company = Schemas['Company'];
export type SetupProgress = Schemas['SetupProgress'];
export type Invitation = Schemas['Invitation'];
export type InvitationPage = Schemas['InvitationPage'];
export type CreatedInvitation = Schemas['CreatedInvitation'];
export type InvitationPreview = Schemas['InvitationPreview'];
export type ApiKey = Schemas['ApiKey'];
export type ApiKeyPage = Schemas['ApiKeyPage'];
export type CreatedApiKey = Schemas['CreatedApiKey'];

export type Program = Schemas['Program'];
export type ProgramPage = Schemas['ProgramPage'];
export type PublicProgram = Schemas['PublicProgram'];
export type PartnerProgram = Schemas['PartnerProgram'];
export type LeadFormSchema = Schemas['LeadFormSchema'];
export type Offer = Schemas['Offer'];
export type ResolvedStageLabels = Schemas['ResolvedStageLabels'];

export type Partner = Schemas['Partner'];
export type PartnerPage = Schemas['PartnerPage'];
export type PartnerDetail = Schemas['PartnerDetail'];
export type Partnership = Schemas['Partnership'];
export type ProgramPartner = Schemas['ProgramPartner'];
export type ProgramPartnerPage = Schemas['ProgramPartnerPage'];

export type PartnerSession = Schemas['PartnerSession'];
export type PartnerMe = Schemas['PartnerMe'];
export type SignInCodeRequested = Schemas['SignInCodeRequested'];
export type NotificationPreferences = Schemas['NotificationPreferences'];
export type TeamNotificationPreferences = Schemas['TeamNotificationPreferences'];

export type PartnerApplication = Schemas['PartnerApplication'];
export type PartnerApplicationPage = Schemas['PartnerApplicationPage'];
export type BulkApplicationResult = Schemas['BulkApplicationResult'];
export type ApplicationCodeSent = Schemas['ApplicationCodeSent'];
export type ApplicationConfirmed = Schemas['ApplicationConfirmed'];

export type Lead = Schemas['Lead'];
export type LeadPage = Schemas['LeadPage'];
export type LeadStage = Lead['stage'];
export type LeadEvent = Schemas['LeadEvent'];
export type LeadEventPage = Schemas['LeadEventPage'];
export type BulkLeadStageResult = Schemas['BulkLeadStageResult'];

export type Import = Schemas['Import'];
export type ImportPage = Schemas['ImportPage'];
/** What `imports.dryRun` found: mapping, counts and the first problems (nothing stored). */
export type ImportDryRun = Schemas['ImportDryRun'];

export type Customer = Schemas['Customer'];
export type CustomerPage = Schemas['CustomerPage'];
export type CustomerTransaction = Schemas['CustomerTransaction'];
export type CustomerTransactionPage = Schemas['CustomerTransactionPage'];

export type Commission = Schemas['Commission'];
export type CommissionPage = Schemas['CommissionPage'];
export type CommissionTotals = Schemas['CommissionTotals'];
export type BulkCommissionResult = Schemas['BulkCommissionResult'];

export type MessageThread = Schemas['MessageThread'];
export type MessageThreadPage = Schemas['MessageThreadPage'];
export type Message = Schemas['Message'];
export type MessagePage = Schemas['MessagePage'];

export type WebhookEndpoint = Schemas['WebhookEndpoint'];
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookDeliveryPage = Schemas['WebhookDeliveryPage'];
export type WebhookEventTypeList = Schemas['WebhookEventTypeList'];

export type LeadsByWeek = Schemas['LeadsByWeek'];
export type Funnel = Schemas['Funnel'];
export type Revenue = Schemas['Revenue'];
export type TopPartners = Schemas['TopPartners'];

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;
type ProblemOfResponse<R> = R extends { content: { 'application/problem+json': infer P } }
  ? P
  : never;
type CodeOfProblem<P> = P extends { code?: infer C } ? Exclude<C, undefined> : never;

/**
 * The problem codes an operation documents, e.g. `ProblemCodeOf<'createLead'>` is
 * `'duplicate_lead' | 'lead_submission_disabled' | 'not_found' | 'validation_failed' | …` — the
 * values `LeadbridgeError.code` can take for that call when the API answered.
 */
export type ProblemCodeOf<K extends OperationId> = {
  [S in keyof operations[K]['responses']]: S extends ErrorStatus
    ? CodeOfProblem<ProblemOfResponse<operations[K]['responses'][S]>>
    : never;
}[keyof operations[K]['responses']];

/** Every problem code the API documents, across all operations. */
export type ProblemCode = { [K in OperationId]: ProblemCodeOf<K> }[OperationId];
