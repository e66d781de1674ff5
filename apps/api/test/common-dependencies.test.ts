import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// src/common/ is what every feature module builds on (auth, tenancy, problems, pagination,
// database helpers): it imports no feature module, so features can be added, split or removed
// without reaching into it. Configuration is the one other place it reads.

const SRC = join(__dirname, '../src');
const COMMON = join(SRC, 'common');
const ALLOWED = [COMMON, join(SRC, 'config')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('src/common', () => {
  it('imports no feature module', () => {
    const outside: string[] = [];
    for (const file of sourceFiles(COMMON)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/from '(\.[^']*)'/g)) {
        const target = resolve(dirname(file), match[1] as string);
        if (!ALLOWED.some((dir) => target === dir || target.startsWith(`${dir}${sep}`))) {
          outside.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
        }
      }
    }
    expect(outside).toEqual([]);
  });
});
