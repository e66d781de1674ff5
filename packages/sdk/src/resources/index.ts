// Every resource group as a class of its own, for clients built from a `Core` with only the
// groups they need. Exported as `…Resource` so the names never clash with the API's types
// (`Company`, `Health`).
export { Analytics as AnalyticsResource } from './analytics.js';
export { ApiKeys as ApiKeysResource } from './api-keys.js';
export {
  Applications as ApplicationsResource,
  ProgramApplications as ProgramApplicationsResource,
} from './applications.js';
export { Auth as AuthResource } from './auth.js';
export { Commissions as CommissionsResource } from './commissions.js';
export { Company as CompanyResource } from './company.js';
export {
  Customers as CustomersResource,
  CustomerTransactions as CustomerTransactionsResource,
} from './customers.js';
export { Health as HealthResource } from './health.js';
export { Imports as ImportsResource } from './imports.js';
export { Invitations as InvitationsResource } from './invitations.js';
export { Leads as LeadsResource } from './leads.js';
export { Messages as MessagesResource } from './messages.js';
export { PartnerSelf as PartnerResource } from './partner.js';
export {
  PartnerSessions as PartnerSessionsResource,
  PartnerSignIn as PartnerSignInResource,
} from './partner-sessions.js';
export { Partners as PartnersResource } from './partners.js';
export { Programs as ProgramsResource } from './programs.js';
export { PublicPrograms as PublicProgramsResource } from './public-programs.js';
export { Resource } from './resource.js';
export { Users as UsersResource } from './users.js';
export {
  WebhookDeliveries as WebhookDeliveriesResource,
  WebhookEndpoints as WebhookEndpointsResource,
  Webhooks as WebhooksResource,
} from './webhooks.js';
