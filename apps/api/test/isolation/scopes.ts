import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/** A set of rows: per table, a WHERE clause over alias `t` and its parameters. */
export type RowScope = { table: string; where: string; params: unknown[] }[];

/** Tables whose rows belong to a tenant: every table with a company_id column, and companies. */
export async function tenantTables(db: Pool): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.column_name = 'company_id' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name`,
  );
  return rows.map((row) => row.table_name);
}

/** Every row of a company. */
export async function companyScope(db: Pool, companyId: string): Promise<RowScope> {
  const tables = await tenantTables(db);
  return [
    { table: 'companies', where: 't.id = $1', params: [companyId] },
    ...tables.map((table) => ({ table, where: 't.company_id = $1', params: [companyId] })),
  ];
}

/**
 * One partner's rows in one program (what that partner session owns), optionally with the
 * partner's own record and the program's record.
 */
export function sliceScope(
  slice: { companyId: string; programId: string; partnerId: string },
  include: { partner?: boolean; program?: boolean } = {},
): RowScope {
  const owned = 't.company_id = $1 AND t.partner_id = $2 AND t.program_id = $3';
  const params = [slice.companyId, slice.partnerId, slice.programId];
  const child = (table: string, column: string, parent: string): RowScope[number] => ({
    table,
    where: `t.company_id = $1 AND t.${column} IN (SELECT p.id FROM ${parent} p WHERE p.company_id = $1 AND p.partner_id = $2 AND p.program_id = $3)`,
    params,
  });
  const scope: RowScope = [
    ...['leads', 'customers', 'commissions', 'imports', 'message_threads'].map((table) => ({
      table,
      where: owned,
      params,
    })),
    child('lead_events', 'lead_id', 'leads'),
    child('transactions', 'customer_id', 'customers'),
    child('messages', 'thread_id', 'message_threads'),
    child('import_errors', 'import_id', 'imports'),
  ];
  if (include.partner) {
    scope.push(
      { table: 'partners', where: 't.company_id = $1 AND t.id = $2', params: params.slice(0, 2) },
      {
        table: 'partnerships',
        where: 't.company_id = $1 AND t.partner_id = $2 AND t.program_id = $3',
        params,
      },
    );
  }
  if (include.program) {
    scope.push(
      {
        table: 'programs',
        where: 't.company_id = $1 AND t.id = $2',
        params: [slice.companyId, slice.programId],
      },
      {
        table: 'partnerships',
        where: 't.company_id = $1 AND t.program_id = $2',
        params: [slice.companyId, slice.programId],
      },
    );
  }
  return scope;
}

/** A company's record and a partner's record: what any session of that partner knows. */
export function partnerIdentityScope(slice: {
  companyId: string;
  programId: string;
  partnerId: string;
}): RowScope {
  return [
    { table: 'companies', where: 't.id = $1', params: [slice.companyId] },
    {
      table: 'programs',
      where: 't.company_id = $1 AND t.id = $2',
      params: [slice.companyId, slice.programId],
    },
    {
      table: 'partners',
      where: 't.company_id = $1 AND t.id = $2',
      params: [slice.companyId, slice.partnerId],
    },
  ];
}

// Columns a row may change on its own (touched on use), left out of snapshots.
const VOLATILE: Record<string, string[]> = {
  api_keys: ['last_used_at'],
  user_sessions: ['last_seen_at', 'expires_at'],
};

/** The scope's rows as sorted JSON texts per table: equal snapshots = nothing written. */
export async function snapshot(db: Pool, scope: RowScope): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const part of scope) {
    const drop = (VOLATILE[part.table] ?? []).map((column) => ` - '${column}'`).join('');
    const { rows } = await db.query<{ row: string }>(
      `SELECT (to_jsonb(t)${drop})::text AS row FROM ${part.table} t WHERE ${part.where}`,
      part.params,
    );
    const key = `${part.table} WHERE ${part.where}`;
    result[key] = [...(result[key] ?? []), ...rows.map((r) => r.row)].sort();
  }
  return result;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      collectStrings(item, out);
    }
  }
}

/**
 * The identifying values in a scope's rows: every UUID (ids and references), every text that
 * carries one of `markers` (names, emails, subjects, bodies…), and every secret-looking key
 * (publishable keys, webhook secrets, API key prefixes). Hashes and generic words are not
 * identifying and are left out.
 */
export async function identifyingValues(
  db: Pool,
  scope: RowScope,
  markers: string[],
): Promise<Set<string>> {
  const values = new Set<string>();
  for (const part of scope) {
    const { rows } = await db.query<{ row: unknown }>(
      `SELECT to_jsonb(t) AS row FROM ${part.table} t WHERE ${part.where}`,
      part.params,
    );
    const strings: string[] = [];
    for (const row of rows) collectStrings(row.row, strings);
    for (const text of strings) {
      for (const uuid of text.match(UUID) ?? []) values.add(uuid.toLowerCase());
      if (markers.some((marker) => text.includes(marker))) values.add(text);
      if (/^(pk_|whsec_|sk_)[\w-]{6,}$/.test(text)) values.add(text);
    }
  }
  return values;
}

/** `victim` minus whatever the attacker legitimately knows. */
export function minus(victim: Set<string>, known: Set<string>): Set<string> {
  return new Set([...victim].filter((value) => !known.has(value)));
}

/**
 * The same object with every identifying value replaced by a fresh one of the same shape: ids
 * nobody has, emails nobody uses. A foreign id must be answered exactly like one of these.
 */
export function ghostOf<T extends object>(target: T, identifying: Set<string>): T {
  const replace = (value: string): string => {
    if (!identifying.has(value) && !identifying.has(value.toLowerCase())) return value;
    if (/^[0-9a-f-]{36}$/i.test(value)) return randomUUID();
    if (value.includes('@')) return `ghost.${randomBytes(5).toString('hex')}@example.com`;
    const prefix = /^[a-z]+_/.exec(value)?.[0] ?? '';
    return `${prefix}ghost${randomBytes(12).toString('hex')}`;
  };
  return Object.fromEntries(
    Object.entries(target).map(([key, value]) => [
      key,
      typeof value === 'string' ? replace(value) : value,
    ]),
  ) as T;
}
