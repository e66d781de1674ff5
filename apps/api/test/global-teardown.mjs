import { teardownTestPostgres } from '@leadbridge/devkit/test-postgres';

export default async function teardown() {
  await globalThis.__lbS3Server?.stop();
  await teardownTestPostgres();
}
