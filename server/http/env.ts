import type { Session } from '../auth';
import type { IntegrationCaller } from '../integration';
import type { Actor, AuditAnchor } from '../audit';
import type { Db } from '../db';
import { DEFAULT_LOGIN_LIMIT, type LoginLimit, type SignInGuard } from '../auth/rate-limit';
import { systemClock, type Clock } from '../clock';
import type { PrinterEmulator } from '../../printers/emulator';
import type { ChangeHub } from '../sync/hub';
import type { ReplyCodeKey } from '../recall/letters/codes';
import type { TransportOptions } from './transport';

export interface AppDeps {
  db: Db;
  version: string;
  sessionHours: number;
  bodyLimitBytes: number;
  /** The body limit of the inbound integration routes (batches); INTEGRATION_BODY_LIMIT_BYTES when absent. */
  integrationBodyLimitBytes?: number | undefined;
  /** The body limit of a legacy file upload (POST /api/imports); IMPORT_BODY_LIMIT_BYTES when absent. */
  importBodyLimitBytes?: number | undefined;
  /** Built PWA to serve at /; absent in API-only tests. */
  staticDir?: string | undefined;
  /** Sign-in backoff, per-address limit and signature lock; the defaults when absent. */
  loginLimit?: LoginLimit | undefined;
  /** The time the sign-in limits are judged by; the system clock when absent. */
  clock?: Clock | undefined;
  /** Change fan-out for sync streams; one per process. */
  hub: ChangeHub;
  /** The emulated printer `npm start` runs in this process, for its control and preview endpoints. */
  printerEmulator?: PrinterEmulator | undefined;
  /** How requests reach us (own TLS, a trusted proxy); plain HTTP when absent. */
  transport?: TransportOptions | undefined;
  /** Months an SSCC is not issued again (LOTLINE_SSCC_REUSE_MONTHS); 12 when absent. */
  ssccReuseMonths?: number | undefined;
  /** The embedded database's data directory, for online backups; absent on PostgreSQL. */
  dataDir?: string | undefined;
  /** The audit anchor key and checkpoint directory, for `GET /api/audit/verify`. */
  auditAnchor?: AuditAnchor | undefined;
  /** Derives recall reply codes; the audit anchor's key when absent. */
  replyCodeKey?: ReplyCodeKey | undefined;
  /** Where consignees reach this server (printed on recall letters); the address the console used when absent. */
  publicUrl?: string | undefined;
}

/** 10,000 rows of a few hundred bytes each. */
export const INTEGRATION_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/** A legacy file: 100,000 lot rows of CSV are about 8 MB. */
export const IMPORT_BODY_LIMIT_BYTES = 32 * 1024 * 1024;

export interface AppEnv {
  Variables: {
    session: Session | undefined;
    /** The integration whose API key called an inbound route. */
    integration: IntegrationCaller | undefined;
    requestId: string;
  };
}

/** The audit actor for the signed-in caller of a request. */
export function actorOf(session: Session): Actor {
  return { id: session.user.id, name: session.user.username, deviceId: session.deviceId };
}

/** The limits and clock that judge every password check made through this app. */
export function signInGuard(deps: AppDeps): SignInGuard {
  return { limit: deps.loginLimit ?? DEFAULT_LOGIN_LIMIT, clock: deps.clock ?? systemClock };
}
