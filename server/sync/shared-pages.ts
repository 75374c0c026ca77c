import type { Checkpoint, PullResponse } from '../../sync';
import type { Queryable } from '../db';
import type { CollectionSpec } from './collections';
import { pullChanges } from './pull';

/** How long a full page is handed to further devices at the same checkpoint. */
export const SHARED_PAGE_MS = 2000;
const MAX_SHARED_PAGES = 16;

export type PullPage = <Doc>(db: Queryable, spec: CollectionSpec<Doc>, checkpoint: Checkpoint | null, limit: number, deviceId: string) => Promise<PullResponse<Doc>>;

/**
 * Devices told of the same commit ask for the same pages: once a recall holds 20,000 lots, every
 * handheld pulls the same four pages of lots from the same checkpoint. A full page stays right for
 * any device at that checkpoint: its rows were written by transactions older than every one still
 * running, so a later change to one of them gets a newer transaction id and sorts after the page's
 * last row, where a device served the page a moment later finds it on its next page. So a full
 * page of a collection every device sees alike is read once and handed out for a couple of
 * seconds. A short page is the end of the changes, where the next commit lands: a device joining
 * one that was read before its notice could wait for the commit it was told of, so it reads again.
 * A device's own rows (its ops) are always read for it alone.
 */
export function sharedPages(ttlMs = SHARED_PAGE_MS, maxPages = MAX_SHARED_PAGES): PullPage {
  const pages = new Map<string, { until: number; page: Promise<PullResponse<unknown>> }>();
  return async function pull<Doc>(db: Queryable, spec: CollectionSpec<Doc>, checkpoint: Checkpoint | null, limit: number, deviceId: string): Promise<PullResponse<Doc>> {
    if (spec.scope === 'device') return pullChanges(db, spec, checkpoint, limit, deviceId);
    const key = JSON.stringify([spec.table, checkpoint?.xid ?? null, checkpoint?.id ?? null, limit]);
    const now = performance.now();
    for (const [k, entry] of pages) if (entry.until <= now) pages.delete(k);
    const shared = pages.get(key);
    if (shared) {
      const page = (await shared.page.catch(() => null)) as PullResponse<Doc> | null;
      if (page && page.documents.length === limit) return page;
      return pullChanges(db, spec, checkpoint, limit, deviceId);
    }
    const page = pullChanges(db, spec, checkpoint, limit, deviceId);
    if (pages.size >= maxPages) pages.delete(pages.keys().next().value!);
    pages.set(key, { until: now + ttlMs, page });
    const forget = () => {
      if (pages.get(key)?.page === page) pages.delete(key);
    };
    page.then((p) => {
      if (p.documents.length < limit) forget();
    }, forget);
    return page;
  };
}
