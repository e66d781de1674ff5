import { AnalyticsModule } from './analytics/analytics.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuthModule } from './auth/auth.module';
import { CommissionsModule } from './commissions/commissions.module';
import { CompaniesModule } from './companies/companies.module';
import { CustomersModule } from './customers/customers.module';
import { ImportsModule } from './imports/imports.module';
import { LeadsModule } from './leads/leads.module';
import { MessagesModule } from './messages/messages.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OnboardingModule } from './onboarding/onboarding.module';
import { PartnerSessionsModule } from './partner-sessions/partner-sessions.module';
import { PartnersModule } from './partners/partners.module';
import { PortalModule } from './portal/portal.module';
import { ProgramsModule } from './programs/programs.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * The product's feature modules, one per folder. Each feature registers itself here (one line),
 * so adding a feature leaves app.module.ts and its infrastructure wiring untouched.
 */
export const FEATURE_MODULES = [
  NotificationsModule,
  AuthModule,
  CompaniesModule,
  ApiKeysModule,
  PartnerSessionsModule,
  LeadsModule,
  ImportsModule,
  CustomersModule,
  ProgramsModule,
  PartnersModule,
  AnalyticsModule,
  CommissionsModule,
  WebhooksModule,
  MessagesModule,
  PortalModule,
  OnboardingModule,
  ApplicationsModule,
];
