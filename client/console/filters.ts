/** Table filter choices from the values present in the rows, each with its label, sorted by label. */
export function filtersOf<T>(rows: readonly T[], value: (row: T) => string, label: (value: string) => string): { text: string; value: string }[] {
  return [...new Set(rows.map(value))].map((v) => ({ text: label(v), value: v })).sort((a, b) => a.text.localeCompare(b.text));
}
