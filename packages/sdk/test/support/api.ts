import { type ApiProcess, startApiProcess } from '@leadbridge/devkit/api-process';
import { createDatabase, type TestDatabase } from '@leadbridge/devkit/test-databases';

export interface RunningApi {
  url: string;
  output(): string;
  close(): Promise<void>;
}

/**
 * The built API as a real process on its own database, copied from the template that
 * global-setup migrated. One per test file.
 */
export async function startApi(env: Record<string, string> = {}): Promise<RunningApi> {
  const adminUrl = process.env.LB_TEST_ADMIN_URL;
  const template = process.env.LB_TEST_TEMPLATE_DB;
  if (!adminUrl || !template) throw new Error('run the SDK tests through jest (global-setup.mjs)');
  const database: TestDatabase = await createDatabase(adminUrl, { template });
  let api: ApiProcess;
  try {
    api = await startApiProcess({
      env: {
        DATABASE_URL: database.url,
        APP_SECRET: 'sdk-test-secret-0123456789-0123456789',
        ...env,
      },
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    url: api.url,
    output: () => api.output(),
    close: async () => {
      await api.stop();
      await database.drop();
    },
  };
}
