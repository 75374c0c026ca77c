import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, EVENT_TYPES, afterFailure, eventSubject, matchesFilter, matchesPattern, parseSignatureHeader, patternProblem, signatureHeader, signedText, timestampFresh } from '.';

describe('event subjects', () => {
  it.each([
    ['MAIN', 'lot.released', 'lotline.main.lot.released'],
    ['SZ-02', 'print.job.uncertain', 'lotline.sz-02.print.job.uncertain'],
    ['MAIN', 'recall.letters_sent', 'lotline.main.recall.letters_sent'],
  ])('site %s, %s -> %s', (site, type, subject) => {
    expect(eventSubject('lotline', site, type)).toBe(subject);
  });

  it.each([['MAIN', 'lot..released'], ['MAIN', 'lot.*'], ['A B', 'lot.released'], ['MAIN', 'lot.>']])('refuses site %s with %s', (site, type) => {
    expect(() => eventSubject('lotline', site, type)).toThrow();
  });

  it('names every lot status, op outcome, print state and recall state once', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(EVENT_TYPES).toEqual(expect.arrayContaining(['lot.created', 'lot.released', 'lot.on_hold', 'op.applied', 'print.job.uncertain', 'recall.open', 'recall.letters_sent', 'signature.recorded']));
    for (const type of EVENT_TYPES) expect(() => eventSubject('lotline', 'MAIN', type)).not.toThrow();
  });
});

describe('filters', () => {
  it.each([
    ['lot.released', 'lot.released', true],
    ['lot.released', 'lot.recalled', false],
    ['lot.*', 'lot.released', true],
    ['lot.*', 'print.job.printed', false],
    ['print.*', 'print.job.printed', false],
    ['print.>', 'print.job.printed', true],
    ['print.job.>', 'print.job', false],
    ['>', 'op.applied', true],
    ['*.released', 'lot.released', true],
    ['lot', 'lot.released', false],
  ])('%s on %s: %s', (pattern, type, expected) => {
    expect(matchesPattern(pattern, type)).toBe(expected);
  });

  it('takes an event when any pattern matches', () => {
    expect(matchesFilter(['op.exception', 'lot.*'], 'lot.on_hold')).toBe(true);
    expect(matchesFilter(['op.exception', 'lot.*'], 'op.applied')).toBe(false);
  });

  it.each([
    ['lot.relased', /matches no event type/],
    ['', /empty/],
    ['lot..released', /empty/],
    ['>.lot', /last part/],
    ['Lot.Released', /lower-case/],
  ])('refuses the pattern %j', (pattern, problem) => {
    expect(patternProblem(pattern)).toMatch(problem);
  });

  it.each(['lot.released', 'lot.*', 'print.>', '>', 'recall.open'])('accepts %s', (pattern) => {
    expect(patternProblem(pattern)).toBeNull();
  });
});

describe('signature header', () => {
  const digest = 'a'.repeat(64);
  it('signs the timestamp and the raw body together', () => {
    expect(signedText(1764590400, '{"a":1}')).toBe('1764590400.{"a":1}');
  });
  it('reads back what it writes', () => {
    expect(parseSignatureHeader(signatureHeader(1764590400, digest))).toEqual({ timestamp: 1764590400, digests: [digest] });
  });
  it.each(['', 't=1', `v1=${digest}`, `t=abc,v1=${digest}`, 't=1,v1=xyz', 'garbage'])('refuses %j', (header) => {
    expect(parseSignatureHeader(header)).toBeNull();
  });
  it('keeps every v1 while a secret is rotated', () => {
    expect(parseSignatureHeader(`t=5,v1=${digest},v1=${'b'.repeat(64)}`)?.digests).toHaveLength(2);
  });
  it('is fresh for five minutes either way', () => {
    expect(timestampFresh(1000, 1300)).toBe(true);
    expect(timestampFresh(1000, 1301)).toBe(false);
    expect(timestampFresh(1301, 1000)).toBe(false);
  });
});

describe('retry schedule', () => {
  it('doubles from the first delay to the cap, then dead-letters', () => {
    const policy = { firstDelayMs: 1000, maxDelayMs: 5000, maxAttempts: 5 };
    expect([1, 2, 3, 4, 5].map((n) => afterFailure(n, policy))).toEqual([
      { deadLetter: false, delayMs: 1000 },
      { deadLetter: false, delayMs: 2000 },
      { deadLetter: false, delayMs: 4000 },
      { deadLetter: false, delayMs: 5000 },
      { deadLetter: true },
    ]);
  });
  it('jitter only shortens, by at most a fifth', () => {
    for (const jitter of [0, 0.5, 0.999, 7, -1]) {
      const next = afterFailure(3, DEFAULT_RETRY, jitter);
      if (next.deadLetter) throw new Error('dead-lettered too early');
      expect(next.delayMs).toBeLessThanOrEqual(40_000);
      expect(next.delayMs).toBeGreaterThanOrEqual(32_000);
    }
  });
  it('the default tries for hours before giving up', () => {
    let total = 0;
    for (let n = 1; ; n++) {
      const next = afterFailure(n);
      if (next.deadLetter) break;
      total += next.delayMs;
    }
    expect(total).toBeGreaterThan(3 * 3_600_000);
  });
});
