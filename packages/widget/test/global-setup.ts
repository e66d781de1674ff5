import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiProcess } from '@leadbridge/devkit/api-process';
import { startMailCatcher } from '@leadbridge/devkit/mail-catcher';
import { testTempDir } from '@leadbridge/devkit/temp';
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
  // Undone in reverse order by the teardown, or right here when a step fails (Playwright runs
  // no teardown after a failed setup).
  const undo: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const step of undo.reverse()) await step().catch(() => {});
  };
  try {
    await setupTestPostgres();
    undo.push(teardownTestPostgres);
    const adminUrl = process.env.LB_TEST_ADMIN_URL ?? '';
    const database = await createDatabase(adminUrl, {
      template: process.env.LB_TEST_TEMPLATE_DB,
      prefix: 'lb_widget',
    });
    undo.push(database.drop);
    const mail = await startMailCatcher();
    undo.push(mail.stop);
    const api = await startApiProcess({
      env: {
        DATABASE_URL: database.url,
        WIDGET_DIR: widgetDist,
        SMTP_URL: mail.smtpUrl,
        APP_SECRET: 'widget-tests-secret-that-is-long-enough-0123456789',
        STORAGE_DIR: testTempDir('widget-files-'),
        MAIL_RETRY_DELAY_SECONDS: '1',
      },
    });
    undo.push(api.stop);
    const host = await startHostSite(api.url, 'localhost');
    undo.push(host.stop);
    const otherHost = await startHostSite(api.url, 'localhost');
    undo.push(otherHost.stop);
    process.env.LB_WIDGET_API_URL = api.url;
    process.env.LB_WIDGET_HOST_URL = host.url;
    process.env.LB_WIDGET_OTHER_HOST_URL = otherHost.url;
    process.env.LB_WIDGET_DATABASE_URL = database.url;
    process.env.LB_WIDGET_MAIL_URL = mail.httpUrl;
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
