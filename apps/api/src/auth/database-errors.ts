import { QueryFailedError } from 'typeorm';

/** True when `error` is PostgreSQL's unique_violation, optionally on one named constraint/index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; constraint?: string };
  return driver.code === '23505' && (!constraint || driver.constraint === constraint);
}
