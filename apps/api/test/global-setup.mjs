// Once per Jest run: real PostgreSQL and a migrated template database (see devkit/test-postgres),
// and with LB_TEST_STORAGE=s3 a local S3-compatible server whose bucket every test API uses
// (support/storage.ts), so the same suite covers both storage drivers.

import { startS3Server } from '@leadbridge/devkit/s3-server';
import { setupTestPostgres } from '@leadbridge/devkit/test-postgres';

export default async function setup() {
  await setupTestPostgres();
  if (process.env.LB_TEST_STORAGE === 's3') {
    const server = await startS3Server();
    globalThis.__lbS3Server = server;
    process.env.LB_TEST_S3_ENDPOINT = server.endpoint;
    process.env.LB_TEST_S3_BUCKET = await server.createBucket('lb-api-tests');
  }
}
