import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pullBursts } from './pull-burst';

describe('pulling once per burst of change notices', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pulls every collection named in a burst once, when the notices pause', () => {
    const pulls: string[][] = [];
    const bursts = pullBursts<string>((names) => pulls.push([...names].sort()), { quietMs: 400, maxWaitMs: 1500 });
    bursts.add(['ops']);
    vi.advanceTimersByTime(100);
    bursts.add(['balances', 'ops']);
    vi.advanceTimersByTime(399);
    expect(pulls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(pulls).toEqual([['balances', 'ops']]);
    vi.advanceTimersByTime(5000);
    expect(pulls).toHaveLength(1);
  });

  it('does not let a notice every 300 ms hold back a lots pull past the longest wait', () => {
    const pulls: string[][] = [];
    const bursts = pullBursts<string>((names) => pulls.push([...names].sort()), { quietMs: 400, maxWaitMs: 1500 });
    bursts.add(['lots']);
    for (let t = 0; t < 10; t++) {
      vi.advanceTimersByTime(300);
      bursts.add(['printers']);
    }
    // Without the longest wait nothing would have been pulled in these 3 s.
    expect(pulls[0]).toEqual(['lots', 'printers']);
    expect(pulls.length).toBeGreaterThanOrEqual(2);
  });

  it('drops a collection pulled already by its own way, and pulls nothing when none is left', () => {
    const pull = vi.fn();
    const bursts = pullBursts<string>(pull, { quietMs: 400, maxWaitMs: 1500 });
    bursts.add(['recalls']);
    bursts.remove('recalls');
    vi.advanceTimersByTime(2000);
    expect(pull).not.toHaveBeenCalled();
  });

  it('pulls nothing after it is cancelled', () => {
    const pull = vi.fn();
    const bursts = pullBursts<string>(pull, { quietMs: 400, maxWaitMs: 1500 });
    bursts.add(['lots']);
    bursts.cancel();
    vi.advanceTimersByTime(2000);
    expect(pull).not.toHaveBeenCalled();
  });
});
