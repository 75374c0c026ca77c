import { inflateSync } from 'node:zlib';

export interface RgbaImage {
  width: number;
  height: number;
  /** 4 bytes a pixel, rows top to bottom. */
  rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// Samples per pixel by PNG colour type: grey, RGB, palette, grey+alpha, RGBA.
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the per-row filters in place; returns the raw scanlines without their filter bytes. */
function unfilter(data: Uint8Array, rowBytes: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (rowBytes + 1)]!;
    const src = y * (rowBytes + 1) + 1;
    const row = y * rowBytes;
    const prev = row - rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[prev + x]! : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp]! : 0;
      const v = data[src + x]!;
      out[row + x] = (filter === 0 ? v : filter === 1 ? v + a : filter === 2 ? v + b : filter === 3 ? v + ((a + b) >> 1) : v + paeth(a, b, c)) & 0xff;
    }
  }
  return out;
}

/**
 * Decodes a PNG (any colour type, 1 to 16 bits, not interlaced) to RGBA. Small on purpose: it
 * reads logos and symbols for labels, and the rendered previews, nothing more exotic.
 */
export function decodePng(png: Uint8Array): RgbaImage {
  if (png.length < 8 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let depth = 0;
  let colorType = 0;
  let palette: Uint8Array = new Uint8Array(0);
  let alphas: Uint8Array = new Uint8Array(0);
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      depth = body[8]!;
      colorType = body[9]!;
      if (body[12] !== 0) throw new Error('interlaced PNGs are not supported: save it without interlacing');
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') alphas = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = CHANNELS[colorType];
  if (!channels || width === 0 || height === 0) throw new Error('PNG header is missing or unsupported');
  const bitsPerPixel = channels * depth;
  const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
  const raw = unfilter(inflateSync(Buffer.concat(idat)), rowBytes, height, Math.max(1, bitsPerPixel >> 3));

  const sample = (row: number, index: number): number => {
    if (depth === 8) return raw[row + index]!;
    if (depth === 16) return raw[row + index * 2]!;
    const bit = index * depth;
    return (raw[row + (bit >> 3)]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
  };
  const scale = depth < 8 && colorType !== 3 ? 255 / ((1 << depth) - 1) : 1;
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const s = (c: number) => sample(row, x * channels + c);
      if (colorType === 3) {
        const i = s(0);
        rgba.set([palette[i * 3] ?? 0, palette[i * 3 + 1] ?? 0, palette[i * 3 + 2] ?? 0, alphas[i] ?? 255], o);
      } else if (colorType === 0 || colorType === 4) {
        const g = Math.round(s(0) * scale);
        rgba.set([g, g, g, colorType === 4 ? s(1) : 255], o);
      } else rgba.set([s(0), s(1), s(2), colorType === 6 ? s(3) : 255], o);
    }
  }
  return { width, height, rgba };
}
