import type { Session } from '../auth';
import type { Actor } from '../audit';
import type { Db } from '../db';
import type { LoginLimit } from '../auth';
import type { PrinterEmulator } from '../../printers/emulator';
import type { ChangeHub } from '../sync/hub';

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
