import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE, GS, WedgeReader } from './wedge';

interface Key {
  key: string;
  at: number;
  ctrl?: boolean;
  /** The page's give-back timer ran just before this key was dispatched. */
  timerFirst?: boolean;
}

/**
 * A focused text field driven the way the browser and the hook drive it: released text lands
 * first, a passed printable key lands, a held key does not, and a scan takes the burst's first
 * key back out. Returns what the field holds and the scans read.
 */
function drive(keys: Key[], options = DEFAULT_WEDGE): { field: string; scans: string[] } {
  const reader = new WedgeReader(options);
  let field = '';
  let beforeBurst = '';
  const scans: string[] = [];
  for (const { key, at, ctrl, timerFirst } of keys) {
    if (timerFirst) field += reader.releaseHeld();
    field += reader.expire(at);
    if (!reader.reading) beforeBurst = field;
    const step = reader.key(key, at, ctrl);
    field += step.release;
    if (step.action === 'pass' && [...key].length === 1 && !ctrl) field += key;
    if (step.action === 'scan') {
      field = beforeBurst;
      scans.push(step.scan);
    }
  }
  field += reader.expire(Number.MAX_SAFE_INTEGER);
  return { field, scans };
}

function typed(text: string, start: number, gap: number, end?: string): Key[] {
  const keys = [...text].map((ch, i) => ({ key: ch === GS ? 'GroupSeparator' : ch, at: start + i * gap }));
  return end ? [...keys, { key: end, at: start + text.length * gap }] : keys;
}

describe('WedgeReader', () => {
  it('reads a fast burst ending in Enter as one scan, GS kept, the field untouched', () => {
    expect(drive(typed(`0109506000134352${GS}10ABC`, 1000, 3, 'Enter'))).toEqual({ field: '', scans: [`0109506000134352${GS}10ABC`] });
  });

  it('accepts Tab as the end of a scan', () => {
    expect(drive(typed('A-01-02', 1000, 3, 'Tab')).scans).toEqual(['A-01-02']);
  });

  it.each([60, 80, 150, 250])('gives a person typing %i ms apart every character, in order', (gap) => {
    expect(drive(typed('12000', 1000, gap))).toEqual({ field: '12000', scans: [] });
    expect(drive(typed('SH-2024-001', 1000, gap, 'Enter'))).toEqual({ field: 'SH-2024-001', scans: [] });
  });

  it('gives back a fast burst that never ends in Enter, in order', () => {
    expect(drive(typed('PP2410A', 1000, 5))).toEqual({ field: 'PP2410A', scans: [] });
  });

  it('gives back a burst too short to be a scan when Enter comes', () => {
    expect(drive(typed('120', 1000, 10, 'Enter'))).toEqual({ field: '120', scans: [] });
  });

  it('keeps what a person typed when a scan arrives while the field has focus', () => {
    const keys = [...typed('12', 0, 120), ...typed('A-01-02', 1000, 3, 'Enter'), ...typed('0', 2000, 120)];
    expect(drive(keys)).toEqual({ field: '120', scans: ['A-01-02'] });
  });

  it('gives held keys back before the next slow key even when no timer ran', () => {
    const keys = [...typed('12', 0, 10), { key: '3', at: 500 }];
    expect(drive(keys).field).toBe('123');
  });

  it('reads a scan whole when the give-back timer runs before keys queued behind a busy thread', () => {
    const keys = typed(']d2010695012345678961724113010S24110701', 1000, 3, 'Enter');
    keys[6]!.timerFirst = true;
    keys[20]!.timerFirst = true;
    expect(drive([...typed('5', 0, 100), ...keys])).toEqual({ field: '5', scans: [']d2010695012345678961724113010S24110701'] });
  });

  it('gives a person every key when the timer gives some back and the next key comes after the gap', () => {
    const keys = [...typed('12', 0, 10), { key: '3', at: 400, timerFirst: true }, ...typed('45', 800, 10)];
    expect(drive(keys)).toEqual({ field: '12345', scans: [] });
  });

  it('gives the held keys back at once when the person reaches for the screen', () => {
    const reader = new WedgeReader();
    reader.key('1', 0);
    reader.key('2', 10);
    reader.key(']', 12, true);
    expect(reader.flush()).toBe('2');
    expect(reader.reading).toBe(false);
    expect(reader.key('3', 14)).toEqual({ release: '', action: 'pass' });
  });

  it('ends a burst at Backspace and lets it through after the held keys', () => {
    const reader = new WedgeReader();
    expect(reader.key('1', 0)).toEqual({ release: '', action: 'pass' });
    expect(reader.key('2', 10)).toEqual({ release: '', action: 'hold' });
    expect(reader.key('Backspace', 20)).toEqual({ release: '2', action: 'pass' });
    expect(reader.reading).toBe(false);
  });

  it('lets Shift through without starting or ending a burst, as scanners send it for capitals', () => {
    const keys: Key[] = [];
    [...'LOT-A'].forEach((ch, i) => keys.push({ key: 'Shift', at: 1000 + i * 4 }, { key: ch, at: 1001 + i * 4 }));
    keys.push({ key: 'Enter', at: 1030 });
    expect(drive(keys)).toEqual({ field: '', scans: ['LOT-A'] });
  });

  it('turns Ctrl+] and a configured substitute into GS, and never gives GS to a field', () => {
    const options = { maxGapMs: 35, minLength: 4, fnc1Substitute: '~' };
    const scan = drive([{ key: '1', at: 0 }, { key: '0', at: 2 }, { key: ']', at: 4, ctrl: true }, { key: '~', at: 6 }, { key: '2', at: 8 }, { key: 'Enter', at: 10 }], options);
    expect(scan.scans).toEqual([`10${GS}${GS}2`]);
    expect(drive([{ key: '1', at: 0 }, { key: 'GroupSeparator', at: 2 }, { key: '2', at: 4 }], options).field).toBe('12');
  });

  it('keeps characters outside the basic plane whole', () => {
    expect(drive(typed('批号𠀋', 0, 100)).field).toBe('批号𠀋');
  });

  it('hands a person typing at any speed over 35 ms every key, and reads any burst with Enter as one scan', () => {
    const printable = fc.string({ unit: fc.constantFrom(...'0123456789ABCXYZ-/.批'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(printable, fc.array(fc.integer({ min: 36, max: 400 }), { minLength: 30, maxLength: 30 }), (text, gaps) => {
        let at = 0;
        const keys = [...text].map((key, i) => ({ key, at: (at += gaps[i]!) }));
        expect(drive(keys)).toEqual({ field: text, scans: [] });
      }),
    );
    fc.assert(
      fc.property(printable, fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 5 }), fc.integer({ min: 0, max: 30 }), (text, typedFirst, gap) => {
        const keys = [...typed(typedFirst, 0, 200), ...typed(text, 5000, gap, 'Enter')];
        expect(drive(keys)).toEqual(text.length >= 4 ? { field: typedFirst, scans: [text] } : { field: typedFirst + text, scans: [] });
      }),
    );
  });
});
