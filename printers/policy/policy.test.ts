import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../templates';
import { labelSizeProblem, rawZplProblems, rawZplSizeProblems } from '.';

const raw = (...lines: string[]) => ({ zpl: ['^XA', ...lines, '^XZ'] });

describe('label sizes a Zebra prints', () => {
  it.each([
    [{ widthDots: 812, heightDots: 406 }, 203, null],
    [{ widthDots: 1728, heightDots: 31_871 }, 203, null],
    [{ widthDots: 1729, heightDots: 406 }, 203, /larger than any Zebra prints: at most 1728x31871 dots/],
    [{ widthDots: 32_000, heightDots: 32_000 }, 203, /32000x32000 dots \(157.64 in x 157.64 in\) at 203 dpi/],
    [{ widthDots: 1200, heightDots: 12_000 }, 300, null], // 4 x 40 in at 300 dpi is a (long) label a ZT410 prints
    [{ widthDots: 1200, heightDots: 21_901 }, 300, /at most 2550x21900/],
    [{ widthDots: 2401, heightDots: 600 }, 600, /at most 2400x23400/],
  ] as const)('%o at %i dpi', (size, dpi, expected) => {
    const problem = labelSizeProblem(size, dpi);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('reads ^PW and ^LL in raw ZPL', () => {
    expect(rawZplSizeProblems(raw('^PW812^LL609'), 203)).toEqual([]);
    expect(rawZplSizeProblems(raw('^PW812^LL32000'), 203)[0]).toMatch(/^\^PW\/\^LL: label size 812x32000 dots/);
  });
});

describe('raw ZPL draws the label and nothing else', () => {
  it('accepts the starter carton template', async () => {
    expect(rawZplProblems((await loadTemplate('carton-zpl')) as { zpl: string[] })).toEqual([]);
  });

  it.each([
    ['^PQ5', /\^PQ changes how many labels a job prints/],
    ['^PQ1,0,1,Y', /\^PQ changes how many labels/],
    ['^SN001,1,Y', /\^SN changes how many labels a job prints or numbers them/],
    ['^JUS', /\^JU resets, cancels, reprints, calibrates or reconfigures the printer/],
    ['~JR', /~JR resets/],
    ['~JA', /~JA resets, cancels/],
    ['^JZY', /\^JZ resets/],
    ['~JD', /~JD resets/],
    ['^MCN', /\^MC changes the printer's set-up/],
    ['^MMC', /\^MM changes the printer's set-up/],
    ['~SD25', /~SD changes the printer's set-up/],
    ['^PR6', /\^PR changes the printer's set-up/],
    ['~PS', /~PS changes the printer's set-up/],
    ['~PP', /~PP changes/],
    ['^JB', /\^JB resets/],
    ['~JB', /~JB resets/],
    ['^IDR:*.*', /\^ID stores, recalls or deletes/],
    ['^DFR:LABEL.ZPL', /\^DF stores, recalls or deletes/],
    ['^XFR:LABEL.ZPL', /\^XF stores, recalls or deletes/],
    ['^XGR:LOGO.GRF,1,1', /\^XG stores/],
    ['~DGR:LOGO.GRF,4,1,FF00', /~DG stores/],
    ['^HZA', /\^HZ asks the printer a question/],
    ['~HS', /~HS asks the printer a question/],
    ['^KPpassword', /\^KP changes the printer's network, wireless, name, password/],
    ['^KNDock,Desc', /\^KN changes the printer's network/],
    ['^NC1', /\^NC changes the printer's network/],
    ['^NP', /\^NP changes/],
    ['^NS', /\^NS changes/],
    ['^WIA', /\^WI changes/],
    ['^MUI', /\^MU changes the printer's set-up/],
    ['^LRY', /\^LR is not a label-drawing command/],
    ['^ZZ', /\^ZZ is not a label-drawing command/],
  ])('refuses %s, naming it', (command, reason) => {
    const problems = rawZplProblems(raw('^FO10,10^A0N,30,30^FDok^FS', command));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line 3: /);
    expect(problems[0]).toMatch(reason);
  });

  it('allows fonts, barcodes, graphics and field commands', () => {
    expect(rawZplProblems(raw('^CI28^PW812^LL406^LH0,0', '^FO10,10^A0N,30,30^FB400,2,0,L^FH\\^FDtext^FS', '^FO10,80^BY2^BCN,80,Y,N,N,D^FD{{gs1128:gtin}}^FS', '^FO500,10^BXN,5,200,,,,#^FD{{dataMatrix:gtin}}^FS', '^FO10,300^GB700,3,3^FS', '^FO10,320^GFA,8,8,1,FFFFFFFFFFFFFFFF^FS', '^FXa comment'))).toEqual([]);
  });
});
