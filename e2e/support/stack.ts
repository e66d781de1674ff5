import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@leadbridge/devkit/ports';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** What `scripts/start.mjs` prints on its `LEADBRIDGE_READY` line. */
export interface ReadyInfo {
  apiUrl: string;
  adminUrl: string;
  demoUrl: string;
  mailUrl: string;
  smtpUrl: string;
  pgPort: number;
  dataDir: string;
  seeded: boolean;
  publishableKey: string;
  ownerEmail: string;
  partnerEmails: string[];
}

export interface Ports {
  api: number;
  demo: number;
  mailSmtp: number;
  mailHttp: number;
  pg: number;
}

export interface StopResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From the signal to the exit of `start.mjs`. */
  ms: number;
  /** What it printed after the signal. */
  output: string;
}

export interface Stack {
  ready: ReadyInfo;
  ports: Ports;
  /** Seconds from spawn to the ready line. */
  startSeconds: number;
  output: () => string;
  running: () => boolean;
  /** Ctrl-C as a terminal sends it: SIGINT to the whole process group. */
  interrupt: (timeoutMs: number) => Promise<StopResult>;
  /** Last resort after a failed run: SIGKILL to the group, then the data directory goes. */
  destroy: () => Promise<void>;
}

const READY = /^LEADBRIDGE_READY (.+)$/m;

/** Distinct free ports (freePort alone could hand out one port twice). */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether any process of the group `pgid` is still alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface StackOptions {
  logFile: string;
  timeoutMs: number;
  /**
   * Another checkout to start instead of this repository, with its own `.data/` (removed by
   * its owner) and extra environment, e.g. where the builds are.
   */
  checkout?: { root: string; env: Record<string, string> };
}

/**
 * Starts the whole system exactly as `npm start` does after its build, `node scripts/start.mjs`,
 * on free ports and a throwaway data directory, so a developer's `.data/` is never touched.
 * DATABASE_URL and SMTP_URL are dropped so it runs its embedded PostgreSQL and mail catcher.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const [api, demo, mailSmtp, mailHttp, pg] = (await freePorts(5)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const ports: Ports = { api, demo, mailSmtp, mailHttp, pg };
  const dataDir = options.checkout
    ? join(options.checkout.root, '.data')
    : mkdtempSync(join(tmpdir(), 'lb-e2e-data-'));
  // Under root, PostgreSQL runs as the `postgres` user, which must reach dataDir/pg.
  if (!options.checkout) chmodSync(dataDir, 0o755);
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.checkout?.env,
    ...(options.checkout ? {} : { LEADBRIDGE_DATA_DIR: dataDir }),
    PORT: String(api),
    DEMO_PORT: String(demo),
    MAIL_SMTP_PORT: String(mailSmtp),
    MAIL_HTTP_PORT: String(mailHttp),
    PG_PORT: String(pg),
  };
  for (const name of ['DATABASE_URL', 'SMTP_URL', 'PUBLIC_URL', 'ADMIN_ORIGINS', 'APP_SECRET']) {
    delete env[name];
  }
  if (options.checkout) delete env.LEADBRIDGE_DATA_DIR;
  const started = Date.now();
  // Its own process group, as a terminal gives `npm start`: Ctrl-C reaches every process in it.
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: options.checkout?.root ?? repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid ?? 0;
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (!log.writableEnded) log.write(chunk);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  // A detached group outlives its parent: if the test worker dies (timeout, crash), take it along.
  const killOnExit = () => {
    if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);

  const destroy = async () => {
    process.off('exit', killOnExit);
    if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    if (child.exitCode === null && child.signalCode === null) await exited;
    if (!log.writableEnded) log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const ready = await new Promise<ReadyInfo>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(`start.mjs printed no ready line within ${options.timeoutMs} ms:\n${output}`),
      );
    }, options.timeoutMs);
    const check = () => {
      const match = READY.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve(JSON.parse(match[1]) as ReadyInfo);
    };
    child.stdout?.on('data', check);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(`start.mjs exited (code ${code}, signal ${signal}) before ready:\n${output}`),
      );
    });
  }).catch(async (error: unknown) => {
    await destroy();
    throw error;
  });

  return {
    ready,
    ports,
    startSeconds: (Date.now() - started) / 1000,
    output: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    interrupt: async (timeoutMs) => {
      process.off('exit', killOnExit);
      const mark = output.length;
      const sent = Date.now();
      process.kill(-pgid, 'SIGINT');
      const result = await Promise.race([
        exited,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
      ]);
      const ms = Date.now() - sent;
      log.end();
      if (!result) {
        throw new Error(`npm start did not stop within ${timeoutMs} ms of Ctrl-C:\n${output}`);
      }
      return { ...result, ms, output: output.slice(mark) };
    },
    destroy,
  };
}

/** After a stop: the data directory goes (only once PostgreSQL has let go of it). */
export function removeDataDir(ready: ReadyInfo): void {
  if (existsSync(ready.dataDir)) rmSync(ready.dataDir, { recursive: true, force: true });
}
