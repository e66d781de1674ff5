import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
/**
 * The built API. `LB_API_DIST` points at another build folder (e.g. apps/api/.dist-mine), so
 * several people can build and test in one checkout without overwriting each other's build.
 */
export function apiDistDir(): string {
  return process.env.LB_API_DIST ? process.env.LB_API_DIST : join(repoRoot, 'apps/api/dist');
}

export interface ApiProcess {
  /** Base URL, e.g. http://127.0.0.1:43123 */
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output: () => string;
  /** Graceful stop (SIGTERM). */
  stop: () => Promise<void>;
  /** SIGKILL, as a crash would. */
  kill: () => Promise<void>;
}

export interface StartApiOptions {
  /** Must contain DATABASE_URL. */
  env: Record<string, string>;
  /** 0 (default) = any free port. */
  port?: number;
  timeoutMs?: number;
  /** Arguments after `main.js`, e.g. `['worker']` for a worker-only process. */
  args?: string[];
  /**
   * The line that says the process is ready, with its port as the first group. Default: the
   * API's "listening on http://localhost:PORT"; a worker prints "health on http://localhost:PORT".
   */
  ready?: RegExp;
}

/**
 * Runs the built API (`apps/api/dist/main.js`) as a real process: the way it runs in
 * production, and the only way a test can kill it mid-work.
 */
export function startApiProcess({
  env,
  port = 0,
  timeoutMs = 60_000,
  args = [],
  ready = /listening on http:\/\/localhost:(\d+)/,
}: StartApiOptions): Promise<ApiProcess> {
  const child = spawn(process.execPath, [join(apiDistDir(), 'main.js'), ...args], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      LOG_REQUESTS: 'false',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`API did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        const actualPort = Number(match[1]);
        resolve({
          url: `http://127.0.0.1:${actualPort}`,
          port: actualPort,
          child,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
          kill: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`API exited before listening (code ${code}, signal ${signal}):\n${output}`));
    });
  });
}
