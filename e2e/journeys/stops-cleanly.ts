import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { isListening, removeDataDir } from '../support/stack';
import type { World } from '../support/world';

/**
 * Last: Ctrl-C, as a person stops `npm start` in a terminal. Everything stops on its own within
 * a few seconds, exit code 0, the database shut down cleanly and no port left open.
 */
export async function stopsCleanly(world: World): Promise<void> {
  const { stack } = world;
  const { ready, ports } = stack;
  await world.company.close();
  await world.partner.close();

  const stopped = await stack.interrupt(15_000);
  console.log(`npm start stopped ${stopped.ms} ms after Ctrl-C (exit code ${stopped.code})`);
  expect(stopped.output).toContain('Stopping Leadbridge…');
  expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });

  // PostgreSQL shut down (a clean shutdown removes postmaster.pid) and nothing listens any more.
  expect(existsSync(join(ready.dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  const open = [];
  for (const [name, port] of Object.entries(ports)) if (await isListening(port)) open.push(name);
  expect(open).toEqual([]);
  removeDataDir(ready);
}
