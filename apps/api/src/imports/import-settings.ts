import { ConfigError } from '../config/config';

/**
 * Tuning of the import pipeline. The limits users see (size, rows, concurrent imports) live in
 * AppConfig; these are operational knobs, read from the environment by this module alone.
 */
export interface ImportSettings {
  /** Rows per transaction: leads, their `imported` events, error rows and progress together. */
  batchSize: number;
  /** How often a worker looks for imports whose worker died (and at start-up). */
  recoveryIntervalSeconds: number;
  /** Imports one API process works on at the same time. */
  workerConcurrency: number;
  /** Worker starts (first run + resumes) after which an import is failed instead of resumed. */
  maxAttempts: number;
}

export const IMPORT_SETTINGS = Symbol('ImportSettings');

function integer(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

export function loadImportSettings(
  env: Record<string, string | undefined> = process.env,
): ImportSettings {
  return {
    batchSize: integer(env, 'IMPORT_BATCH_SIZE', 2000, 1, 20_000),
    recoveryIntervalSeconds: integer(env, 'IMPORT_RECOVERY_INTERVAL_SECONDS', 30, 1, 3600),
    workerConcurrency: integer(env, 'IMPORT_WORKER_CONCURRENCY', 2, 1, 16),
    maxAttempts: integer(env, 'IMPORT_MAX_ATTEMPTS', 10, 1, 100),
  };
}
