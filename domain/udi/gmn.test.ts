import { describe, expect, it } from 'vitest';
import { checkGmn, gmnCheckPair, isValidGmn } from './gmn';

// Vectors of GS1's GMN helper libraries (gs1/gmn-helpers), the first from the General Specifications.
describe('GMN check character pair (AI 8013)', () => {
  it.each([
    ['1987654Ad4X4bL5ttr2310c', '2K'],
    ['12345A', 'NJ'],
    ['12345678901234567890123', 'NT'],
  ])('%s takes %s', (body, pair) => {
    expect(gmnCheckPair(body)).toEqual({ ok: true, pair });
  });

  it.each([
    '1987654Ad4X4bL5ttr2310c2K',
    '12345ANJ',
    '12345678901234567890123NT',
    '12345_ABCDEFGHIJKLMCP',
    '12345_NOPQRSTUVWXYZDN',
    '12345_abcdefghijklmN3',
    '12345_nopqrstuvwxyzP2',
    `12345_!"%&'()*+,-./LC`,
    '12345_0123456789:;<=>?62',
    '7907665Bm8v2AB',
    '97850l6KZm0yCD',
    '225803106GSpEF',
    '149512464PM+GH',
    '62577B8fRG7HJK',
    '515942070CYxLM',
    '390800494sP6NP',
    '386830132uO+QR',
    '53395376X1:nST',
    '957813138Sb6UV',
    '530790no0qOgWX',
    '62185314IvwmYZ',
    '23956qk1&dB!23',
    '794394895ic045',
    '57453Uq3qA<H67',
    '0881063PhHvY89',
    '00000!HV',
    '99999zzzzzzzzzzzzzzzzzzT2',
  ])('%s is a valid GMN', (gmn) => {
    expect(checkGmn(gmn)).toEqual({ ok: true });
  });

  it.each([
    ['1987654Ad4X4bL5ttr2310cXK', 'wrong_check_pair'],
    ['1987654Ad4X4bL5ttr2310c2X', 'wrong_check_pair'],
    ['1987654Ad4X4bL5ttr2310cxK', 'bad_check_character'],
    ['1987654Ad4X4bL5ttr2310c2x', 'bad_check_character'],
    ['X987654Ad4X4bL5ttr2310c2K', 'prefix_not_digits'],
    ['1987X54Ad4X4bL5ttr2310c2K', 'prefix_not_digits'],
    ['198765£Ad4X4bL5ttr2310c2K', 'not_cset82'],
    ['1987654Ad4X4bL5ttr2310£2K', 'not_cset82'],
    ['12345XX', 'too_short'],
    ['123456789012345678901234XX', 'too_long'],
    // Full-width digits look like a company prefix and are not one.
    ['１２３４５ANJ', 'prefix_not_digits'],
  ])('%s is refused: %s', (gmn, code) => {
    expect(checkGmn(gmn)).toMatchObject({ ok: false, code });
    expect(isValidGmn(gmn)).toBe(false);
  });

  it('names where the check pair goes wrong and what it should be', () => {
    expect(checkGmn('1987654Ad4X4bL5ttr2310cXK')).toMatchObject({
      expected: '2K',
      message: expect.stringContaining('2K'),
    });
    expect(gmnCheckPair('12345')).toMatchObject({
      ok: false,
      code: 'too_short',
    });
    expect(gmnCheckPair('123456789012345678901234')).toMatchObject({
      ok: false,
      code: 'too_long',
    });
  });
});
