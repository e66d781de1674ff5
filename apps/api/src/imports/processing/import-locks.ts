/**
 * The PostgreSQL advisory lock key of an import. A worker holds it, transaction-level, in an
 * open transaction on a connection of its own while it works on the import (see
 * ImportProcessor.process); the transaction ends with the worker or its connection, so a free
 * lock on a `processing` import means its worker is gone and the import may be resumed.
 */
export function importLockKey(importId: string): string {
  return `lb:import:${importId}`;
}
