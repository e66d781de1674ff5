// @ts-check
// The baseline of the POST /v1/leads benchmark: node:http + pg and nothing else. It parses the
// same JSON body and INSERTs the same row into a table identical to `leads` (same columns,
// defaults, indexes and foreign keys), so the difference to the API is the API's own work:
// auth, rate limit, program rules, validation, dedupe, history, events, transaction.
// Run as a child process by leads.bench.mjs: `node bare-insert-server.mjs` with DATABASE_URL,
// BENCH_TABLE, PORT and POOL_SIZE in the environment; prints `listening on <port>`.
import { createServer } from 'node:http';
import pg from 'pg';

const table = process.env.BENCH_TABLE ?? 'bench_leads';
if (!/^[a-z_]+$/.test(table)) throw new Error('BENCH_TABLE must be a plain identifier');
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});
const companyId = process.env.BENCH_COMPANY_ID;
const programId = process.env.BENCH_PROGRAM_ID;
const partnerId = process.env.BENCH_PARTNER_ID;

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const email = String(body.email);
      const { rows } = await pool.query(
        `INSERT INTO ${table} (company_id, program_id, partner_id, email, email_normalized,
                               first_name, last_name, company_name, fields, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'form') RETURNING id, created_at`,
        [
          companyId,
          programId,
          partnerId,
          email,
          email.trim().toLowerCase(),
          body.firstName ?? null,
          body.lastName ?? null,
          body.company ?? null,
          JSON.stringify(body.fields ?? {}),
        ],
      );
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify(rows[0]));
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    }
  });
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
