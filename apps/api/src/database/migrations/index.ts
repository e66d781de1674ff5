import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { NotificationsWebhooksCommissions1764000800000 } from './1764000800000-notifications-webhooks-commissions';
import { ProgramPortalUrl1795616780256 } from './1795616780256-program-portal-url';
import { ImportResumeIdempotency1795617000000 } from './1795617000000-import-resume-idempotency';
import { LeadsUpdatedAtIndex1795617500000 } from './1795617500000-leads-updated-at-index';
import { ProgramPortalBranding1795620000000 } from './1795620000000-program-portal-branding';
import { ImportCancelledStatus1795630000000 } from './1795630000000-import-cancelled-status';
import { DistributionKeys1795650000000 } from './1795650000000-distribution-keys';
import { EmailLanguages1795670000000 } from './1795670000000-email-languages';
import { PartnerApplications1795680000000 } from './1795680000000-partner-applications';
import { LeadCountRollups1795690000000 } from './1795690000000-lead-count-rollups';
import { TypeormMetadata1795710000000 } from './1795710000000-typeorm-metadata';
import { ImpliedLeadCompanyKeys1795720000000 } from './1795720000000-implied-lead-company-keys';

/** Every migration, in order. A new migration is added here and nowhere else. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  NotificationsWebhooksCommissions1764000800000,
  ProgramPortalUrl1795616780256,
  ImportResumeIdempotency1795617000000,
  LeadsUpdatedAtIndex1795617500000,
  ProgramPortalBranding1795620000000,
  ImportCancelledStatus1795630000000,
  DistributionKeys1795650000000,
  EmailLanguages1795670000000,
  PartnerApplications1795680000000,
  LeadCountRollups1795690000000,
  TypeormMetadata1795710000000,
  ImpliedLeadCompanyKeys1795720000000,
];
