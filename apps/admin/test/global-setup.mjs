import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiProcess } from '@leadbridge/devkit/api-process';
import { startMailCatcher } from '@leadbridge/devkit/mail-catcher';
import { freePort } from '@leadbridge/devkit/ports';
import { testTempDir } from '@leadbridge/devkit/temp';
import { createDatabase } from '@leadbridge/devkit/test-databases';
import { setupTestPostgres, teardownTestPostgres } from '@leadbridge/devkit/test-postgres';

const here = dirname(fileURLToPath(import.meta.url));
const adminDist = join(here, '../dist');
const widgetDist = join(here, '../../../packages/widget/dist');

/**
 * Once per run: PostgreSQL with a migrated database, a mail catcher, and the built API as a real
 * process serving this app's build at / (same origin, cookie sessions) and the widget at /widget.
 */
/** @returns {Promise<() => Promise<void>>} the teardown */
export default async function globalSetup() {
  if (!existsSync(join(adminDist, 'index.html'))) {
    throw new Error('apps/admin is not built: run `npm run build -w @leadbridge/admin` first.');
  }
  // Undone in reverse order by the teardown, or right here when a step fails (Playwright runs
  // no teardown after a failed setup).
  const undo = [];
  const teardown = async () => {
    for (const step of undo.reverse()) await step().catch(() => {});
  };
  try {
    await setupTestPostgres();
    undo.push(teardownTestPostgres);
    const database = await createDatabase(process.env.LB_TEST_ADMIN_URL ?? '', {
      template: process.env.LB_TEST_TEMPLATE_DB,
      prefix: 'lb_admin',
    });
    undo.push(database.drop);
    const mail = await startMailCatcher();
    undo.push(mail.stop);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const api = await startApiProcess({
      port,
      env: {
        DATABASE_URL: database.url,
        ADMIN_DIR: adminDist,
        // The widget's build, when present, powers the form builder's live preview.
        ...(existsSync(join(widgetDist, 'lead-form.js')) ? { WIDGET_DIR: widgetDist } : {}),
        PUBLIC_URL: url,
        ADMIN_ORIGINS: url,
        SMTP_URL: mail.smtpUrl,
        APP_SECRET: 'admin-tests-secret-that-is-long-enough-0123456789',
        STORAGE_DIR: testTempDir('admin-files-'),
        // Webhook tests deliver to a receiver on this machine.
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_RETRY_DELAYS_SECONDS: '1,1',
      },
    });
    undo.push(api.stop);
    process.env.LB_ADMIN_TEST_URL = api.url;
    process.env.LB_ADMIN_TEST_DATABASE_URL = database.url;
    process.env.LB_ADMIN_TEST_MAIL_URL = mail.httpUrl;
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
