// Prints what the whole reliability run did, then stops the test PostgreSQL.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { teardownTestPostgres } from '@leadbridge/devkit/test-postgres';

export default async function teardown() {
  const file = process.env.LB_RELIABILITY_TALLY;
  if (file && existsSync(file)) {
    const totals = {};
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { name, count } = JSON.parse(line);
      totals[name] = (totals[name] ?? 0) + count;
    }
    const rows = Object.entries(totals).map(([name, count]) => `  ${name.padEnd(22)} ${count}`);
    console.log(`\nreliability summary\n${rows.join('\n')}\n`);
    rmSync(dirname(file), { recursive: true, force: true });
  }
  await teardownTestPostgres();
}
