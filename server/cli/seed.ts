import { ensureAdmin } from '../auth';
import { ConfigError, loadConfig } from '../config';
import { DataDirLockedError, openDatabase } from '../db';
import { loadDemoData } from '../seed/demo';
import { EXIT, type CliCommand } from './io';

export const run: CliCommand = async (args, io) => {
  if (args.length > 0 && !(args.length === 1 && args[0] === 'demo')) {
    io.err('usage: lotline seed [demo]   (uses DATABASE_URL or DATA_DIR)\n');
    return EXIT.usage;
  }
  let db;
  try {
    const config = loadConfig();
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const admin = await ensureAdmin(db, config.adminPassword);
    if (admin.generatedPassword) io.out(`First login: admin / ${admin.generatedPassword}\n`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      io.err(`lotline seed: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
  try {
    const demo = await loadDemoData(db);
    if (!demo.loaded) {
      io.err('lotline seed: the database already has items; demo data is only loaded into an empty one.\n');
      return EXIT.failed;
    }
    io.out(`Demo data loaded; users ${demo.users.join(', ')} with password ${demo.password}\n`);
    return EXIT.ok;
  } finally {
    await db.close();
  }
};
