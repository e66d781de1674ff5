import { NotificationsModule } from './notifications/notifications.module';

/**
 * The product's feature modules, one per folder. Each feature registers itself here (one line)
 * so app.module.ts stays stable while features are built in parallel.
 */
export const FEATURE_MODULES = [NotificationsModule];
