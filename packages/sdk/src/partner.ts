// `@leadbridge/sdk/partner`: what a partner-facing page (like `<lead-form>`) needs and nothing of
// the company's — the partner client, the partner's resource groups to build an even smaller
// one from a `Core`, errors, pages and the API's types.
export { Core } from './core/core.js';
export { isLeadbridgeError, LeadbridgeError, type TransportErrorCode } from './core/errors.js';
export type { LeadbridgeOptions, RequestOptions } from './core/options.js';
export { type Page, PagePromise } from './core/pagination.js';
export type { FetchLike } from './core/transport.js';
export { randomUuid } from './core/uuid.js';
export { LeadbridgePartner } from './leadbridge-partner.js';
export { ProgramApplications as ProgramApplicationsResource } from './resources/applications.js';
export { Commissions as CommissionsResource } from './resources/commissions.js';
export { Customers as CustomersResource } from './resources/customers.js';
export {
  type CreateImportParams,
  type ImportSource,
  Imports as ImportsResource,
} from './resources/imports.js';
export { Leads as LeadsResource } from './resources/leads.js';
export { Messages as MessagesResource } from './resources/messages.js';
export { PartnerSelf as PartnerResource } from './resources/partner.js';
export { PartnerSignIn as PartnerSignInResource } from './resources/partner-sessions.js';
export { PublicPrograms as PublicProgramsResource } from './resources/public-programs.js';
export type * from './types.js';
