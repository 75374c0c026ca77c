import { describe, expect, it } from 'vitest';
import { GS, encodeDigitalLink, parseBracketed, parseDigitalLink, parseRaw, readScan, type ParsedElement } from '.';
import { LINTERS } from './linters';
import { aiEntry } from './table';
import engine from './testdata/syntax-engine-vectors.json';
import linterVectors from './testdata/linter-vectors.json';

// The engine's notation: "^" is FNC1, and an FNC1 follows every AI that is not of predefined length.
function caretForm(elements: readonly ParsedElement[]): string {
  return `^${elements.map((e, i) => e.ai + e.value + (i < elements.length - 1 && !aiEntry(e.ai)!.predefinedLength ? '^' : '')).join('')}`;
}

const REFERENCE = { referenceYear: 2025 };

/**
 * Behaviour of the engine that Lotline deliberately does not have. Each vector left out names
 * its reason here; everything else runs.
 */
function leftOut(input: string): string | null {
  // The engine can be told to accept unknown AIs; Lotline never does: an unknown AI on a
  // medical-device label is a misread or a forgery, not data to keep.
  const unknown = [...input.matchAll(/\((\d{2,4})\)/g)].map((m) => m[1]!).find((ai) => !aiEntry(ai));
  if (unknown) return `unknown AI (${unknown}) accepted only with the engine's permitUnknownAIs option`;
  return null;
}

/** Linter vectors that only hold under a compile-time option of the reference C build. */
function linterLeftOut(v: { linter: string; input: string; ok: boolean }): string | null {
  const both = linterVectors.some((o) => o.linter === v.linter && o.input === v.input && o.ok !== v.ok);
  if (both) return 'listed both as pass and fail: the outcome depends on a build option of the C linters';
  if (v.linter === 'csumalpha' && v.input.length > 25) return 'checks the C implementation\'s prime table bound, beyond the 25 characters any AI allows';
  if ((v.linter === 'gcppos1' || v.linter === 'gcppos2') && !v.ok && /^I?\d+$/.test(v.input) && v.input.replace(/^I/, '').length >= 4) {
    return 'needs a GS1 Company Prefix lookup service (GS1_LINTER_CUSTOM_GCP_LOOKUP); Lotline checks the prefix offline, structurally';
  }
  return null;
}

describe('GS1 Barcode Syntax Dictionary linter vectors', () => {
  const cases = linterVectors.filter((v) => !linterLeftOut(v)).map((v) => [v.linter, v.input, v.ok] as const);
  it('leaves out only the vectors it names, with a reason', () => {
    const left = linterVectors.filter((v) => linterLeftOut(v));
    expect(left.length).toBeLessThan(linterVectors.length / 100);
    expect(left.every((v) => typeof linterLeftOut(v) === 'string')).toBe(true);
  });
  it.each(cases)('%s(%j) passes: %s', (linter, input, ok) => {
    const lint = LINTERS[linter];
    expect(lint, `linter ${linter}`).toBeDefined();
    expect(lint!(input, REFERENCE) === null).toBe(ok);
  });
});

describe('GS1 Syntax Engine vectors', () => {
  it.each(engine.parseAIdata.map((v) => [v.input, v.ok, v.expect] as const))('bracketed %j -> ok %s %j', (input, ok, expected) => {
    const result = parseBracketed(input, { ...REFERENCE, checkAssociations: false });
    expect(result.ok).toBe(ok);
    if (result.ok) expect(caretForm(result.elements)).toBe(expected);
  });

  it.each(engine.processAIdata.map((v) => [v.input, v.ok] as const))('raw %j -> ok %s', (input, ok) => {
    // The engine's unbracketed input must begin with FNC1.
    const result = input.startsWith('^') ? parseRaw(input.slice(1), { ...REFERENCE, caretIsFnc1: true, checkAssociations: false }) : { ok: false };
    expect(result.ok).toBe(ok);
  });

  const validations = engine.validateAIs.filter((v) => !leftOut(v.input));
  it.each(validations.map((v) => [v.check, v.input, v.ok] as const))('%s %j -> ok %s', (_check, input, ok) => {
    const result = parseBracketed(input, REFERENCE);
    expect(result.ok, JSON.stringify(result)).toBe(ok);
  });

  it.each(engine.linters.map((v) => [v.input, v.expect] as const))('AI data %j -> %s', (input, expected) => {
    const result = parseBracketed(input, { ...REFERENCE, checkAssociations: false });
    expect(result.ok, JSON.stringify(result)).toBe(expected === 'GS1_LINTER_OK');
  });

  // Convenience alphas (/gtin/, /ser/ ...) are deprecated in GS1 Digital Link and Lotline does not
  // read them; the engine's tests that switch them on are left out.
  const dlVectors = engine.parseDLuri.filter((v) => !(v.permitConvenienceAlphas && v.ok) && !leftOut(v.input.replace(/[?&](\d{2,4})=/g, '($1)')));
  it.each(dlVectors.map((v) => [v.input, v.permitZeroSuppressedGtin, v.ok, v.expect] as const))('Digital Link %j (zero-suppressed GTIN allowed: %s) -> ok %s %j', (input, permitZeroSuppressedGtin, ok, expected) => {
    const result = parseDigitalLink(input, { ...REFERENCE, checkAssociations: false, permitZeroSuppressedGtin });
    expect(result.ok, JSON.stringify(result)).toBe(ok);
    if (result.ok) expect(caretForm(result.elements)).toBe(expected);
  });

  it.each(engine.generateDLuri.filter((v) => !leftOut(v.input)).map((v) => [v.input, v.stem, v.ok, v.expect] as const))('Digital Link from %j at %j -> ok %s %j', (input, stem, ok, expected) => {
    const parsed = parseBracketed(input, { ...REFERENCE, checkAssociations: false });
    const result = parsed.ok ? encodeDigitalLink(parsed.elements, { ...REFERENCE, checkAssociations: false, ...(stem ? { domain: stem } : {}) }) : parsed;
    expect(result.ok, JSON.stringify(result)).toBe(ok);
    if (result.ok) expect(result.value).toBe(expected);
  });

  it.each(engine.processScanData.map((v) => [v.input, v.ok, v.expect] as const))('scan %j -> ok %s %j', (input, ok, expected) => {
    const result = readScan(input.startsWith(']') ? input : `]${input}`, REFERENCE);
    expect(result.ok, JSON.stringify(result)).toBe(ok);
    if (!result.ok) return;
    if (result.kind === 'text') expect(result.text).toBe(expected.replace(/\\(.)/g, '$1'));
    else if (/^https?:/i.test(expected)) expect(result.elements.length).toBeGreaterThan(0);
    else if (/^\d{8}(\||$)|^\d{13}/.test(expected)) expect(result.elements[0]!.value).toBe(expected.split('|')[0]!.padStart(14, '0'));
    else expect(caretForm(result.elements)).toBe(expected);
  });
});

it('keeps GS as the separator constant scanners send', () => {
  expect(GS).toBe('\x1d');
});
