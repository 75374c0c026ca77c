import type { Session } from '../auth';
import type { Actor, AuditAnchor } from '../audit';
import type { Db } from '../db';
import type { LoginLimit } from '../auth';
import type { PrinterEmulator } from '../../printers/emulator';
import type { ChangeHub } from '../sync/hub';
import type { TransportOptions } from './transport';

export interface AppDeps {
  db: Db;
  version: string;
  sessionHours: number;
  bodyLimitBytes: number;
  /** Built PWA to serve at /; absent in API-only tests. */
  staticDir?: string | undefined;
  loginLimit?: LoginLimit;
  /** Change fan-out for sync streams; one per process. */
  hub: ChangeHub;
  /** The emulated printer `npm start` runs in this process, for its control and preview endpoints. */
  printerEmulator?: PrinterEmulator | undefined;
  /** How requests reach us (own TLS, a trusted proxy); plain HTTP when absent. */
  transport?: TransportOptions | undefined;
  /** The embedded database's data directory, for online backups; absent on PostgreSQL. */
  dataDir?: string | undefined;
  /** The audit anchor key and checkpoint directory, for `GET /api/audit/verify`. */
  auditAnchor?: AuditAnchor | undefined;
}

export interface AppEnv {
  Variables: {
    session: Session | undefined;
    requestId: string;
  };
}

/** The audit actor for the signed-in caller of a request. */
export function actorOf(session: Session): Actor {
  return { id: session.user.id, name: session.user.username, deviceId: session.deviceId };
}
