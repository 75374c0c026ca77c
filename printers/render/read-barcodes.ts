import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

export interface ReadBarcode {
  format: string;
  /** What a scanner with AIM identifiers sends: `]d2…`, `]C1…`, `]Q1…`; for domain/gs1 readScan. */
  scan: string;
  /** 'GS1' when the symbol starts with FNC1. */
  contentType: string;
}

let prepared: Promise<void> | undefined;

/** zxing-wasm fetches its .wasm from a CDN unless handed the local file: plants run offline. */
function prepare(): Promise<void> {
  prepared ??= (async () => {
    const file = await readFile(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  return prepared;
}

/** Every DataMatrix, Code 128 and QR code zxing finds on a label image (PNG bytes), top to bottom. */
export async function readLabelBarcodes(png: Uint8Array): Promise<ReadBarcode[]> {
  await prepare();
  const results = await readBarcodes(png, { formats: ['DataMatrix', 'Code128', 'QRCode'], tryHarder: true, textMode: 'Plain', maxNumberOfSymbols: 16 });
  return results
    .filter((r) => r.isValid)
    .sort((a, b) => a.position.topLeft.y - b.position.topLeft.y || a.position.topLeft.x - b.position.topLeft.x)
    .map((r) => ({ format: r.format, scan: `${r.symbologyIdentifier}${r.text}`, contentType: r.contentType }));
}
