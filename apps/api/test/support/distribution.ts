import type { Pool } from 'pg';

/**
 * How each table of the `public` schema would be placed in a Citus cluster. Every table not
 * listed is a tenant table, distributed by `column`.
 */
export interface TablePlacement {
  /** The distribution column of tenant tables. */
  column: string;
  /** Copied to every node: small, read everywhere, may be looked up without the tenant. */
  reference: readonly string[];
  /** Kept on the coordinator only: not tenant data. */
  local: readonly string[];
}

interface TableRow {
  oid: number;
  name: string;
  /** attnum of the distribution column, or null when the table has none. */
  distAttnum: number | null;
  distNotNull: boolean;
}

interface UniqueIndexRow {
  name: string;
  table: number;
  definition: string;
  keyAttnums: number[];
  exclusion: boolean;
}

interface ForeignKeyRow {
  name: string;
  table: number;
  referenced: number;
  conkey: number[];
  confkey: number[];
  onDelete: string;
  onUpdate: string;
  definition: string;
}

const SET_ACTIONS: Record<string, string> = { n: 'SET NULL', d: 'SET DEFAULT', c: 'CASCADE' };

/**
 * Everything in the migrated schema that would stop `create_distributed_table(t, column)` or
 * `create_reference_table(t)`, as sentences naming the table and key; empty when there is none.
 * The rules are Citus's own checks (create_distributed_table.c: EnsureRelationCanBeDistributed
 * and ErrorIfUnsupportedConstraint; foreign_constraint.c: ErrorIfUnsupportedForeignConstraintExists):
 * - a unique index of a distributed table (primary key, UNIQUE constraint, unique index,
 *   partial or on expressions, or exclusion constraint) has the distribution column as one of
 *   its plain key columns, so uniqueness can be checked inside one shard;
 * - the distribution column is NOT NULL (Citus cannot place a row without it);
 * - a foreign key between distributed tables pairs the two distribution columns at the same
 *   position; from a distributed table it may reference a reference table, never a local one;
 * - a foreign key that holds the distribution column never sets it (ON DELETE SET NULL/SET
 *   DEFAULT — even with a column list, which Citus does not look at — and ON UPDATE SET
 *   NULL/SET DEFAULT/CASCADE);
 * - a reference table references only reference tables; a local table no tenant table.
 */
export async function distributionProblems(db: Pool, placement: TablePlacement): Promise<string[]> {
  const problems: string[] = [];
  const { rows: tables } = await db.query<TableRow>(
    `SELECT c.oid::int AS oid, c.relname AS name, a.attnum AS "distAttnum",
            coalesce(a.attnotnull, false) AS "distNotNull"
       FROM pg_class c
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = $1 AND NOT a.attisdropped
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
    [placement.column],
  );
  const names = new Set(tables.map((table) => table.name));
  for (const [list, listed] of [
    ['reference', placement.reference],
    ['local', placement.local],
  ] as const) {
    for (const name of listed) {
      if (!names.has(name))
        problems.push(`the ${list} table list names "${name}", which does not exist`);
      if (list === 'reference' && placement.local.includes(name)) {
        problems.push(`"${name}" is listed both as a reference and as a local table`);
      }
    }
  }
  type Kind = 'distributed' | 'reference' | 'local';
  const kindOf = (name: string): Kind =>
    placement.reference.includes(name)
      ? 'reference'
      : placement.local.includes(name)
        ? 'local'
        : 'distributed';
  const byOid = new Map(tables.map((table) => [table.oid, { ...table, kind: kindOf(table.name) }]));

  for (const table of byOid.values()) {
    if (table.kind !== 'distributed') continue;
    if (table.distAttnum === null) {
      problems.push(
        `table "${table.name}" has no ${placement.column} column: give it one (NOT NULL) or list it as a reference or local table`,
      );
    } else if (!table.distNotNull) {
      problems.push(`table "${table.name}": ${placement.column} must be NOT NULL`);
    }
  }

  const { rows: indexes } = await db.query<UniqueIndexRow>(
    `SELECT ic.relname AS name, i.indrelid::int AS "table", pg_get_indexdef(i.indexrelid) AS definition,
            (i.indkey::int2[])[0:i.indnkeyatts - 1] AS "keyAttnums", i.indisexclusion AS exclusion
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE (i.indisunique OR i.indisexclusion) AND ic.relnamespace = 'public'::regnamespace
      ORDER BY ic.relname`,
  );
  for (const index of indexes) {
    const table = byOid.get(index.table);
    if (table?.kind !== 'distributed' || table.distAttnum === null) continue;
    if (!index.keyAttnums.includes(table.distAttnum)) {
      problems.push(
        `${index.exclusion ? 'exclusion constraint' : 'unique index'} "${index.name}" lacks ${placement.column} as a key column, so Citus cannot check it within one tenant's shard: ${index.definition}`,
      );
    }
  }

  const { rows: keys } = await db.query<ForeignKeyRow>(
    `SELECT conname AS name, conrelid::int AS "table", confrelid::int AS referenced,
            conkey::int2[] AS conkey, confkey::int2[] AS confkey, confdeltype AS "onDelete",
            confupdtype AS "onUpdate", pg_get_constraintdef(oid) AS definition
       FROM pg_constraint
      WHERE contype = 'f' AND connamespace = 'public'::regnamespace
      ORDER BY conrelid::regclass::text, conname`,
  );
  for (const key of keys) {
    const from = byOid.get(key.table);
    const to = byOid.get(key.referenced);
    if (!from || !to) continue;
    const where = `foreign key "${key.name}" of ${from.kind} table "${from.name}" (${key.definition})`;
    if (from.kind === 'reference' && to.kind !== 'reference') {
      problems.push(`${where}: a reference table may only reference reference tables`);
    }
    if (from.kind === 'local' && to.kind === 'distributed') {
      problems.push(`${where}: a local table cannot reference a distributed table`);
    }
    if (from.kind !== 'distributed') continue;
    if (to.kind === 'local') {
      problems.push(`${where}: a distributed table cannot reference a local table`);
      continue;
    }
    const position = from.distAttnum === null ? -1 : key.conkey.indexOf(from.distAttnum);
    if (to.kind === 'distributed' && (position === -1 || key.confkey[position] !== to.distAttnum)) {
      problems.push(
        `${where}: between distributed tables it must pair ${placement.column} with ${placement.column} at the same position`,
      );
    }
    if (position !== -1) {
      if (key.onDelete === 'n' || key.onDelete === 'd') {
        problems.push(
          `${where}: ON DELETE ${SET_ACTIONS[key.onDelete]} would change ${placement.column}`,
        );
      }
      if (key.onUpdate in SET_ACTIONS) {
        problems.push(
          `${where}: ON UPDATE ${SET_ACTIONS[key.onUpdate]} would change ${placement.column}`,
        );
      }
    }
  }
  return problems;
}
