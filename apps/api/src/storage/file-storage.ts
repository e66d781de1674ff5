import type { Readable } from 'node:stream';

/** Injection token for the FileStorage the app runs with. */
export const FILE_STORAGE = Symbol('FileStorage');

/**
 * Where uploaded files live between the request that receives them and the job that reads them.
 * Keys are relative paths made of `[A-Za-z0-9._-]` segments joined by `/` (e.g.
 * `imports/<company>/<id>.csv`), so the same key works on a disk and in an S3-compatible bucket.
 * Implementations stream in both directions: no file is ever held in memory whole.
 */
export interface FileStorage {
  /** Where the files live, for logs (never credentials). */
  describe(): string;
  /** Rejects when the storage cannot be used (missing bucket, refused credentials, …). */
  verify(): Promise<void>;
  /**
   * Stores `body` under `key`. The object appears only once the stream ended without error (a
   * failed or aborted upload leaves nothing behind). Rejects with the stream's error.
   */
  put(key: string, body: Readable): Promise<{ size: number }>;
  /** Streams the object; rejects with StoredFileNotFoundError when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
}

export class StoredFileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored file under "${key}"`);
  }
}

const KEY_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Refuses keys that could escape the storage root or mean different things to different backends. */
export function assertStorageKey(key: string): void {
  if (key.length > 512 || !KEY_PATTERN.test(key) || key.split('/').includes('..')) {
    throw new Error(`Invalid storage key "${key}"`);
  }
}
