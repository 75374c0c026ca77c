import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { ensureAdmin, type AdminBootstrap } from './auth';
import type { Config } from './config';
import { openDatabase, type Db } from './db';
import { createApp } from './http/app';
import type { PrinterEmulator } from '../printers/emulator';
import { scheduleExpiryJob } from './lots/expiry-job';
import { registerPrinter } from './printing/printers';
import { startSpool } from './printing/worker';
import { loadDemoData, type DemoLoad } from './seed/demo';
import { createChangeHub } from './sync/hub';
import { VERSION } from './version';

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  admin: AdminBootstrap;
  demo: DemoLoad | undefined;
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  demo: boolean;
  staticDir?: string | undefined;
  /** An emulated printer running in this process: registered, and reachable from the console. */
  printerEmulator?: { name: string; emulator: PrinterEmulator } | undefined;
}

/** Opens the database, makes sure someone can sign in, and listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const admin = await ensureAdmin(db, config.adminPassword);
    const demo = options.demo ? await loadDemoData(db) : undefined;
    const hub = createChangeHub(db);
    const app = createApp({
      db,
      hub,
      version: VERSION,
      sessionHours: config.sessionHours,
      bodyLimitBytes: config.bodyLimitBytes,
      staticDir: options.staticDir,
      printerEmulator: options.printerEmulator?.emulator,
    });
    const server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
    const port = (server.address() as AddressInfo).port;
    // Background work starts once the server listens, so a failed start leaves nothing running.
    const expiry = scheduleExpiryJob(db, (error) => console.error('expiry job failed:', error));
    if (options.printerEmulator) {
      const { name, emulator } = options.printerEmulator;
      await registerPrinter(db, { name, host: emulator.host, port: emulator.port, dpi: 203, locationCode: 'RCV-01' });
    }
    const spool = await startSpool(db, { onError: (error) => console.error('print spool:', error) });
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      db,
      admin,
      demo,
      close() {
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Keep-alive connections would hold close() open; SSE streams never end by themselves.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
          expiry.stop();
          await spool.stop();
          await hub.close();
          await db.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
