import type { Role } from '../../domain/auth';

/** The console's pages in menu order, each with the roles that see it (the server checks again). */
export const CONSOLE_PAGES = [
  { key: 'sync', roles: ['supervisor', 'admin'] },
  { key: 'exceptions', roles: ['supervisor', 'admin'] },
  { key: 'devices', roles: ['supervisor', 'admin'] },
  { key: 'work-orders', roles: ['supervisor', 'admin'] },
  { key: 'number-rules', roles: ['supervisor', 'admin'] },
  { key: 'qc', roles: ['qc', 'supervisor'] },
  { key: 'trace', roles: ['qc', 'supervisor', 'admin'] },
  { key: 'recall', roles: ['qc', 'supervisor'] },
  { key: 'labels', roles: ['labeladmin', 'qc', 'supervisor', 'admin'] },
  // Operators may read the stock figures too, but on the handheld's glance: the console's change stream is not theirs.
  { key: 'dashboard', roles: ['qc', 'supervisor', 'admin'] },
  { key: 'kpis', roles: ['qc', 'supervisor', 'admin'] },
  { key: 'users', roles: ['admin'] },
  // Legacy data enters the ledger under the importing person (server/http/access.ts).
  { key: 'import', roles: ['supervisor', 'admin'] },
  // API keys of the ERP and MES: who may write master data from outside.
  { key: 'integrations', roles: ['admin'] },
  // Integrations: the webhook API is the admin's (server/http/access.ts).
  { key: 'webhooks', roles: ['admin'] },
] as const satisfies readonly { key: string; roles: readonly Role[] }[];

export type ConsolePage = (typeof CONSOLE_PAGES)[number]['key'];

/** Where the console lives; the handheld links there and never loads it. */
export const CONSOLE_PATH = '/console';

/** The pages a user with these roles may open, in menu order. */
export function pagesFor(roles: readonly Role[]): ConsolePage[] {
  return CONSOLE_PAGES.filter((page) => page.roles.some((role: Role) => roles.includes(role))).map((page) => page.key);
}

/** The page a hash names, or null for anything else. */
export function pageFromHash(hash: string): ConsolePage | null {
  const name = hash.replace(/^#\/?/, '');
  return CONSOLE_PAGES.find((page) => page.key === name)?.key ?? null;
}

/**
 * The handheld's old addresses of console pages (#/console, #/qc, ...) and where they live now;
 * null when the hash names no console page.
 */
export function consoleAddressOf(hash: string): string | null {
  const name = hash.replace(/^#\/?/, '');
  const page = name === 'console' ? 'sync' : pageFromHash(hash);
  return page ? `${CONSOLE_PATH}#/${page}` : null;
}
