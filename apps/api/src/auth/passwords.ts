import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PasswordJob } from './password-worker';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): cheap enough for sign-in, expensive to
// brute-force offline.
const PARAMS = { memorySize: 19_456, iterations: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
// Bounds the work one request can cause; longer passphrases gain nothing.
export const PASSWORD_MAX_LENGTH = 256;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<
  number,
  { resolve: (value: unknown) => void; reject: (error: Error) => void }
>();

function runInWorker(job: Omit<PasswordJob, 'id' | 'params'>): Promise<unknown> {
  if (!worker) {
    const started = new Worker(join(__dirname, 'password-worker.js'));
    started.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.result);
    });
    started.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      worker = null;
    });
    // The worker must not keep a finished process (seed script, tests) alive. After the
    // listeners: adding a 'message' listener refs the worker's port again.
    started.unref();
    worker = started;
  }
  const id = nextId++;
  const active = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    active.postMessage({ ...job, id, params: PARAMS } satisfies PasswordJob);
  });
}

export async function hashPassword(password: string): Promise<string> {
  return (await runInWorker({ op: 'hash', password })) as string;
}

async function verify(hash: string, password: string): Promise<boolean> {
  return (await runInWorker({ op: 'verify', password, hash })) === true;
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown email) it still verifies
 * against a dummy, so both failures take the same time and reveal nothing.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('leadbridge-timing-equaliser');
  try {
    if (stored === null) {
      await verify(await dummyHash, password);
      return false;
    }
    return await verify(stored, password);
  } catch {
    // A malformed stored hash (e.g. imported users) is a failed sign-in, not a 500.
    return false;
  }
}

/** True when the stored hash was made with weaker parameters than today's (PHC string). */
export function passwordNeedsRehash(stored: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!match) return !stored.startsWith('$argon2');
  const [, memory, time, lanes] = match.map(Number);
  return (
    (memory ?? 0) < PARAMS.memorySize ||
    (time ?? 0) < PARAMS.iterations ||
    (lanes ?? 0) !== PARAMS.parallelism
  );
}
