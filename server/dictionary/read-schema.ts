import type { DbColumn, DbConstraint, DbSnapshot } from '../../domain/dictionary';
import type { Queryable } from '../db';

const KINDS: Readonly<Record<string, DbConstraint['kind']>> = { c: 'check', f: 'foreign', p: 'primary', u: 'unique' };

/**
 * The schema of the database the connection is on (its current schema, so a test schema on a
 * shared PostgreSQL reads as itself): tables and views, columns with the type as a migration
 * writes it, and constraints as PostgreSQL renders them.
 */
export async function readDbSnapshot(db: Queryable): Promise<DbSnapshot> {
  const tables = await db.query<{ name: string; type: string }>(
    `SELECT table_name AS name, table_type AS type FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
  );
  const columns = await db.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null; numeric_precision: number | null; numeric_scale: number | null; character_maximum_length: number | null }>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, numeric_precision, numeric_scale, character_maximum_length
       FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const constraints = await db.query<{ table_name: string; name: string; kind: string; definition: string; columns: string }>(
    `SELECT cl.relname AS table_name, c.conname AS name, c.contype AS kind, pg_get_constraintdef(c.oid) AS definition,
            coalesce((SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)), '') AS columns
       FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid
      WHERE c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.contype IN ('c', 'f', 'p', 'u')
      ORDER BY cl.relname, c.conname`,
  );
  return {
    tables: tables.rows.map((t) => ({ name: t.name, kind: t.type === 'VIEW' ? 'view' : 'table' })),
    columns: columns.rows.map((c): DbColumn => ({ table: c.table_name, name: c.column_name, type: columnType(c), nullable: c.is_nullable === 'YES', default: c.column_default })),
    constraints: constraints.rows.map((c): DbConstraint => ({ table: c.table_name, name: c.name, kind: KINDS[c.kind]!, columns: c.columns === '' ? [] : c.columns.split(','), definition: c.definition })),
  };
}

const SHORT: Readonly<Record<string, string>> = {
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
  'character varying': 'varchar',
  'double precision': 'double precision',
};

function columnType(c: { data_type: string; udt_name: string; numeric_precision: number | null; numeric_scale: number | null; character_maximum_length: number | null }): string {
  if (c.data_type === 'ARRAY') return `${c.udt_name.replace(/^_/, '').replace(/^int4$/, 'integer').replace(/^int8$/, 'bigint').replace(/^int2$/, 'smallint')}[]`;
  if (c.data_type === 'USER-DEFINED') return c.udt_name;
  if (c.data_type === 'numeric' && c.numeric_precision !== null) return `numeric(${c.numeric_precision},${c.numeric_scale ?? 0})`;
  if (c.data_type === 'character varying' && c.character_maximum_length !== null) return `varchar(${c.character_maximum_length})`;
  return SHORT[c.data_type] ?? c.data_type;
}
