/** Where global-setup put things, read by the test files (their workers inherit the env). */
export interface TestEnvironment {
  apiUrl: string;
  hostUrl: string;
  /** Another host site, on yet another origin (a program that does not allow it). */
  otherHostUrl: string;
  databaseUrl: string;
  mailUrl: string;
}

function need(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the widget tests with \`npm test\` (playwright test)`);
  return value;
}

export function testEnvironment(): TestEnvironment {
  return {
    apiUrl: need('LB_WIDGET_API_URL'),
    hostUrl: need('LB_WIDGET_HOST_URL'),
    otherHostUrl: need('LB_WIDGET_OTHER_HOST_URL'),
    databaseUrl: need('LB_WIDGET_DATABASE_URL'),
    mailUrl: need('LB_WIDGET_MAIL_URL'),
  };
}
