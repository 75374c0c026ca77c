import { verifyAuditChain } from '../audit';
import { ConfigError, loadConfig } from '../config';
import { DataDirLockedError, openDatabase } from '../db';
import { UsageError, parseArgs } from './args';
import { EXIT, type CliCommand } from './io';

const USAGE = 'usage: lotline audit verify [--json]   (uses DATABASE_URL or DATA_DIR)\n';

export const run: CliCommand = async (args, io) => {
  let json: boolean;
  try {
    const parsed = parseArgs(args, { booleans: ['json'] });
    if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'verify') throw new UsageError('expected the subcommand verify');
    json = parsed.flags.has('json');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline audit: ${error.message}\n${USAGE}`);
    return EXIT.usage;
  }
  let db;
  try {
    const config = loadConfig();
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      io.err(`lotline audit: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
  try {
    const result = await verifyAuditChain(db);
    if (json) io.out(`${JSON.stringify(result)}\n`);
    else if (result.ok) io.out(`audit chain intact: ${result.rows} rows, last hash ${result.lastHash}\n`);
    else io.out(`audit chain BROKEN at row ${result.firstBreak!.seq} (id ${result.firstBreak!.id}): ${result.firstBreak!.message}\n`);
    return result.ok ? EXIT.ok : EXIT.failed;
  } finally {
    await db.close();
  }
};
