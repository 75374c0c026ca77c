import { resolve } from 'node:path';
import { z } from 'zod';

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
    LOTLINE_DEMO: flag.optional(),
    LOTLINE_TLS_CERT: z.string().min(1).optional(),
    LOTLINE_TLS_KEY: z.string().min(1).optional(),
    LOTLINE_TRUST_PROXY: flag.default(false),
  })
  .refine((e) => (e.LOTLINE_TLS_CERT === undefined) === (e.LOTLINE_TLS_KEY === undefined), {
    message: 'LOTLINE_TLS_CERT and LOTLINE_TLS_KEY go together: give both or neither',
    path: ['LOTLINE_TLS_KEY'],
  });

export interface Config {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  adminPassword: string | undefined;
  sessionHours: number;
  bodyLimitBytes: number;
  /** Demo data on an empty database: undefined lets the command decide (`start` yes, `serve` no). */
  demo: boolean | undefined;
  /** Certificate and key files (PEM): the server then speaks HTTPS itself. */
  tls: { certFile: string; keyFile: string } | undefined;
  /** Believe X-Forwarded-Proto from a reverse proxy that terminates TLS in front of us. */
  trustProxy: boolean;
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
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    adminPassword: e.LOTLINE_ADMIN_PASSWORD,
    sessionHours: e.LOTLINE_SESSION_HOURS,
    bodyLimitBytes: e.LOTLINE_BODY_LIMIT_KB * 1024,
    demo: e.LOTLINE_DEMO,
    tls: e.LOTLINE_TLS_CERT && e.LOTLINE_TLS_KEY ? { certFile: resolve(e.LOTLINE_TLS_CERT), keyFile: resolve(e.LOTLINE_TLS_KEY) } : undefined,
    trustProxy: e.LOTLINE_TRUST_PROXY,
  };
}
