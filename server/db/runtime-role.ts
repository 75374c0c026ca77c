import type { Queryable } from './port';

/** A role name as PostgreSQL folds it: lower case, no quoting needed. */
const ROLE = /^[a-z_][a-z0-9_]{0,62}$/;

export class RuntimeRoleError extends Error {
  override name = 'RuntimeRoleError';
}

/**
 * What the server's own role may do: read and write data, never change the schema. It owns no
 * table, so it cannot disable the audit trigger (ALTER TABLE); it is not a superuser, so it
 * cannot `SET session_replication_role = replica`; and on audit_log it may only read and append.
 */
export function runtimeRoleStatements(role: string, schema: string): string[] {
  if (!ROLE.test(role)) throw new RuntimeRoleError(`'${role}' is not a plain role name (lower-case letters, digits, _)`);
  if (!ROLE.test(schema)) throw new RuntimeRoleError(`schema '${schema}' is not a plain name`);
  return [
    `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${schema}.audit_log FROM ${role}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${schema}.schema_migrations FROM ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${role}`,
    // Tables a later migration adds (run by this same owner) are granted the same way.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
  ];
}

/**
 * Grants an existing role the runtime rights on the migrated schema, run as the schema's owner
 * (LOTLINE_MIGRATION_DATABASE_URL). Refuses a role that could switch the audit guard off.
 */
export async function grantRuntimeRole(db: Queryable, role: string): Promise<string[]> {
  const schema = (await db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
  const statements = runtimeRoleStatements(role, schema);
  const found = await db.query<{ rolsuper: boolean; rolbypassrls: boolean; owner_member: boolean; is_me: boolean }>(
    `SELECT r.rolsuper, r.rolbypassrls, r.rolname = current_user AS is_me,
            pg_has_role(r.oid, (SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'USAGE') AS owner_member
       FROM pg_roles r WHERE r.rolname = $1`,
    [role],
  );
  const r = found.rows[0];
  if (!r) throw new RuntimeRoleError(`there is no role ${role}: create it first (CREATE ROLE ${role} LOGIN PASSWORD '...')`);
  if (r.is_me) throw new RuntimeRoleError(`${role} is the role running the migrations: the runtime role must be another one`);
  if (r.rolsuper) throw new RuntimeRoleError(`${role} is a superuser: it could SET session_replication_role = replica and switch the audit guard off`);
  if (r.owner_member) throw new RuntimeRoleError(`${role} owns the tables (or is a member of their owner): it could ALTER TABLE audit_log DISABLE TRIGGER`);
  for (const statement of statements) await db.query(statement);
  return statements;
}
