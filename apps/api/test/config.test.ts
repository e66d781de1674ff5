import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { apiDistDir } from '@leadbridge/devkit/api-process';
import { createDatabase } from '@leadbridge/devkit/test-databases';
import { ConfigError, loadConfig } from '../src/config/config';

const validEnv = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

describe('configuration', () => {
  it('reads defaults from a minimal environment', () => {
    const config = loadConfig(validEnv);
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe(validEnv.DATABASE_URL);
    expect(config.importMaxRows).toBe(1_000_000);
    expect(config).toMatchObject({
      importBatchSize: 2000,
      importWorkerConcurrency: 2,
      importRecoveryIntervalSeconds: 30,
      jobsMaintenanceIntervalSeconds: 120,
      leadCountsFoldIntervalSeconds: 60,
      importMaxAttempts: 10,
      principalCacheSeconds: 5,
      webhookEndpointCacheSeconds: 5,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be an integer/],
    [{ PORT: '70000' }, /^PORT must be an integer/],
    [{ DATABASE_URL: 'nonsense' }, /^DATABASE_URL must be a URL/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^DATABASE_URL must start with postgres:/],
    [{ DATABASE_URL: '' }, /^DATABASE_URL is required/],
    [{ SMTP_URL: 'http://mail' }, /^SMTP_URL must start with smtp:/],
    [{ NODE_ENV: 'production' }, /^APP_SECRET must be set/],
    [{ WEBHOOK_ALLOW_PRIVATE: 'maybe' }, /^WEBHOOK_ALLOW_PRIVATE must be true or false/],
    [{ IMPORT_BATCH_SIZE: '0' }, /^IMPORT_BATCH_SIZE must be an integer from 1 to 20000/],
    [{ IMPORT_WORKER_CONCURRENCY: 'two' }, /^IMPORT_WORKER_CONCURRENCY must be an integer/],
    [{ IMPORT_RECOVERY_INTERVAL_SECONDS: '0' }, /^IMPORT_RECOVERY_INTERVAL_SECONDS must be/],
    [{ JOBS_MAINTENANCE_INTERVAL_SECONDS: 'often' }, /^JOBS_MAINTENANCE_INTERVAL_SECONDS must be/],
    [{ LEAD_COUNTS_FOLD_INTERVAL_SECONDS: '0' }, /^LEAD_COUNTS_FOLD_INTERVAL_SECONDS must be/],
    [{ IMPORT_MAX_ATTEMPTS: '101' }, /^IMPORT_MAX_ATTEMPTS must be an integer from 1 to 100/],
    [{ PRINCIPAL_CACHE_SECONDS: '61' }, /^PRINCIPAL_CACHE_SECONDS must be an integer from 0 to 60/],
    [{ WEBHOOK_ENDPOINT_CACHE_SECONDS: '-1' }, /^WEBHOOK_ENDPOINT_CACHE_SECONDS must be/],
    [{ LOG_LEVEL: 'chatty' }, /^LOG_LEVEL must be one of error, warn, log, debug, verbose/],
    [{ DATABASE_PREPARED_STATEMENTS: 'sometimes' }, /^DATABASE_PREPARED_STATEMENTS must be/],
    [{ HEALTH_PORT: 'x' }, /^HEALTH_PORT must be an integer/],
    [{ STORAGE_URL: 'ftp://files' }, /^STORAGE_URL must start with s3:\/\/ or file:\/\//],
    [{ STORAGE_URL: 's3://Bad_Bucket' }, /^STORAGE_URL must name a valid bucket/],
    [{ STORAGE_URL: 's3://key:secret@bucket' }, /^STORAGE_URL must not carry credentials/],
    [{ STORAGE_URL: 's3://bucket?endpoint=x' }, /^STORAGE_URL endpoint must be a URL/],
    [
      { STORAGE_URL: 's3://bucket?endpont=http://x' },
      /^STORAGE_URL has an unknown parameter "endpont"/,
    ],
    [{ STORAGE_URL: 's3://bucket' }, /^STORAGE_URL needs a region/],
    [
      { STORAGE_URL: 's3://bucket?endpoint=http://x&forcePathStyle=1' },
      /^STORAGE_URL forcePathStyle must be true or false/,
    ],
  ])('refuses %p with a message naming the variable', (override, message) => {
    expect(() => loadConfig({ ...validEnv, ...override })).toThrow(ConfigError);
    expect(() => loadConfig({ ...validEnv, ...override })).toThrow(message);
  });

  it('keeps uploads in a local directory unless STORAGE_URL names an S3-compatible bucket', () => {
    expect(loadConfig(validEnv).storage).toEqual({ kind: 'local', directory: '.data/files' });
    expect(loadConfig({ ...validEnv, STORAGE_DIR: '/srv/files' }).storage).toEqual({
      kind: 'local',
      directory: '/srv/files',
    });
    expect(loadConfig({ ...validEnv, STORAGE_URL: 'file:///srv/lb%20files' }).storage).toEqual({
      kind: 'local',
      directory: '/srv/lb files',
    });
    // STORAGE_URL wins over a STORAGE_DIR a launcher sets by default.
    expect(
      loadConfig({
        ...validEnv,
        STORAGE_DIR: '/srv/files',
        STORAGE_URL: 's3://lb-uploads/prod/imports/?endpoint=http://127.0.0.1:9000',
      }).storage,
    ).toEqual({
      kind: 's3',
      bucket: 'lb-uploads',
      prefix: 'prod/imports',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      forcePathStyle: true,
    });
    // AWS itself: region from the usual variable, virtual-hosted addressing.
    expect(
      loadConfig({ ...validEnv, STORAGE_URL: 's3://lb-uploads', AWS_REGION: 'eu-central-1' })
        .storage,
    ).toEqual({
      kind: 's3',
      bucket: 'lb-uploads',
      prefix: '',
      endpoint: null,
      region: 'eu-central-1',
      forcePathStyle: false,
    });
    expect(
      loadConfig({
        ...validEnv,
        STORAGE_URL:
          's3://lb-uploads?region=eu-west-3&endpoint=https://s3.example.net&forcePathStyle=false',
      }).storage,
    ).toMatchObject({ region: 'eu-west-3', forcePathStyle: false });
  });

  it('uses named prepared statements unless a pooler needs them off', () => {
    expect(loadConfig(validEnv).databasePreparedStatements).toBe(true);
    expect(
      loadConfig({ ...validEnv, DATABASE_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements,
    ).toBe(false);
  });

  it('exits with one clear line, not a stack trace, when the process gets bad config', () => {
    const main = join(apiDistDir(), 'main.js');
    for (const [env, variable] of [
      [{ DATABASE_URL: 'nonsense' }, 'DATABASE_URL'],
      [{ ...validEnv, PORT: 'abc' }, 'PORT'],
    ] as const) {
      const result = spawnSync(process.execPath, [main], {
        env: { PATH: process.env.PATH, ...env },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    }
  });

  it('refuses an unknown process role, naming the ones there are', () => {
    const result = spawnSync(process.execPath, [join(apiDistDir(), 'main.js'), 'workers'], {
      env: { PATH: process.env.PATH, ...validEnv },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Unknown role "workers": run `node dist/main.js [all|api|worker]`',
    );
  });

  it('refuses to start when its file storage cannot be used, naming STORAGE_URL', async () => {
    const database = await createDatabase(process.env.LB_TEST_ADMIN_URL ?? '', {
      template: process.env.LB_TEST_TEMPLATE_DB,
    });
    const result = spawnSync(process.execPath, [join(apiDistDir(), 'main.js'), 'api'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: database.url,
        // Nothing listens on port 9 (discard): the bucket check fails fast.
        STORAGE_URL: 's3://lb-nowhere?endpoint=http://127.0.0.1:9',
        AWS_ACCESS_KEY_ID: 'x',
        AWS_SECRET_ACCESS_KEY: 'x',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    await database.drop();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^Cannot use the file storage s3:\/\/lb-nowhere at http:\/\/127\.0\.0\.1:9 \(STORAGE_URL \/ STORAGE_DIR\): /,
    );
  });
});
