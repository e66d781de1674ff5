// `npm test` after its build: every package's suite (turbo, one at a time), the API's
// reliability suite, the API suite on the machine's PostgreSQL 15 with S3 storage, and the
// cluster test. `node scripts/test.mjs reliability cluster` runs only the ones named.
//
// The suites run with a temp directory of their own (TMPDIR). After each command this script
// fails the run if anything a suite should have removed is still in it — the `lb-*` folders of
// test clusters, uploads and checkouts, or `pg-password-*` files — and then removes the whole
// directory, so even a suite killed mid-way (Ctrl-C) leaves nothing in the system's temp dir.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LEFTOVER = /^(lb-|pg-password-)/;

const apiScript = (name) => ['npm', ['run', name, '--silent', '-w', '@leadbridge/api']];
const commands = {
  suites: ['npx', ['turbo', 'run', 'test', '--concurrency=1', '--output-logs=new-only']],
  reliability: apiScript('test:reliability'),
  postgres15: apiScript('test:postgres15'),
  cluster: apiScript('test:cluster'),
};
const named = process.argv.slice(2);
const unknown = named.filter((name) => !(name in commands));
if (unknown.length > 0) {
  console.error(
    `Unknown suite ${unknown.join(', ')}: choose from ${Object.keys(commands).join(', ')}.`,
  );
  process.exit(1);
}
const wanted = named.length > 0 ? named : Object.keys(commands);

const runTmp = mkdtempSync(join(tmpdir(), 'leadbridge-test-'));
// Under root, embedded PostgreSQL runs as `postgres` and must reach its data directories here.
chmodSync(runTmp, 0o755);

let child = null;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // A terminal's Ctrl-C reaches the suites too; wait for them to stop, then clean up.
    interrupted = true;
    if (child && signal !== 'SIGINT') child.kill(signal);
  });
}

function run(command, args) {
  return new Promise((resolve) => {
    child = spawn(command, args, {
      stdio: 'inherit',
      env: {
        ...process.env,
        TMPDIR: runTmp,
        TURBO_TELEMETRY_DISABLED: '1',
        DO_NOT_TRACK: '1',
      },
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.once('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
  });
}

/** Removes a tree even while a just-stopped PostgreSQL may still be letting go of it. */
async function removeTree(path) {
  for (let attempt = 0; ; attempt++) {
    try {
      rmSync(path, { recursive: true, force: true });
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

let failed = false;
try {
  for (const name of wanted) {
    const [command, args] = commands[name];
    const code = await run(command, args);
    if (interrupted) break;
    const leftovers = readdirSync(runTmp).filter((entry) => LEFTOVER.test(entry));
    if (leftovers.length > 0) {
      console.error(
        `\n${name === 'suites' ? 'The test suites' : `The ${name} suite`} left ${leftovers.length} temp ${
          leftovers.length === 1 ? 'entry' : 'entries'
        } behind (tests must remove what they create, also on failure):\n${leftovers
          .map((entry) => `  ${entry}`)
          .join('\n')}`,
      );
      failed = true;
      for (const entry of leftovers) await removeTree(join(runTmp, entry));
    }
    if (code !== 0) {
      failed = true;
      break;
    }
  }
} finally {
  await removeTree(runTmp);
}
process.exit(interrupted ? 130 : failed ? 1 : 0);
