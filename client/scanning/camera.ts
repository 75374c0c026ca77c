import type * as ZXing from 'zxing-wasm/reader';
import type { ReadResult } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/*
 * Camera decoding with zxing-wasm, everywhere. The native BarcodeDetector (Android) does not
 * report the AIM symbology identifier, so a GS1 DataMatrix and a plain DataMatrix with the same
 * characters could not be told apart; zxing-wasm reports both the identifier (]d2, ]C1, ]Q3)
 * and FNC1 as GS. Its .wasm is served by the app and precached, never fetched from a CDN.
 */

/** zxing-wasm's loader comes with the first frame: most sessions never open the camera. */
let reader: Promise<typeof ZXing> | undefined;

function prepared(): Promise<typeof ZXing> {
  reader ??= import('zxing-wasm/reader').then((zxing) => {
    zxing.prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } });
    return zxing;
  });
  return reader;
}

const FORMATS = ['DataMatrix', 'Code128', 'QRCode', 'EAN13', 'EAN8', 'UPCA', 'DataBarExpanded'] as const;

/** The scan as a wedge scanner would send it: symbology identifier, then the data with GS for FNC1. */
export function asScan(result: ReadResult): string {
  return `${result.symbologyIdentifier}${result.text}`;
}

export async function decodeFrame(image: ImageData): Promise<string | null> {
  const { readBarcodes } = await prepared();
  // Plain text mode: FNC1 comes as GS, as from a wedge scanner (the default would be bracketed HRI).
  const results = await readBarcodes(image, { formats: [...FORMATS], tryHarder: true, maxNumberOfSymbols: 1, textMode: 'Plain' });
  const found = results.find((r) => r.isValid && r.text.length > 0);
  return found ? asScan(found) : null;
}
