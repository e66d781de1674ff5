/** What global-setup.ts started, passed to the test workers through the environment. */
export function apiUrl(): string {
  const url = process.env.LB_ADMIN_TEST_URL;
  if (!url) throw new Error('run the admin tests through Playwright (test/global-setup.ts)');
  return url;
}

export function databaseUrl(): string {
  const url = process.env.LB_ADMIN_TEST_DATABASE_URL;
  if (!url) throw new Error('run the admin tests through Playwright (test/global-setup.ts)');
  return url;
}
