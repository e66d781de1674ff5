import { randomBytes } from 'node:crypto';

/** Where uploaded files live (`STORAGE_URL`, else `STORAGE_DIR`). */
export type StorageConfig =
  | { kind: 'local'; directory: string }
  | {
      kind: 's3';
      bucket: string;
      /** Key prefix inside the bucket, without slashes at either end ('' = the bucket's root). */
      prefix: string;
      /** An S3-compatible service's URL; null = AWS S3 itself. */
      endpoint: string | null;
      region: string;
      /** `https://host/bucket/key` instead of `https://bucket.host/key` (most self-hosted services). */
      forcePathStyle: boolean;
    };

/** Nest's log levels, least detailed first: `LOG_LEVEL` enables its level and those before. */
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type AppLogLevel = (typeof LOG_LEVELS)[number];

/** Everything the API reads from its environment, parsed once at boot. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  /** A worker-only process's health port (`HEALTH_PORT`); null = none. 0 = any free port. */
  healthPort: number | null;
  host: string;
  databaseUrl: string;
  databasePoolSize: number;
  /**
   * Named server-side prepared statements for the hottest queries. Off behind a pooler that
   * cannot keep them across transactions (PgBouncer < 1.21 in transaction mode, many hosted
   * poolers): each statement is then parsed per call, unnamed.
   */
  databasePreparedStatements: boolean;
  /** Signs partner session tokens and other short-lived tokens. */
  appSecret: string;
  /** Where the API is reachable from a browser; used in emails and links. */
  publicUrl: string;
  /** Origins of the admin app allowed to use cookie sessions (CORS with credentials). */
  adminOrigins: string[];
  smtpUrl: string | null;
  mailFrom: string;
  storage: StorageConfig;
  importMaxBytes: number;
  importMaxRows: number;
  importMaxRunningPerPartner: number;
  /** Rows per import transaction: leads, their `imported` events, error rows and progress. */
  importBatchSize: number;
  /** How often a worker looks for imports whose worker died or whose jobs all failed. */
  importRecoveryIntervalSeconds: number;
  /** Imports one API process works on at the same time. */
  importWorkerConcurrency: number;
  /** How often a worker folds the lead-count changes of every company into the rollups. */
  leadCountsFoldIntervalSeconds: number;
  /** Worker starts (first run + resumes) after which an import is failed instead of resumed. */
  importMaxAttempts: number;
  /**
   * How long an API key or partner session, once checked, is trusted without asking the
   * database again (0 = every request). Revoking in this process takes effect at once; other
   * replicas see it within this bound (docs/security.md).
   */
  principalCacheSeconds: number;
  /** How long a company's webhook subscriptions are kept in memory (0 = read per event). */
  webhookEndpointCacheSeconds: number;
  /** Development escape hatch: deliver webhooks to loopback/private addresses. */
  webhookAllowPrivate: boolean;
  /** Waits between webhook delivery attempts (seconds); attempts = this list's length + 1. */
  webhookRetryDelaysSeconds: number[];
  /** First email retry delay (seconds), doubling with jitter per retry (pg-boss backoff). */
  mailRetryDelaySeconds: number;
  /**
   * `trust proxy` (as Express had it; bootstrap.ts hands it to Fastify): how many proxy hops (or which addresses) to trust for the client IP
   * used by rate limits. `false` when the API faces clients directly.
   */
  trustProxy: boolean | number | string;
  /**
   * How often pg-boss maintenance runs (expires jobs whose worker died, archives finished
   * ones). Also how often stale `Idempotency-Key` records are swept.
   */
  jobsMaintenanceIntervalSeconds: number;
  /** Run pg-boss workers in this process (false for API-only replicas). */
  runWorkers: boolean;
  /** The most detailed level logged: `log` by default, `warn` under tests, `debug` for Nest's routes. */
  logLevel: AppLogLevel;
  logRequests: boolean;
  /** Built widget bundle served at /widget/ (long-cached, versioned file names). */
  widgetDir: string | null;
  /** Built admin app served at / (same origin as the API: cookie sessions need no CORS). */
  adminDir: string | null;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is required`);
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function url(name: string, raw: string, protocols: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL (got "${raw}")`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

function secondsList(env: Env, name: string, fallback: number[]): number[] {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const values = raw.split(',').map((part) => part.trim());
  if (values.length > 20 || values.some((v) => !/^\d+$/.test(v) || Number(v) > 7 * 86_400)) {
    throw new ConfigError(
      `${name} must be a comma-separated list of up to 20 whole seconds, each at most a week (got "${raw}")`,
    );
  }
  return values.map(Number);
}

function origins(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  return raw.split(',').map((origin) => {
    const value = origin.trim();
    try {
      return new URL(value).origin;
    } catch {
      throw new ConfigError(`${name} must be a comma-separated list of origins (got "${value}")`);
    }
  });
}

function logLevel(env: Env, fallback: AppLogLevel): AppLogLevel {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return fallback;
  const level = LOG_LEVELS.find((candidate) => candidate === raw);
  if (!level)
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${raw}")`);
  return level;
}

function trustProxy(raw: string | undefined): boolean | number | string {
  const value = raw?.trim();
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  // Also names like `loopback` and comma-separated addresses/subnets (proxy-addr).
  return value;
}

const S3_PARAMETERS = new Set(['endpoint', 'region', 'forcePathStyle']);

/**
 * `STORAGE_URL=s3://bucket[/prefix][?endpoint=URL&region=NAME&forcePathStyle=true|false]` or
 * `file:///absolute/dir`; unset = the `STORAGE_DIR` directory. Credentials are not part of the
 * URL: the AWS SDK reads them from its usual places (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY,
 * AWS_PROFILE, a container or instance role).
 */
function storageConfig(env: Env): StorageConfig {
  const raw = env.STORAGE_URL?.trim();
  if (!raw) return { kind: 'local', directory: env.STORAGE_DIR?.trim() || '.data/files' };
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`STORAGE_URL must be a URL (got "${raw}")`);
  }
  if (parsed.protocol === 'file:') {
    if (parsed.search || parsed.hash || parsed.host) {
      throw new ConfigError('STORAGE_URL file: URLs take an absolute path only (file:///dir)');
    }
    return { kind: 'local', directory: decodeURIComponent(parsed.pathname) };
  }
  if (parsed.protocol !== 's3:') {
    throw new ConfigError(`STORAGE_URL must start with s3:// or file:// (got "${raw}")`);
  }
  const bucket = parsed.hostname;
  // S3 bucket naming rules: 3–63 lower-case letters, digits, dots and hyphens.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(`STORAGE_URL must name a valid bucket: s3://BUCKET/… (got "${raw}")`);
  }
  if (parsed.username || parsed.password || parsed.port) {
    throw new ConfigError(
      'STORAGE_URL must not carry credentials or a port: set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, and the endpoint as ?endpoint=',
    );
  }
  const prefix = decodeURIComponent(parsed.pathname).replace(/^\/+|\/+$/g, '');
  if (prefix && !/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(prefix)) {
    throw new ConfigError(
      `STORAGE_URL's key prefix may use letters, digits, ".", "_", "-" and "/" only (got "${prefix}")`,
    );
  }
  for (const name of parsed.searchParams.keys()) {
    if (!S3_PARAMETERS.has(name)) {
      throw new ConfigError(
        `STORAGE_URL has an unknown parameter "${name}" (known: ${[...S3_PARAMETERS].join(', ')})`,
      );
    }
  }
  const endpointRaw = parsed.searchParams.get('endpoint')?.trim();
  const endpoint = endpointRaw
    ? url('STORAGE_URL endpoint', endpointRaw, ['http:', 'https:'])
    : null;
  const region =
    parsed.searchParams.get('region')?.trim() ||
    env.AWS_REGION?.trim() ||
    env.AWS_DEFAULT_REGION?.trim() ||
    // Self-hosted S3-compatible services accept any region name; AWS needs the right one.
    (endpoint ? 'us-east-1' : '');
  if (!region) {
    throw new ConfigError('STORAGE_URL needs a region: add ?region=… or set AWS_REGION');
  }
  const pathStyle = parsed.searchParams.get('forcePathStyle');
  if (pathStyle !== null && pathStyle !== 'true' && pathStyle !== 'false') {
    throw new ConfigError(`STORAGE_URL forcePathStyle must be true or false (got "${pathStyle}")`);
  }
  const forcePathStyle = pathStyle === null ? endpoint !== null : pathStyle === 'true';
  return { kind: 's3', bucket, prefix, endpoint, region, forcePathStyle };
}

/** Parses and validates the environment. Throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnvRaw = env.NODE_ENV?.trim() || 'development';
  if (nodeEnvRaw !== 'development' && nodeEnvRaw !== 'test' && nodeEnvRaw !== 'production') {
    throw new ConfigError(`NODE_ENV must be development, test or production (got "${nodeEnvRaw}")`);
  }
  const nodeEnv = nodeEnvRaw;
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = url('DATABASE_URL', required(env, 'DATABASE_URL'), [
    'postgres:',
    'postgresql:',
  ]);
  const appSecret = env.APP_SECRET?.trim() || '';
  if (nodeEnv === 'production' && appSecret.length < 32) {
    throw new ConfigError('APP_SECRET must be set to at least 32 characters in production');
  }
  if (appSecret && appSecret.length < 32) {
    throw new ConfigError('APP_SECRET must be at least 32 characters');
  }
  const publicUrl = url('PUBLIC_URL', env.PUBLIC_URL?.trim() || `http://localhost:${port}`, [
    'http:',
    'https:',
  ]).replace(/\/$/, '');
  const smtpUrl = env.SMTP_URL?.trim()
    ? url('SMTP_URL', env.SMTP_URL.trim(), ['smtp:', 'smtps:'])
    : null;
  const healthPortRaw = env.HEALTH_PORT?.trim();
  return {
    nodeEnv,
    port,
    healthPort: healthPortRaw ? integer(env, 'HEALTH_PORT', 0, 0, 65535) : null,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 500),
    databasePreparedStatements: boolean(env, 'DATABASE_PREPARED_STATEMENTS', true),
    // A random secret per process is safe (tokens just stop verifying after a restart) and
    // spares development setups a required variable; production must set one.
    appSecret: appSecret || randomBytes(32).toString('hex'),
    publicUrl,
    adminOrigins: origins(env, 'ADMIN_ORIGINS', ['http://localhost:5173']),
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'Leadbridge <no-reply@leadbridge.local>',
    storage: storageConfig(env),
    importMaxBytes: integer(env, 'IMPORT_MAX_BYTES', 100 * 1024 * 1024, 1, 10 * 1024 ** 3),
    importMaxRows: integer(env, 'IMPORT_MAX_ROWS', 1_000_000, 1, 100_000_000),
    importMaxRunningPerPartner: integer(env, 'IMPORT_MAX_RUNNING_PER_PARTNER', 1, 1, 100),
    importBatchSize: integer(env, 'IMPORT_BATCH_SIZE', 2000, 1, 20_000),
    importRecoveryIntervalSeconds: integer(env, 'IMPORT_RECOVERY_INTERVAL_SECONDS', 30, 1, 3600),
    jobsMaintenanceIntervalSeconds: integer(env, 'JOBS_MAINTENANCE_INTERVAL_SECONDS', 120, 1, 3600),
    importWorkerConcurrency: integer(env, 'IMPORT_WORKER_CONCURRENCY', 2, 1, 16),
    leadCountsFoldIntervalSeconds: integer(env, 'LEAD_COUNTS_FOLD_INTERVAL_SECONDS', 60, 1, 3600),
    importMaxAttempts: integer(env, 'IMPORT_MAX_ATTEMPTS', 10, 1, 100),
    principalCacheSeconds: integer(env, 'PRINCIPAL_CACHE_SECONDS', 5, 0, 60),
    webhookEndpointCacheSeconds: integer(env, 'WEBHOOK_ENDPOINT_CACHE_SECONDS', 5, 0, 60),
    webhookAllowPrivate: boolean(env, 'WEBHOOK_ALLOW_PRIVATE', false),
    // 9 attempts over ~27 hours: a receiver down for a day still gets every event.
    webhookRetryDelaysSeconds: secondsList(
      env,
      'WEBHOOK_RETRY_DELAYS_SECONDS',
      [5, 60, 300, 1800, 7200, 18_000, 36_000, 36_000],
    ),
    mailRetryDelaySeconds: integer(env, 'MAIL_RETRY_DELAY_SECONDS', 10, 1, 3600),
    trustProxy: trustProxy(env.TRUST_PROXY),
    runWorkers: boolean(env, 'RUN_WORKERS', true),
    logLevel: logLevel(env, nodeEnv === 'test' ? 'warn' : 'log'),
    logRequests: boolean(env, 'LOG_REQUESTS', nodeEnv !== 'test'),
    widgetDir: env.WIDGET_DIR?.trim() || null,
    adminDir: env.ADMIN_DIR?.trim() || null,
  };
}
