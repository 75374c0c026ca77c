import { DEFAULT_DASHBOARD_SETTINGS, settingsProblems, type DashboardSettings, type DayBand } from '../../domain/dashboard';
import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';

export interface SiteSettings {
  site: string;
  settings: DashboardSettings;
  /** 0 while the site reads with the defaults. */
  version: number;
}

/**
 * The site a dashboard reads: the one asked for, or the only one there is. With several sites
 * the caller must say which, since each draws its buckets by its own settings.
 */
export async function resolveSite(db: Queryable, site: string | undefined): Promise<string> {
  const sites = await db.query<{ code: string }>('SELECT code FROM sites ORDER BY code');
  const codes = sites.rows.map((r) => r.code);
  if (site === undefined) {
    if (codes.length === 1) return codes[0]!;
    throw new AppError(422, 'site_required', `Name the site: this plant has ${codes.length} (${codes.join(', ')}).`, { field: 'site', sites: codes });
  }
  if (!codes.includes(site)) throw new AppError(404, 'not_found', `Site ${site} was not found.`, { field: 'site' });
  return site;
}

export async function readDashboardSettings(db: Queryable, site: string): Promise<SiteSettings> {
  const found = await db.query<{ expiry_bands: DayBand[]; ageing_bands: DayBand[]; near_expiry_days: number; dead_stock_days: number; long_hold_days: number; version: number }>(
    'SELECT expiry_bands, ageing_bands, near_expiry_days, dead_stock_days, long_hold_days, version FROM dashboard_settings WHERE site_code = $1',
    [site],
  );
  const r = found.rows[0];
  if (!r) return { site, settings: DEFAULT_DASHBOARD_SETTINGS, version: 0 };
  return { site, version: r.version, settings: { expiryBands: r.expiry_bands, ageingBands: r.ageing_bands, nearExpiryDays: r.near_expiry_days, deadStockDays: r.dead_stock_days, longHoldDays: r.long_hold_days } };
}

/**
 * Replaces a site's dashboard settings, audited. Bands that overlap, leave a gap or do not rise
 * are refused with every problem listed and nothing written: a figure drawn by them would count
 * stock twice or not at all. `version` is the one read (0 for the defaults), so two supervisors
 * editing at once do not overwrite each other unseen.
 */
export async function saveDashboardSettings(db: Db, actor: Actor, site: string, next: DashboardSettings, version: number): Promise<SiteSettings> {
  const problems = settingsProblems(next);
  if (problems.length > 0) {
    throw new AppError(422, 'invalid_settings', problems.map((p) => p.message).join(' '), { field: problems[0]!.field, problems });
  }
  return db.transaction(async (tx) => {
    // The site row, not the settings row, is locked: a site's first save has no settings row to lock.
    const exists = await tx.query('SELECT 1 FROM sites WHERE code = $1 FOR UPDATE', [site]);
    if (exists.rows.length === 0) throw new AppError(404, 'not_found', `Site ${site} was not found.`, { field: 'site' });
    const before = await readDashboardSettings(tx, site);
    if (before.version !== version) throw new AppError(409, 'conflict', `The settings of site ${site} changed meanwhile (now version ${before.version}); reload them.`, { currentVersion: before.version });
    await tx.query(
      `INSERT INTO dashboard_settings (site_code, expiry_bands, ageing_bands, near_expiry_days, dead_stock_days, long_hold_days)
       VALUES ($1, $2::jsonb, $3::jsonb, $4, $5, $6)
       ON CONFLICT (site_code) DO UPDATE SET expiry_bands = $2::jsonb, ageing_bands = $3::jsonb, near_expiry_days = $4, dead_stock_days = $5, long_hold_days = $6,
         version = dashboard_settings.version + 1, updated_at = now()`,
      [site, JSON.stringify(next.expiryBands), JSON.stringify(next.ageingBands), next.nearExpiryDays, next.deadStockDays, next.longHoldDays],
    );
    await appendAudit(tx, actor, [{ action: 'dashboard.settings', entityType: 'site', entityId: site, before: { ...before.settings, version: before.version }, after: { ...next } }]);
    return readDashboardSettings(tx, site);
  });
}
