import { describe, expect, it } from 'vitest';
import { averageDailyOnHand, closingOnHand } from './on-hand';

describe('averageDailyOnHand', () => {
  it.each([
    // 1,000 at the start; day 1 −200 → 800, day 2 nothing → 800, day 3 +500 → 1,300: (800 + 800 + 1,300) / 3 = 966.67
    [1000, [-200, 0, 500], 2900 / 3, 1300],
    // a whole period without moves is the opening balance every day
    [40, [0, 0, 0, 0], 40, 40],
    // an empty store that received 30 on its last day: (0 + 0 + 30) / 3 = 10
    [0, [0, 0, 30], 10, 30],
    [0, [], null, 0],
    // 1,096 days at 2^40: no overflow, no drift
    [2 ** 40, Array.from({ length: 1096 }, () => 0), 2 ** 40, 2 ** 40],
  ])('opening %s with %o averages %s and closes at %s', (opening, net, average, closing) => {
    const got = averageDailyOnHand(opening, net);
    if (average === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(average, 9);
    expect(closingOnHand(opening, net)).toBe(closing);
  });
});
