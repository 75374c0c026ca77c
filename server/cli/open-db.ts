import { ConfigError, loadConfig } from '../config';
import { DataDirLockedError, openDatabase, type Db } from '../db';
import type { CliIo } from './io';

/** The configured database for a one-off command, or null after saying why it cannot be opened. */
export async function openConfiguredDatabase(io: CliIo, command: string): Promise<{ db: Db; adminPassword: string | undefined } | null> {
  try {
    const config = loadConfig();
    return { db: await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }), adminPassword: config.adminPassword };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      io.err(`lotline ${command}: ${error.message}\n`);
      return null;
    }
    throw error;
  }
}
