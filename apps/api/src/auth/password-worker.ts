import { randomBytes } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { argon2id, argon2Verify } from 'hash-wasm';

/**
 * Runs argon2id (WebAssembly, so no native build can break an install) off the event loop: one
 * hash takes ~50–150 ms of CPU, which would otherwise stall every other request.
 */
export interface PasswordJob {
  id: number;
  op: 'hash' | 'verify';
  password: string;
  hash?: string;
  params: { memorySize: number; iterations: number; parallelism: number };
}

parentPort?.on('message', async (job: PasswordJob) => {
  try {
    const result =
      job.op === 'hash'
        ? await argon2id({
            password: job.password,
            salt: randomBytes(16),
            ...job.params,
            hashLength: 32,
            outputType: 'encoded',
          })
        : await argon2Verify({ password: job.password, hash: job.hash ?? '' });
    parentPort?.postMessage({ id: job.id, result });
  } catch (error) {
    parentPort?.postMessage({
      id: job.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
