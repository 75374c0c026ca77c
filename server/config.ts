import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { z } from 'zod';
import { DEFAULT_LOGIN_LIMIT, type LoginLimit } from './auth/rate-limit';
import { proxyEntryProblem } from './http/client-address';

const flag = z.enum(['0', '1', 'true', 'false', 'yes', 'no'], { message: "must be 1 or 0 (or true/false)" }).transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    LOTLINE_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    LOTLINE_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
    LOTLINE_BODY_LIMIT_KB: z.coerce.number().int().positive().default(1024),
    // An ERP's batch of up to 10,000 rows is one request to /api/integration.
    LOTLINE_INTEGRATION_BODY_LIMIT_KB: z.coerce.number().int().positive().default(8192),
    LOTLINE_DEMO: flag.optional(),
    LOTLINE_TLS_CERT: z.string().min(1).optional(),
    LOTLINE_TLS_KEY: z.string().min(1).optional(),
    LOTLINE_TRUST_PROXY: flag.default(false),
    LOTLINE_MIGRATION_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    LOTLINE_AUDIT_KEY: z.string().min(1).optional(),
    LOTLINE_AUDIT_KEY_FILE: z.string().min(1).optional(),
    LOTLINE_AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
    LOTLINE_AUDIT_CHECKPOINT_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(100),
    LOTLINE_AUDIT_CHECKPOINT_SECONDS: z.coerce.number().positive().max(3600).default(60),
    LOTLINE_TRUSTED_PROXIES: z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .superRefine((entries, ctx) => {
        for (const entry of entries) {
          const problem = proxyEntryProblem(entry);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }
      })
      .optional(),
    LOTLINE_LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(20).default(DEFAULT_LOGIN_LIMIT.freeFailures),
    LOTLINE_LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(DEFAULT_LOGIN_LIMIT.maxDelaySeconds),
    LOTLINE_PUBLIC_URL: z
      .string()
      .regex(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/, 'must be an http:// or https:// address without query, e.g. https://lotline.plant.example')
      .optional(),
    LOTLINE_NATS_URL: z
      .string()
      .regex(/^(nats|tls|wss?):\/\/[^\s,]+(,(nats|tls|wss?):\/\/[^\s,]+)*$/, 'must be one or more nats:// (or tls://) addresses, comma-separated, e.g. nats://127.0.0.1:4222')
      .optional(),
    LOTLINE_NATS_STREAM: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, dash or underscore').default('LOTLINE'),
    LOTLINE_NATS_SUBJECT_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, dash or underscore (one subject token)').default('lotline'),
    LOTLINE_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(90),
    LOTLINE_IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().int().min(1).max(8760).default(24),
    LOTLINE_WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(12),
    // GS1 General Specifications: an SSCC is not reused within one year of the shipment it named.
    LOTLINE_SSCC_REUSE_MONTHS: z.coerce.number().int().min(12, 'must be at least 12 (GS1: an SSCC is not reused within one year)').max(1200).default(12),
    LOTLINE_SIGNATURE_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(DEFAULT_LOGIN_LIMIT.signatureLockAfter),
  })
  .refine((e) => (e.LOTLINE_TLS_CERT === undefined) === (e.LOTLINE_TLS_KEY === undefined), {
    message: 'LOTLINE_TLS_CERT and LOTLINE_TLS_KEY go together: give both or neither',
    path: ['LOTLINE_TLS_KEY'],
  })
  .refine((e) => e.LOTLINE_MIGRATION_DATABASE_URL === undefined || e.DATABASE_URL !== undefined, {
    message: 'is for PostgreSQL: set DATABASE_URL (the runtime role) too',
    path: ['LOTLINE_MIGRATION_DATABASE_URL'],
  });

export interface Config {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  adminPassword: string | undefined;
  sessionHours: number;
  bodyLimitBytes: number;
  /** The body limit of the inbound integration routes (batches). */
  integrationBodyLimitBytes: number;
  /** Demo data on an empty database: undefined lets the command decide (`start` yes, `serve` no). */
  demo: boolean | undefined;
  /** Certificate and key files (PEM): the server then speaks HTTPS itself. */
  tls: { certFile: string; keyFile: string } | undefined;
  /** Believe X-Forwarded-Proto/-For from a reverse proxy that terminates TLS in front of us. */
  trustProxy: boolean;
  /** The proxies believed (addresses or networks); loopback when only LOTLINE_TRUST_PROXY is set. */
  trustedProxies: string[] | undefined;
  /** Sign-in backoff and the signature lock (21 CFR 11.300(d)). */
  loginLimit: LoginLimit;
  /** PostgreSQL: the role that owns the schema and runs migrations; DATABASE_URL is then a role with data rights only. */
  migrationDatabaseUrl: string | undefined;
  auditAnchor: AuditAnchorConfig;
  /** JetStream for domain events: the server(s) and the stream; none keeps events to webhooks and the API. */
  nats: { servers: string[]; stream: string; subjectPrefix: string } | undefined;
  /**
   * How long delivered domain events and saved idempotent answers are kept before the pruning
   * job removes them.
   */
  retention: { eventDays: number; idempotencyHours: number };
  /** Attempts at one webhook delivery before it is dead-lettered. */
  webhookAttempts: number;
  ssccReuseMonths: number;
  /** Where consignees reach the server: printed on recall letters (link and QR) when set. */
  publicUrl: string | undefined;
}

/** The key that signs checkpoints of the audit chain, and where the checkpoints go: never inside DATA_DIR. */
export interface AuditAnchorConfig {
  /** The key itself (LOTLINE_AUDIT_KEY), instead of a file. */
  key: string | undefined;
  keyFile: string;
  checkpointDir: string;
  everyRows: number;
  everyMs: number;
}

/** Beside the data directory, not in it: a copy of DATA_DIR (or the database) must not carry the key. */
export function defaultAnchorPaths(dataDir: string): { keyFile: string; checkpointDir: string } {
  const base = join(dirname(dataDir), basename(dataDir));
  return { keyFile: `${base}-audit-key.pem`, checkpointDir: `${base}-audit-checkpoints` };
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once at start; a bad value stops the start with the variable's name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const defaults = defaultAnchorPaths(dataDir);
  const keyFile = e.LOTLINE_AUDIT_KEY_FILE ? resolve(e.LOTLINE_AUDIT_KEY_FILE) : defaults.keyFile;
  const checkpointDir = e.LOTLINE_AUDIT_CHECKPOINT_DIR ? resolve(e.LOTLINE_AUDIT_CHECKPOINT_DIR) : defaults.checkpointDir;
  const misplaced = [
    ['LOTLINE_AUDIT_KEY_FILE', keyFile],
    ['LOTLINE_AUDIT_CHECKPOINT_DIR', checkpointDir],
  ].filter(([, path]) => inside(dataDir, path!));
  if (misplaced.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${misplaced.map(([name]) => `  ${name}: must be outside DATA_DIR (${dataDir}), or a copy of the database would carry it`).join('\n')}`);
  }
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    adminPassword: e.LOTLINE_ADMIN_PASSWORD,
    sessionHours: e.LOTLINE_SESSION_HOURS,
    bodyLimitBytes: e.LOTLINE_BODY_LIMIT_KB * 1024,
    integrationBodyLimitBytes: e.LOTLINE_INTEGRATION_BODY_LIMIT_KB * 1024,
    demo: e.LOTLINE_DEMO,
    tls: e.LOTLINE_TLS_CERT && e.LOTLINE_TLS_KEY ? { certFile: resolve(e.LOTLINE_TLS_CERT), keyFile: resolve(e.LOTLINE_TLS_KEY) } : undefined,
    migrationDatabaseUrl: e.LOTLINE_MIGRATION_DATABASE_URL,
    publicUrl: e.LOTLINE_PUBLIC_URL?.replace(/\/+$/, ''),
    webhookAttempts: e.LOTLINE_WEBHOOK_ATTEMPTS,
    ssccReuseMonths: e.LOTLINE_SSCC_REUSE_MONTHS,
    retention: { eventDays: e.LOTLINE_EVENT_RETENTION_DAYS, idempotencyHours: e.LOTLINE_IDEMPOTENCY_RETENTION_HOURS },
    nats: e.LOTLINE_NATS_URL ? { servers: e.LOTLINE_NATS_URL.split(','), stream: e.LOTLINE_NATS_STREAM, subjectPrefix: e.LOTLINE_NATS_SUBJECT_PREFIX } : undefined,
    auditAnchor: { key: e.LOTLINE_AUDIT_KEY, keyFile, checkpointDir, everyRows: e.LOTLINE_AUDIT_CHECKPOINT_ROWS, everyMs: e.LOTLINE_AUDIT_CHECKPOINT_SECONDS * 1000 },
    trustProxy: e.LOTLINE_TRUST_PROXY || (e.LOTLINE_TRUSTED_PROXIES?.length ?? 0) > 0,
    trustedProxies: e.LOTLINE_TRUSTED_PROXIES,
    loginLimit: {
      ...DEFAULT_LOGIN_LIMIT,
      freeFailures: e.LOTLINE_LOGIN_FREE_FAILURES,
      maxDelaySeconds: e.LOTLINE_LOGIN_MAX_DELAY_SECONDS,
      signatureLockAfter: e.LOTLINE_SIGNATURE_ATTEMPTS,
    },
  };
}
