import { serve, type ServerType } from '@hono/node-server';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openAuditAnchor, startAnchorJob } from './audit';
import { ensureAdmin, scheduleSignInRecords, type AdminBootstrap } from './auth';
import type { Config } from './config';
import { openDatabase, type Db } from './db';
import { createApp } from './http/app';
import type { PrinterEmulator } from '../printers/emulator';
import { scheduleFigureCompaction } from './dashboard';
import { scheduleExpiryJob } from './lots/expiry-job';
import { scheduleDeadlineJob } from './recall/deadlines';
import { registerPrinter } from './printing/printers';
import { startSpool } from './printing/worker';
import { loadDemoData, type DemoLoad } from './seed/demo';
import { createChangeHub } from './sync/hub';
import { startEventRelay, startRelayThread } from './events';
import { DEFAULT_RETRY } from '../domain/events';
import { VERSION } from './version';
import { scheduleRetention } from './retention-job';
import { announceServer, readTlsFiles, exposureWarning, stopInOrder } from './runtime-support';

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  admin: AdminBootstrap;
  demo: DemoLoad | undefined;
  /** Things the person starting the server should know (e.g. plain HTTP on a public interface). */
  warnings: string[];
  /** Where things are kept that the operator must back up (the audit anchor key and checkpoints). */
  notes: string[];
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  demo: boolean;
  staticDir?: string | undefined;
  /** An emulated printer running in this process: registered, and reachable from the console. */
  printerEmulator?: { name: string; emulator: PrinterEmulator } | undefined;
  /** How long each step of a stop may take before it is passed over (default 10 s). */
  stopStepMs?: number | undefined;
}

/** Opens the database, makes sure someone can sign in, and listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  // Read before the database opens, so a wrong path fails fast and holds nothing.
  const tls = config.tls ? readTlsFiles(config.tls) : undefined;
  const { anchor, note: anchorNote } = openAuditAnchor(config.auditAnchor);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrationDatabaseUrl: config.migrationDatabaseUrl });
  try {
    // Without demo data this is a plant's server: the first admin password must be replaced.
    const admin = await ensureAdmin(db, config.adminPassword, { requirePasswordChange: !options.demo });
    const demo = options.demo ? await loadDemoData(db) : undefined;
    const hub = createChangeHub(db);
    const app = createApp({
      db,
      hub,
      version: VERSION,
      sessionHours: config.sessionHours,
      bodyLimitBytes: config.bodyLimitBytes,
      integrationBodyLimitBytes: config.integrationBodyLimitBytes,
      staticDir: options.staticDir,
      printerEmulator: options.printerEmulator?.emulator,
      transport: { tls: Boolean(tls), trustProxy: config.trustProxy, trustedProxies: config.trustedProxies },
      loginLimit: config.loginLimit,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      auditAnchor: anchor,
      publicUrl: config.publicUrl,
      ssccReuseMonths: config.ssccReuseMonths,
    });
    const server = await new Promise<ServerType>((resolve, reject) => {
      const listen = { fetch: app.fetch, port: config.port, hostname: config.host };
      const s = tls ? serve({ ...listen, createServer: createHttpsServer, serverOptions: tls }, () => resolve(s)) : serve(listen, () => resolve(s));
      s.once('error', reject);
    });
    // Handhelds keep their connection between pulls while they wait for a change notice. Node's
    // default of closing an idle connection after 5 s races a device reusing it at that moment
    // (its request fails with "other side closed"); a minute outlasts the notices' quiet spells.
    if ('keepAliveTimeout' in server) {
      server.keepAliveTimeout = 65_000;
      server.headersTimeout = 66_000;
    }
    const port = (server.address() as AddressInfo).port;
    // Background work starts once the server listens, so a failed start leaves nothing running.
    const expiry = scheduleExpiryJob(db, (error) => console.error('expiry job failed:', error));
    const recallDeadlines = scheduleDeadlineJob(db, (error) => console.error('recall deadline job failed:', error));
    const figureCompaction = scheduleFigureCompaction(db, (error) => console.error('stock figure compaction failed:', error));
    const anchoring = startAnchorJob(db, {
      key: anchor.key,
      checkpointDir: anchor.checkpointDir,
      everyRows: config.auditAnchor.everyRows,
      everyMs: config.auditAnchor.everyMs,
      onError: (error) => console.error('audit checkpoint failed:', error),
    });
    const signInRecords = scheduleSignInRecords(db, config.loginLimit, (error) => console.error('sign-in records:', error));
    const retention = scheduleRetention(db, { ...config.retention, natsInUse: Boolean(config.nats) }, (error) => console.error('retention job failed:', error));
    if (options.printerEmulator) {
      const { name, emulator } = options.printerEmulator;
      await registerPrinter(db, { name, host: emulator.host, port: emulator.port, dpi: 203, locationCode: 'RCV-01' });
    }
    const spool = await startSpool(db, { onError: (error) => console.error('print spool:', error) });
    // Without LOTLINE_NATS_URL the relay still places events for the events API and sends webhooks.
    const relayOptions = {
      nats: config.nats ? { servers: config.nats.servers, stream: config.nats.stream, subjectPrefix: config.nats.subjectPrefix, duplicateWindowMs: 3_600_000, publishTimeoutMs: 10_000 } : undefined,
      webhooks: { retry: { ...DEFAULT_RETRY, maxAttempts: config.webhookAttempts } },
    };
    const reportRelay = (error: unknown) => console.error('event relay:', error);
    const relay = config.databaseUrl
      ? await startRelayThread(config.databaseUrl, relayOptions, reportRelay)
      : startEventRelay(db, { ...relayOptions, onError: reportRelay });
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
    // CLI commands that find the data directory locked ask this server instead (lotline backup, trace, audit).
    const announcement = config.databaseUrl ? undefined : announceServer(join(config.dataDir, 'server.json'), url);
    const warning = exposureWarning(config.host, Boolean(tls), config.trustProxy);
    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      db,
      admin,
      demo,
      warnings: warning ? [warning] : [],
      notes: [
        anchorNote,
        config.nats
          ? `Domain events: NATS JetStream at ${config.nats.servers.join(', ')}, stream ${config.nats.stream}, subjects ${config.nats.subjectPrefix}.<site>.<event>; webhooks and GET /api/events as well.`
          : 'Domain events: webhooks and GET /api/events (set LOTLINE_NATS_URL to publish to NATS JetStream too).',
      ],
      close() {
        closing ??= stopInOrder(
          [
            { name: 'server announcement', stop: () => announcement?.withdraw() },
            {
              name: 'HTTP server',
              stop: () =>
                new Promise<void>((resolve) => {
                  server.close(() => resolve());
                  // Keep-alive connections would hold close() open; SSE streams never end by themselves.
                  (server as { closeAllConnections?: () => void }).closeAllConnections?.();
                }),
            },
            { name: 'expiry job', stop: () => expiry.stop() },
            { name: 'recall deadline job', stop: () => recallDeadlines.stop() },
            { name: 'stock figure compaction', stop: () => figureCompaction.stop() },
            { name: 'sign-in records', stop: () => signInRecords.stop() },
            { name: 'retention job', stop: () => retention.stop() },
            { name: 'print spool', stop: () => spool.stop() },
            { name: 'event relay', stop: () => relay.stop() },
            { name: 'audit anchoring', stop: () => anchoring.stop() },
            { name: 'change notices', stop: () => hub.close() },
            { name: 'database', stop: () => db.close() },
          ],
          options.stopStepMs ?? 10_000,
        ).then((problems) => {
          if (problems.length > 0) throw new Error(problems.join('; '));
        });
        return closing;
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
