import { describe, expect, it } from 'vitest';
import { comparePlaces, formatPlaceCursor, pageOfPlaces, parsePlaceCursor, type PlaceFigure } from './places';

const place = (location: string, status: PlaceFigure['status']): PlaceFigure => ({ warehouse: 'W1', location, status, qty: '1', value: null, uncostedQty: '0', rows: 1 });

describe('a warehouse’s locations, a page at a time', () => {
  // Code-point order: 'A-10' before 'A-9' and 'B'; statuses in the lot's life order, not by name.
  const sorted = [place('A-10', 'quarantine'), place('A-10', 'released'), place('A-10', 'on_hold'), place('A-9', 'released'), place('B', 'recalled')];

  it('sorts by location code point, then status in life order', () => {
    expect([...sorted].reverse().sort(comparePlaces)).toEqual(sorted);
  });

  it.each([1, 2, 3, 5, 7])('pages of %i rows cover every place once, in order', (limit) => {
    const seen: PlaceFigure[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = pageOfPlaces(sorted, after === null ? undefined : parsePlaceCursor(after)!, limit);
      expect(page.rows.length).toBeLessThanOrEqual(limit);
      seen.push(...page.rows);
      after = page.next;
      if (after === null) break;
    }
    expect(seen).toEqual(sorted);
  });

  it.each([
    ['A-10~released', { location: 'A-10', status: 'released' }],
    ['A-10~everything', null],
    ['a-10~released', null],
    ['A-10', null],
    ['~released', null],
    ['Ａ~released', null],
    [`${'A'.repeat(31)}~released`, null],
  ])('reads the cursor %s', (text, cursor) => {
    expect(parsePlaceCursor(text)).toEqual(cursor);
    if (cursor) expect(formatPlaceCursor(cursor as never)).toBe(text);
  });
});
