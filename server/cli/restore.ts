import { resolve } from 'node:path';
import { BackupError, restoreBackup } from '../backup';
import { ConfigError, loadConfig } from '../config';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand } from './io';

export const usage = `usage: lotline restore <file> [--data-dir DIR] [--force]

Restores a backup made by lotline backup into a new or empty data directory (DATA_DIR, or
--data-dir). The file's checksum, format and schema migrations are checked first; the database
is unpacked and opened in a temporary directory beside the target, its row counts and audit
chain compared with the manifest, and only then moved into place. Nothing is half-written.
  --force   the target is not empty: move it aside (to DIR.before-restore-<time>) and restore;
            refused while a server runs on it
Start the server on the restored directory afterwards. Handhelds must sync again from the
start after a restore (docs/operations.md). PostgreSQL: use pg_restore instead.
Exit 0: restored, 1: bad backup or target (nothing changed), 2: usage.
`;

export const run: CliCommand = async (args, io) => {
  let file: string;
  let dataDir: string;
  let force: boolean;
  try {
    const parsed = parseArgs(args, { values: ['data-dir'], booleans: ['force'] });
    if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? 'name the backup file to restore' : 'give one backup file');
    file = resolve(parsed.positionals[0]!);
    force = parsed.flags.has('force');
    const config = loadConfig({ ...process.env, ...(stringFlag(parsed, 'data-dir') ? { DATA_DIR: stringFlag(parsed, 'data-dir') } : {}) });
    if (config.databaseUrl && !stringFlag(parsed, 'data-dir')) {
      throw new UsageError('DATABASE_URL is set: a Lotline backup restores the embedded database only. Restore PostgreSQL with pg_restore, or give --data-dir');
    }
    dataDir = config.dataDir;
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
    io.err(`lotline restore: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
  try {
    const result = await restoreBackup(file, dataDir, { force });
    const m = result.manifest;
    io.out(
      `restored ${file} into ${result.dataDir}\n` +
        `  backup of ${m.createdAt} by Lotline ${m.lotlineVersion}: ${Object.keys(m.tables).length} tables with matching row counts, audit chain intact (${m.audit.rows} rows)\n` +
        (result.replacedTo ? `  the previous data directory was moved to ${result.replacedTo}\n` : ''),
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.err(`lotline restore: ${error.message}\n`);
    return EXIT.failed;
  }
};
