import { describe, expect, it } from 'vitest';
import { bookPick, pickLine, pickListStatus, unbookPick, type PickListState } from './pick-progress';

const A = '06901234000016';
const B = '06901234000054';
const list = (status: PickListState['status'], ...lines: [string, number, number][]): PickListState => ({ status, lines: lines.map(([gtin, qty, pickedQty]) => pickLine({ gtin, qty, pickedQty })) });
const picked = (state: { lines: readonly { pickedQty: number }[] }) => state.lines.map((l) => l.pickedQty);

describe('pickLine', () => {
  it.each([
    [500, 0, 500, 'open'],
    [500, 300, 200, 'open'],
    [500, 500, 0, 'done'],
    [500, 520, 0, 'done'],
    [0.3, 0.1, 0.2, 'open'],
  ] as const)('%d ordered, %d picked: %d to go, %s', (qty, pickedQty, remainingQty, status) => {
    expect(pickLine({ gtin: A, qty, pickedQty })).toEqual({ gtin: A, qty, pickedQty, remainingQty, status });
  });
});

describe('pickListStatus', () => {
  it.each([
    ['nothing picked', list('open', [A, 5, 0]), 'open'],
    ['one line started', list('open', [A, 5, 1], [B, 5, 0]), 'picking'],
    ['one line done, one not', list('picking', [A, 5, 5], [B, 5, 0]), 'picking'],
    ['every line done', list('picking', [A, 5, 5], [B, 5, 6]), 'done'],
    ['cancelled stays cancelled', list('cancelled', [A, 5, 5]), 'cancelled'],
  ] as const)('%s: %s', (_name, state, status) => {
    expect(pickListStatus(state.status, state.lines)).toBe(status);
  });
});

describe('bookPick', () => {
  it('300 of a line of 500 leaves 200 to go and the list picking', () => {
    const booked = bookPick(list('open', [A, 500, 0], [B, 20, 0]), A, 300);
    expect(booked.lines[0]).toEqual({ gtin: A, qty: 500, pickedQty: 300, remainingQty: 200, status: 'open' });
    expect(booked.status).toBe('picking');
    expect(booked.overPick).toBeNull();
  });

  it('the rest closes the line, and the last line closes the list', () => {
    const first = bookPick(list('picking', [A, 500, 300], [B, 20, 20]), A, 200);
    expect(first.lines[0]!.status).toBe('done');
    expect(first.status).toBe('done');
  });

  it('fills lines of one item in order and keeps an over-pick on the last of them', () => {
    const booked = bookPick(list('open', [A, 5, 0], [B, 1, 0], [A, 5, 3]), A, 10);
    expect(picked(booked)).toEqual([5, 0, 8]);
    expect(booked.overPick).toEqual({ gtin: A, ordered: 10, picked: 13, over: 3 });
  });

  it('an item the list does not ask for is all over-pick and changes no line', () => {
    const booked = bookPick(list('open', [A, 5, 0]), B, 2);
    expect(picked(booked)).toEqual([0]);
    expect(booked.overPick).toEqual({ gtin: B, ordered: 0, picked: 2, over: 2 });
  });

  it('two picks in turn sum, in thousandths', () => {
    const once = bookPick(list('open', [A, 1, 0]), A, 0.1);
    const twice = bookPick(once, A, 0.2);
    expect(twice.lines[0]).toMatchObject({ pickedQty: 0.3, remainingQty: 0.7 });
  });
});

describe('unbookPick', () => {
  it('takes a reversed pick back off the last line of the item first, and opens a done list again', () => {
    const done = bookPick(list('open', [A, 5, 0], [A, 5, 0]), A, 12);
    expect(picked(done)).toEqual([5, 7]);
    const back = unbookPick(done, A, 8);
    expect(picked(back)).toEqual([4, 0]);
    expect(back.status).toBe('picking');
    expect(unbookPick(back, A, 4).status).toBe('open');
  });

  it('never goes below nothing picked, and leaves a cancelled list cancelled', () => {
    expect(picked(unbookPick(list('picking', [A, 5, 2]), A, 3))).toEqual([0]);
    expect(unbookPick(list('cancelled', [A, 5, 2]), A, 2).status).toBe('cancelled');
  });
});
