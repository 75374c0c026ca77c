import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config';
import { DataDirLockedError, openDatabase, type Db } from '../db';
import { EXIT, type CliIo } from './io';
import { RemoteError, connectRemote, credentialsFrom, hasCredentials, type RemoteSession } from './remote';

/** The configured database for a one-off command, or null after saying why it cannot be opened. */
export async function openConfiguredDatabase(io: CliIo, command: string): Promise<{ db: Db; adminPassword: string | undefined } | null> {
  try {
    const config = loadConfig();
    return { db: await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrationDatabaseUrl: config.migrationDatabaseUrl }), adminPassword: config.adminPassword };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      io.err(`lotline ${command}: ${error.message}\n`);
      return null;
    }
    throw error;
  }
}

/** An embedded database lives in DATA_DIR/pg once a server or `seed` has created it. */
export function embeddedDatabaseExists(dataDir: string): boolean {
  return existsSync(join(dataDir, 'pg', 'PG_VERSION'));
}

/** The URL a running server wrote into the data directory it holds (server.json), if any. */
export function announcedServerUrl(dataDir: string): string | undefined {
  try {
    const note = JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8')) as { url?: unknown };
    return typeof note.url === 'string' ? note.url : undefined;
  } catch {
    return undefined;
  }
}

export type Target = { kind: 'local'; db: Db; config: Config } | { kind: 'remote'; remote: RemoteSession };

export interface TargetRequest {
  command: string;
  url: string | undefined;
  user: string | undefined;
  env?: Record<string, string | undefined>;
}

/**
 * Where a read-only command (trace, audit verify) gets its answers: the server at --url; else
 * DATABASE_URL; else the embedded database in DATA_DIR, which must already exist (opening an
 * empty one would create it and report on nothing); and when a running server holds that
 * directory, that server, if credentials were given. Returns an exit code after explaining.
 */
export async function openTarget(io: CliIo, request: TargetRequest): Promise<Target | number> {
  const env = request.env ?? process.env;
  const credentials = credentialsFrom(env, request.user);
  const say = (message: string, code: number) => {
    io.err(`lotline ${request.command}: ${message}\n`);
    return code;
  };
  const remote = async (url: string): Promise<Target | number> => {
    try {
      return { kind: 'remote', remote: await connectRemote(url, credentials, io) };
    } catch (error) {
      if (error instanceof RemoteError) return say(error.message, error.code === 'no_credentials' || error.code === 'bad_url' ? EXIT.usage : EXIT.failed);
      throw error;
    }
  };
  const url = request.url ?? (env.LOTLINE_URL || undefined);
  if (url) return remote(url);

  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return say(error.message, EXIT.usage);
    throw error;
  }
  if (!config.databaseUrl && !embeddedDatabaseExists(config.dataDir)) {
    return say(
      `no database to read: DATABASE_URL is not set and there is no embedded database in ${config.dataDir}. ` +
        'Set DATA_DIR (or DATABASE_URL) to the one the server uses, or ask a running server with --url.',
      EXIT.usage,
    );
  }
  try {
    return { kind: 'local', db: await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrationDatabaseUrl: config.migrationDatabaseUrl }), config };
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const announced = announcedServerUrl(config.dataDir);
    if (announced && hasCredentials(credentials)) {
      io.err(`lotline ${request.command}: the server at ${announced} holds ${config.dataDir}; asking it.\n`);
      return remote(announced);
    }
    const how = announced
      ? `Ask it instead: lotline ${request.command} ... --url ${announced} with LOTLINE_TOKEN=<session token> or --user NAME.`
      : 'Ask it instead with --url <its address> and LOTLINE_TOKEN or --user NAME, or stop it.';
    return say(`${error.message}\n${how}`, EXIT.failed);
  }
}

export async function closeTarget(target: Target): Promise<void> {
  if (target.kind === 'local') await target.db.close();
  else await target.remote.close();
}
