import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '@leadbridge/devkit/ports';
import { postgresDataDir, sharedDir } from '@leadbridge/devkit/postgres';
import { expect, test } from '@playwright/test';
import { makePrivateCheckout } from '../support/private-checkout';
import { repoRoot, type Stack, startStack } from '../support/stack';

// As root on a fresh server, a clone lives in root's home (mode 700): `npm start` must still
// bring the system up, though PostgreSQL runs as a `postgres` user that cannot enter it.
test('npm start runs from a checkout only its owner can enter', async () => {
  test.setTimeout(240_000);
  const checkout = makePrivateCheckout();
  let stack: Stack | undefined;
  try {
    stack = await startStack({
      logFile: `${repoRoot}/artifacts/e2e/private-checkout.log`,
      timeoutMs: 180_000,
      checkout,
    });
    const { ready } = stack;
    console.log(`npm start in a private checkout was ready in ${stack.startSeconds.toFixed(1)} s`);

    const health = await fetch(`${ready.apiUrl}/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    const admin = await fetch(ready.adminUrl, { headers: { accept: 'text/html' } });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('<div id="root">');
    // The demo owner signs in: the seeded database answers through the API.
    const signIn = await fetch(`${ready.apiUrl}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ready.apiUrl },
      body: JSON.stringify({ email: ready.ownerEmail, password: 'leadbridge-demo' }),
    });
    expect(signIn.status).toBe(200);
    if (userInfo().uid === 0) {
      // The data went where the postgres user can reach it, and the person is told where.
      expect(stack.output()).toContain(`data in ${sharedDir()}/data/`);
    }
    expect(stack.output()).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);

    const stopped = await stack.interrupt(15_000);
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });
  } finally {
    await stack?.destroy();
    const data = postgresDataDir(join(checkout.root, '.data', 'pg'));
    if (data.relocated) rmSync(dirname(data.path), { recursive: true, force: true });
    checkout.remove();
  }
});

test('a start-up failure is one line that says what to do', async () => {
  test.setTimeout(120_000);
  // Something else already listens where the embedded PostgreSQL should.
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const address = blocker.address();
  const taken = typeof address === 'object' && address ? address.port : 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'lb-e2e-failing-'));
  chmodSync(dataDir, 0o755);
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LEADBRIDGE_DATA_DIR: dataDir,
      PG_PORT: String(taken),
      PORT: String(await freePort()),
      DEMO_PORT: String(await freePort()),
      MAIL_SMTP_PORT: String(await freePort()),
      MAIL_HTTP_PORT: String(await freePort()),
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `Leadbridge could not start. PostgreSQL could not listen on port ${taken}: it is in use. Stop what uses it or choose another port (PG_PORT for npm start).`,
    ]);
    expect(stdout).toContain('Starting Leadbridge…');
  } finally {
    blocker.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
