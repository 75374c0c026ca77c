import { ConfigError, loadConfig } from '../config';
import { migrate, openPostgres } from '../db';
import { RuntimeRoleError, grantRuntimeRole } from '../db/runtime-role';
import { UsageError, parseArgs } from './args';
import { EXIT, type CliCommand } from './io';

export const usage = `usage: lotline db grant-runtime-role <role>

PostgreSQL only. Runs pending migrations, then grants an existing login role the rights the server needs at run time (read and
write data; on audit_log only read and append) and nothing more, run as the schema's owner from
LOTLINE_MIGRATION_DATABASE_URL (or DATABASE_URL). Refused for a superuser or the tables' owner:
either could switch the audit trail's append-only guard off. Then run the server with
DATABASE_URL as that role and LOTLINE_MIGRATION_DATABASE_URL as the owner (README).
Exit 0: granted, 1: refused or failed, 2: usage.
`;

export const run: CliCommand = async (args, io) => {
  let role: string;
  let url: string;
  try {
    const parsed = parseArgs(args, {});
    if (parsed.positionals[0] !== 'grant-runtime-role' || parsed.positionals.length !== 2) throw new UsageError('expected grant-runtime-role <role>');
    role = parsed.positionals[1]!;
    const config = loadConfig();
    const owner = config.migrationDatabaseUrl ?? config.databaseUrl;
    if (!owner) throw new UsageError('set LOTLINE_MIGRATION_DATABASE_URL (the schema owner) or DATABASE_URL: this is for PostgreSQL');
    url = owner;
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
    io.err(`lotline db: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
  const db = await openPostgres({ connectionString: url, max: 1, applicationName: 'lotline-grant' });
  try {
    // The grants name the tables: bring the schema up to date first, as its owner.
    await migrate(db);
    const statements = await db.transaction((tx) => grantRuntimeRole(tx, role));
    io.out(`${statements.map((s) => `${s};`).join('\n')}\ngranted: ${role} may read and write Lotline's data, and only read and append the audit trail\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof RuntimeRoleError)) throw error;
    io.err(`lotline db: ${error.message}\n`);
    return EXIT.failed;
  } finally {
    await db.close();
  }
};
