import { describe, expect, it } from 'vitest';
import { stagedPicks } from './staged-picks';

const row = (listId: string, counted: number, atDestination: number, lotId = 'A', destinationId = 'D') => ({ listId, lotId, destinationId, counted, atDestination });

describe('stagedPicks', () => {
  it.each([
    // [case, rows newest list first, staged per list]
    ['all still staged', [row('new', 3, 5), row('old', 2, 5)], [['new', 3], ['old', 2]]],
    ['part shipped: the oldest list loses first', [row('new', 3, 4), row('old', 2, 4)], [['new', 3], ['old', 1]]],
    ['all shipped', [row('new', 3, 0)], []],
    ['other destination keeps its own stock', [row('new', 3, 1), row('old', 2, 2, 'A', 'E')], [['new', 1], ['old', 2]]],
    ['other lot keeps its own stock', [row('new', 3, 1), row('old', 2, 2, 'B')], [['new', 1], ['old', 2]]],
    ['thousandths', [row('new', 0.1, 0.3), row('old', 0.2, 0.3)], [['new', 0.1], ['old', 0.2]]],
  ] as const)('%s', (_, rows, expected) => {
    expect(stagedPicks(rows).map((s) => [s.row.listId, s.qty])).toEqual(expected);
  });
});
