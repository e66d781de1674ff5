import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiProcess, apiDistDir, startApiProcess } from '@leadbridge/devkit/api-process';
import { type MailCatcher, startMailCatcher } from '@leadbridge/devkit/mail-catcher';
import { freePort } from '@leadbridge/devkit/ports';
import { type S3Server, startS3Server } from '@leadbridge/devkit/s3-server';
import { createDatabase, withDatabase } from '@leadbridge/devkit/test-databases';
import { Pool } from 'pg';
import { TEST_APP_SECRET } from '../../support/test-api';
import { type Service, startHaproxy, startPgBouncer, startPostgres, track } from './services';
import { type SignedWebhookReceiver, startSignedWebhookReceiver } from './webhook-receiver';

/** A process of the cluster that the test may kill and start again (same port, same env). */
export interface Member {
  name: string;
  process(): ApiProcess;
  /** The running process's pid, null while it is down. */
  pid(): number | null;
  /** SIGKILL, as a crashed machine would. */
  kill(): Promise<void>;
  start(): Promise<void>;
}

export interface Cluster {
  /** Where clients go: HAProxy in front of both API replicas. */
  url: string;
  apis: [Member, Member];
  workers: [Member, Member];
  /** Direct SQL to the database (not through the pooler), for setup and assertions. */
  db: Pool;
  mail: MailCatcher;
  webhooks: SignedWebhookReceiver;
  s3: S3Server;
  bucket: string;
  /** Everything each part printed, for a failure report. */
  logs(): string;
  stop(): Promise<void>;
}

/** Cache bounds of the replicas: short, so the test can show they hold across replicas. */
export const CACHE_SECONDS = 2;

/**
 * The deployment docs/scaling.md describes, on one machine: PostgreSQL 18 (embedded) behind
 * PgBouncer in transaction mode, uploads in an S3-compatible bucket, two API-only replicas
 * (`main.js api`) behind HAProxy, two worker-only processes (`main.js worker`), SMTP to a mail
 * catcher and webhooks to a receiver that checks their signatures. Everything lives in one temp
 * dir and is stopped by stop(), also when a step of the start fails.
 */
export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'lb-cluster-'));
  // PostgreSQL and PgBouncer run as the `postgres` user under root: they must reach their files.
  chmodSync(dir, 0o755);
  const cleanups: (() => Promise<unknown> | unknown)[] = [
    () => rmSync(dir, { recursive: true, force: true }),
  ];
  const services: Service[] = [];
  const members: (Member & { logs(): string })[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.warn(`cluster cleanup: ${String(error)}`);
      }
    }
  };
  try {
    const pgDir = join(dir, 'pg');
    const pgPort = await freePort();
    const postgres = await startPostgres(pgDir, pgPort);
    services.push(postgres.service);
    cleanups.push(() => postgres.service.stop());
    const database = await createDatabase(postgres.url, { prefix: 'lb_cluster' });
    const db = new Pool({ connectionString: database.url, max: 4 });
    // pool.end() resolves before its sockets close, so PostgreSQL's fast shutdown right after
    // can still reach an idle connection: that must not fail the run (as in test-api.ts); a
    // query that needed the connection fails its test on its own.
    db.on('error', () => {});
    cleanups.push(() => db.end());

    const bouncerPort = await freePort();
    const bouncer = await startPgBouncer({
      dir,
      port: bouncerPort,
      upstreamPort: pgPort,
      user: 'postgres',
      password: 'postgres',
    });
    services.push(bouncer);
    cleanups.push(() => bouncer.stop());
    const pooled = withDatabase(
      `postgres://postgres:postgres@127.0.0.1:${bouncerPort}/postgres`,
      database.name,
    );

    const s3 = await startS3Server();
    cleanups.push(() => s3.stop());
    const bucket = await s3.createBucket('lb-cluster');
    const mail = await startMailCatcher();
    cleanups.push(() => mail.stop());
    const webhooks = await startSignedWebhookReceiver();
    cleanups.push(() => webhooks.close());

    // The release step: migrations once, through the pooler, before any process starts.
    const migrate = spawnSync(process.execPath, [join(apiDistDir(), 'database/migrate.js')], {
      env: { ...process.env, DATABASE_URL: pooled },
      encoding: 'utf8',
    });
    if (migrate.status !== 0) {
      throw new Error(`migrations through PgBouncer failed:\n${migrate.stdout}\n${migrate.stderr}`);
    }

    const lbPort = await freePort();
    const url = `http://127.0.0.1:${lbPort}`;
    const env: Record<string, string> = {
      DATABASE_URL: pooled,
      DATABASE_PREPARED_STATEMENTS: 'false',
      DATABASE_POOL_SIZE: '6',
      APP_SECRET: TEST_APP_SECRET,
      PUBLIC_URL: url,
      ...s3.env(bucket),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      SMTP_URL: mail.smtpUrl,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_RETRY_DELAYS_SECONDS: '1,2,4',
      MAIL_RETRY_DELAY_SECONDS: '1',
      TRUST_PROXY: 'loopback',
      PRINCIPAL_CACHE_SECONDS: String(CACHE_SECONDS),
      WEBHOOK_ENDPOINT_CACHE_SECONDS: String(CACHE_SECONDS),
      IMPORT_BATCH_SIZE: '1000',
      IMPORT_RECOVERY_INTERVAL_SECONDS: '1',
      JOBS_MAINTENANCE_INTERVAL_SECONDS: '5',
    };

    const member = (name: string, port: number, role: 'api' | 'worker') => {
      let current: ApiProcess | null = null;
      let log = '';
      const start = async () => {
        current = await startApiProcess({
          env: role === 'worker' ? { ...env, HEALTH_PORT: String(port) } : env,
          port: role === 'api' ? port : 0,
          args: [role],
          ready:
            role === 'api'
              ? /listening on http:\/\/localhost:(\d+)/
              : /health on http:\/\/localhost:(\d+)/,
        });
        track(current.child);
      };
      const m = {
        name,
        process: () => {
          if (!current) throw new Error(`${name} is not running`);
          return current;
        },
        pid: () => current?.child.pid ?? null,
        kill: async () => {
          if (!current) return;
          await current.kill();
          log += current.output();
          current = null;
        },
        stop: async () => {
          if (!current) return;
          await current.stop();
          log += current.output();
          current = null;
        },
        start,
        logs: () => `${log}${current?.output() ?? ''}`,
      };
      members.push(m);
      cleanups.push(() => m.stop());
      return m;
    };
    const apis = [
      member('api1', await freePort(), 'api'),
      member('api2', await freePort(), 'api'),
    ] as const;
    const workers = [
      member('worker1', await freePort(), 'worker'),
      member('worker2', await freePort(), 'worker'),
    ] as const;
    await Promise.all([...apis, ...workers].map((m) => m.start()));

    const haproxy = await startHaproxy({
      dir,
      port: lbPort,
      servers: apis.map((api) => ({ name: api.name, port: api.process().port })),
    });
    services.push(haproxy);
    cleanups.push(() => haproxy.stop());
    await waitForBoth(url);

    return {
      url,
      apis: [apis[0], apis[1]],
      workers: [workers[0], workers[1]],
      db,
      mail,
      webhooks,
      s3,
      bucket,
      logs: () =>
        [
          ...members.map((m) => `--- ${m.name}\n${m.logs().slice(-4000)}`),
          ...services.map((s) => `--- ${s.name}\n${s.output().slice(-2000)}`),
        ].join('\n'),
      stop,
    };
  } catch (error) {
    const logs = [...members.map((m) => `--- ${m.name}\n${m.logs().slice(-4000)}`)].join('\n');
    await stop();
    throw new Error(`starting the cluster failed: ${String(error)}\n${logs}`);
  }
}

/** Waits until HAProxy has seen both replicas healthy (each answered through it). */
export async function waitForBoth(url: string, timeoutMs = 20_000): Promise<void> {
  const seen = new Set<string>();
  const deadline = Date.now() + timeoutMs;
  while (seen.size < 2) {
    const response = await fetch(`${url}/health`).catch(() => null);
    const server = response?.headers.get('x-served-by');
    if (response?.ok && server) seen.add(server);
    if (Date.now() > deadline) throw new Error(`HAProxy saw only ${[...seen].join(', ')} healthy`);
    if (seen.size < 2) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
