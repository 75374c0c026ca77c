import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { parse, readScan } from '../domain/gs1';
import { decoderCorpus, type GrayImage } from './corpus/barcode-images';
import { printTable, repeat, runsOption, spreadCell, spreadFigures, writeResults } from './report';

/**
 * `npm run bench -- decoders`: zxing-wasm against @zxing/library on damaged GS1 DataMatrix and
 * GS1-128 images. A decode counts only when domain/gs1 reads back exactly the elements that were
 * encoded, so a lost FNC1 (lot and serial run together) or an unknown symbology is a failure.
 */

// zxing-wasm reads ImageData; Node has none, and the decoder only needs its three fields.
class NodeImageData {
  readonly colorSpace = 'srgb';
  constructor(
    readonly data: Uint8ClampedArray,
    readonly width: number,
    readonly height: number,
  ) {}
}
(globalThis as { ImageData?: unknown }).ImageData ??= NodeImageData;

const require = createRequire(import.meta.url);

function rgba(image: GrayImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.pixels.length; i++) {
    const v = image.pixels[i]!;
    out[i * 4] = v;
    out[i * 4 + 1] = v;
    out[i * 4 + 2] = v;
    out[i * 4 + 3] = 255;
  }
  return out;
}

async function zxingWasm(image: GrayImage): Promise<string | null> {
  const data = new NodeImageData(rgba(image), image.width, image.height) as unknown as ImageData;
  const results = await readBarcodes(data, { formats: ['DataMatrix', 'Code128'], tryHarder: true, tryInvert: true, tryRotate: true, textMode: 'Plain', maxNumberOfSymbols: 1 });
  const r = results.find((x) => x.isValid);
  return r ? `${r.symbologyIdentifier}${r.text}` : null;
}

const hints = new Map<DecodeHintType, unknown>([
  [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.DATA_MATRIX, BarcodeFormat.CODE_128]],
  [DecodeHintType.TRY_HARDER, true],
  [DecodeHintType.ASSUME_GS1, true],
]);

function zxingLibrary(image: GrayImage): string | null {
  try {
    const source = new RGBLuminanceSource(image.pixels, image.width, image.height);
    const reader = new MultiFormatReader();
    reader.setHints(hints);
    const result = reader.decode(new BinaryBitmap(new HybridBinarizer(source)));
    // No symbology identifier is reported: the best a caller can do is assume GS1 from the format.
    const text = result.getText().replace(/^\x1d/, '');
    return `${result.getBarcodeFormat() === BarcodeFormat.DATA_MATRIX ? ']d2' : ']C1'}${text}`;
  } catch {
    return null;
  }
}

function correct(scan: string | null, expected: string): boolean {
  if (!scan) return false;
  const read = readScan(scan);
  const want = parse(expected);
  if (!read.ok || read.kind !== 'gs1' || !want.ok) return false;
  return JSON.stringify(read.elements.map((e) => [e.ai, e.value])) === JSON.stringify(want.elements.map((e) => [e.ai, e.value]));
}

export async function run(args: string[] = []): Promise<void> {
  const runs = runsOption(args);
  prepareZXingModule({ overrides: { wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer as ArrayBuffer } });
  const corpus = decoderCorpus();
  let stats = new Map<string, { wasm: number; lib: number; total: number }>();
  let wasmOk = 0;
  let libOk = 0;
  const timing = await repeat(runs, async (run) => {
    const tally = new Map<string, { wasm: number; lib: number; total: number }>();
    let wasmMs = 0;
    let libMs = 0;
    let okW = 0;
    let okL = 0;
    for (const [n, item] of corpus.entries()) {
      // Alternate which decoder reads an image first, so neither always meets a warm cache.
      const wasmFirst = (run + n) % 2 === 0;
      let a = false;
      let b = false;
      const timeWasm = async () => {
        const t = performance.now();
        a = correct(await zxingWasm(item.image), item.expected);
        wasmMs += performance.now() - t;
      };
      const timeLib = () => {
        const t = performance.now();
        b = correct(zxingLibrary(item.image), item.expected);
        libMs += performance.now() - t;
      };
      if (wasmFirst) {
        await timeWasm();
        timeLib();
      } else {
        timeLib();
        await timeWasm();
      }
      const key = `${item.symbology} ${item.damage}`;
      const s = tally.get(key) ?? { wasm: 0, lib: 0, total: 0 };
      s.total++;
      if (a) s.wasm++;
      if (b) s.lib++;
      tally.set(key, s);
      if (a) okW++;
      if (b) okL++;
    }
    // Decoding is deterministic: a run that reads a different number of images is a fault, not noise.
    if (run > 0 && (okW !== wasmOk || okL !== libOk)) throw new Error(`run ${run + 1} decoded ${okW}/${okL}, run 1 decoded ${wasmOk}/${libOk}`);
    stats = tally;
    wasmOk = okW;
    libOk = okL;
    return { zxing_wasm_ms: wasmMs / corpus.length, zxing_library_ms: libMs / corpus.length };
  }, (line) => console.log(line));
  printTable(`Decoders on ${corpus.length} damaged GS1 images (correct = domain/gs1 reads back the encoded elements)`, ['image', 'zxing-wasm', '@zxing/library'], [
    ...[...stats.entries()].map(([k, s]) => [k, `${s.wasm}/${s.total}`, `${s.lib}/${s.total}`]),
    ['all', `${wasmOk}/${corpus.length}`, `${libOk}/${corpus.length}`],
    [`mean ms per image, median (min–max) of ${runs} runs`, spreadCell(timing.zxing_wasm_ms, 2), spreadCell(timing.zxing_library_ms, 2)],
  ]);
  const chosen = wasmOk >= libOk ? 'zxing-wasm' : '@zxing/library';
  console.log(`\nchosen for the handheld: ${chosen}`);
  const file = writeResults('decoders', {
    runs,
    images: corpus.length,
    zxing_wasm_correct: wasmOk,
    zxing_library_correct: libOk,
    ...spreadFigures('zxing_wasm_ms', timing.zxing_wasm_ms, 2),
    ...spreadFigures('zxing_library_ms', timing.zxing_library_ms, 2),
    chosen,
  });
  console.log(`wrote ${file}`);
}
