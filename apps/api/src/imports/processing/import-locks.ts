/**
 * The PostgreSQL advisory lock a worker holds (on its own session) while it works on an import.
 * The session dies with the worker process, so a free lock on a `processing` import means its
 * worker is gone and the import may be resumed.
 */
export function importLockKey(importId: string): string {
  return `lb:import:${importId}`;
}
