/**
 * The canonical text of a value: JSON with object keys sorted at every depth, so the same
 * content always hashes the same whatever order PostgreSQL's jsonb hands keys back in.
 * It is also how the integration API tells a replayed request from a changed one.
 * Written as loops over strings rather than entries, maps and joins: opening a recall hashes
 * tens of thousands of audit rows in its transaction, and the text must stay the same byte for
 * byte as every chain already written.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const object = value as Record<string, unknown>;
  // The default sort orders by UTF-16 code units, as comparing the keys with < does.
  const keys = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = object[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}
