/** The columns a person hid in one table, kept per table on this browser. */
const PREFIX = 'lotline.columns.';

export function loadHidden(table: string, storage: Pick<Storage, 'getItem'> = localStorage): string[] {
  try {
    const raw = JSON.parse(storage.getItem(PREFIX + table) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

export function saveHidden(table: string, hidden: readonly string[], storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(PREFIX + table, JSON.stringify(hidden));
}

/**
 * The columns to draw: hidden ones left out, except the first column, which names the row and
 * stays pinned on the left; it cannot be hidden.
 */
export function shownColumns<C extends { key?: unknown }>(columns: readonly C[], hidden: readonly string[]): C[] {
  return columns.filter((column, i) => i === 0 || !hidden.includes(String(column.key)));
}
