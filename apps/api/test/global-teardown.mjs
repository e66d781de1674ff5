// @ts-check
import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__LB_TEST_TEMPLATE__?.drop().catch(() => {});
  const pg = globalThis.__LB_TEST_PG__;
  if (pg) {
    await pg.stop();
    rmSync(pg.dataDir, { recursive: true, force: true });
  }
}
