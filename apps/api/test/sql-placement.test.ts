import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// SQL lives in repositories (docs/adr/0017-one-data-layer.md): a service, listener or controller
// calls a repository method and never holds a statement or runs one itself. Migrations and the
// seed (src/database/) and the driver-level helpers of src/common/database/ are the other places
// a statement may be.

const SRC = join(__dirname, '../src');

/** Where SQL statements and raw query calls are allowed. */
function sqlAllowed(path: string): boolean {
  return (
    path.endsWith('.repository.ts') ||
    path.startsWith(`database${sep}`) ||
    path.startsWith(`common${sep}database${sep}`)
  );
}

/** What gives SQL away: a raw query call, a query builder, or a statement in a string. */
const SQL_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'a raw query call', pattern: /\.query\s*(<[^>]*>)?\s*\(/ },
  { name: 'a prepared query call', pattern: /\bqueryPrepared\s*(<[^>]*>)?\s*\(/ },
  { name: 'a query builder', pattern: /\bcreateQueryBuilder\s*\(/ },
  { name: 'a SELECT statement', pattern: /\bSELECT\b[\s\S]{0,600}?\bFROM\s+[a-z_]/ },
  { name: 'an INSERT statement', pattern: /\bINSERT\s+INTO\b/ },
  { name: 'an UPDATE statement', pattern: /\bUPDATE\s+[a-z_]+(\s+[a-z_]+)?\s+SET\b/ },
  { name: 'a DELETE statement', pattern: /\bDELETE\s+FROM\b/ },
  { name: 'an advisory lock', pattern: /\bpg_(try_)?advisory_/ },
  // Fragments too: the tenant condition and keyset bounds are built where statements are.
  { name: 'a tenant condition', pattern: /\bcompany_id\s*=\s*\$/ },
  { name: 'a time zone conversion', pattern: /\bAT TIME ZONE\b/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The code without its comments (which may name statements when they explain one). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');
}

/** `file: what` for every SQL found outside the allowed places. */
function misplacedSql(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const path = relative(SRC, file);
    if (sqlAllowed(path)) continue;
    const code = withoutComments(readFileSync(file, 'utf8'));
    for (const { name, pattern } of SQL_PATTERNS) {
      if (pattern.test(code)) found.push(`${path}: ${name}`);
    }
  }
  return found;
}

describe('SQL placement', () => {
  it('keeps every statement and query call of apps/api/src in a repository', () => {
    expect(misplacedSql(sourceFiles(SRC))).toEqual([]);
  });

  it('recognises SQL in a service, and not in comments or prose', () => {
    const detect = (code: string) =>
      SQL_PATTERNS.filter(({ pattern }) => pattern.test(withoutComments(code))).map((p) => p.name);
    expect(detect('await this.db.query(`SELECT id FROM leads WHERE id = $1`, [id]);')).toEqual([
      'a raw query call',
      'a SELECT statement',
    ]);
    expect(detect("const sql = 'UPDATE leads l SET stage = $1';")).toEqual(['an UPDATE statement']);
    expect(detect('// SELECT id FROM leads, explained\n/* DELETE FROM x */')).toEqual([]);
    expect(detect("throw new Error('Select a program from the list');")).toEqual([]);
    expect(detect("const where = 'l.company_id = $1 AND l.stage = $2';")).toEqual([
      'a tenant condition',
    ]);
  });
});
