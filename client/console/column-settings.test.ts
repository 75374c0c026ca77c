import { describe, expect, it } from 'vitest';
import { loadHidden, saveHidden, shownColumns } from './column-settings';

const memory = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
};

describe('column settings', () => {
  const columns = [{ key: 'lot' }, { key: 'item' }, { key: 'qty' }];

  it.each([
    [[], ['lot', 'item', 'qty']],
    [['item'], ['lot', 'qty']],
    [['lot', 'item', 'qty'], ['lot']],
    [['nope'], ['lot', 'item', 'qty']],
  ])('hiding %j shows %j; the first column always stays', (hidden, shown) => {
    expect(shownColumns(columns, hidden).map((c) => c.key)).toEqual(shown);
  });

  it('keeps the choice per table, and reads anything broken as nothing hidden', () => {
    const storage = memory();
    saveHidden('ops', ['qty'], storage);
    expect(loadHidden('ops', storage)).toEqual(['qty']);
    expect(loadHidden('devices', storage)).toEqual([]);
    storage.setItem('lotline.columns.bad', '{not json');
    expect(loadHidden('bad', storage)).toEqual([]);
    storage.setItem('lotline.columns.odd', '[1, "qty", null]');
    expect(loadHidden('odd', storage)).toEqual(['qty']);
  });
});
