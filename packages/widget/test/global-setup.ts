import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiProcess } from '@leadbridge/devkit/api-process';
import { startMailCatcher } from '@leadbridge/devkit/mail-catcher';
import { createDatabase } from '@leadbridge/devkit/test-databases';
import { setupTestPostgres, teardownTestPostgres } from '@leadbridge/devkit/test-postgres';
import { startHostSite } from './support/host-site.js';

const widgetDist = join(dirname(fileURLToPath(import.meta.url)), '../dist');

/**
 * Once per run: PostgreSQL with a migrated database, a mail catcher, the built API as a real
 * process serving the built widget (WIDGET_DIR), and two host sites on other origins.
 */
// biome-ignore lint/style/noDefaultExport: Playwright takes globalSetup from the default export.
export default async function globalSetup(): Promise<() => Promise<void>> {
  await setupTestPostgres();
  const adminUrl = process.env.LB_TEST_ADMIN_URL ?? '';
  const database = await createDatabase(adminUrl, {
    template: process.env.LB_TEST_TEMPLATE_DB,
    prefix: 'lb_widget',
  });
  const mail = await startMailCatcher();
  const storage = mkdtempSync(join(tmpdir(), 'lb-widget-files-'));
  const api = await startApiProcess({
    env: {
      DATABASE_URL: database.url,
      WIDGET_DIR: widgetDist,
      SMTP_URL: mail.smtpUrl,
      APP_SECRET: 'widget-tests-secret-that-is-long-enough-0123456789',
      STORAGE_DIR: storage,
      MAIL_RETRY_DELAY_SECONDS: '1',
    },
  });
  const host = await startHostSite(api.url, 'localhost');
  const otherHost = await startHostSite(api.url, 'localhost');
  process.env.LB_WIDGET_API_URL = api.url;
  process.env.LB_WIDGET_HOST_URL = host.url;
  process.env.LB_WIDGET_OTHER_HOST_URL = otherHost.url;
  process.env.LB_WIDGET_DATABASE_URL = database.url;
  process.env.LB_WIDGET_MAIL_URL = mail.httpUrl;
  return async () => {
    await host.stop();
    await otherHost.stop();
    await api.stop();
    await mail.stop();
    await database.drop().catch(() => {});
    await teardownTestPostgres();
    rmSync(storage, { recursive: true, force: true });
  };
}
