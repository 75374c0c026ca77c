import { createRequire } from 'node:module';
import type * as ZplRenderer from 'zpl-renderer-js';
import type { LabelSize } from '../../domain/labels';

export type Dpi = 203 | 300 | 600;

// The renderer takes dots per millimetre; Zebra heads are 8, 12 and 24 dots/mm.
export const DOTS_PER_MM: Record<Dpi, number> = { 203: 8, 300: 12, 600: 24 };

let api: Promise<ZplRenderer.ZplApi> | undefined;

/**
 * The renderer is 9 MB of JavaScript around Go WebAssembly: load it on first use, once per
 * process, through its CommonJS build so no bundler or test runner tries to transform it.
 */
function renderer(): Promise<ZplRenderer.ZplApi> {
  api ??= (createRequire(import.meta.url)('zpl-renderer-js') as typeof ZplRenderer).ready.then((r) => r.api);
  return api;
}

/** A preview of one ZPL label as PNG bytes, drawn at the printer's own resolution. */
export async function renderZplToPng(zpl: string, size: LabelSize & { dpi: Dpi }): Promise<Uint8Array> {
  const dpmm = DOTS_PER_MM[size.dpi];
  const base64 = await (await renderer()).zplToBase64Async(zpl, size.widthDots / dpmm, size.heightDots / dpmm, dpmm);
  return new Uint8Array(Buffer.from(base64, 'base64'));
}
