import { createRequire } from 'node:module';

/** Grayscale images of GS1 barcodes drawn by bwip-js, with the damage a warehouse does to labels. */
export interface GrayImage {
  width: number;
  height: number;
  /** 0 = black, 255 = white */
  pixels: Uint8ClampedArray;
}

interface Raw2d {
  pixs: number[];
  pixx: number;
  pixy: number;
}
interface Raw1d {
  sbs: number[];
}

const require = createRequire(import.meta.url);
const bwipjs = require('bwip-js') as { raw(encoder: string, text: string): (Raw2d & Raw1d)[] };

function canvas(width: number, height: number): GrayImage {
  return { width, height, pixels: new Uint8ClampedArray(width * height).fill(255) };
}

export function drawDataMatrix(text: string, module = 6): GrayImage {
  const [s] = bwipjs.raw('gs1datamatrix', text);
  const quiet = 4 * module;
  const img = canvas(s!.pixx * module + 2 * quiet, s!.pixy * module + 2 * quiet);
  for (let r = 0; r < s!.pixy; r++)
    for (let c = 0; c < s!.pixx; c++)
      if (s!.pixs[r * s!.pixx + c]) for (let dy = 0; dy < module; dy++) img.pixels.fill(0, (quiet + r * module + dy) * img.width + quiet + c * module, (quiet + r * module + dy) * img.width + quiet + (c + 1) * module);
  return img;
}

export function drawGs1128(text: string, module = 2, barHeight = 80): GrayImage {
  const [s] = bwipjs.raw('gs1-128', text);
  const total = s!.sbs.reduce((a, b) => a + b, 0);
  const quiet = 12 * module;
  const img = canvas(total * module + 2 * quiet, barHeight + 2 * quiet);
  let x = quiet;
  s!.sbs.forEach((w, i) => {
    if (i % 2 === 0) for (let y = quiet; y < quiet + barHeight; y++) img.pixels.fill(0, y * img.width + x, y * img.width + x + w * module);
    x += w * module;
  });
  return img;
}

/** Deterministic noise source, so every run damages the images the same way. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rotate(img: GrayImage, degrees: number): GrayImage {
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const w = Math.ceil(Math.abs(img.width * cos) + Math.abs(img.height * sin));
  const h = Math.ceil(Math.abs(img.width * sin) + Math.abs(img.height * cos));
  const out = canvas(w, h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const dx = x - w / 2;
      const dy = y - h / 2;
      const sx = Math.round(dx * cos + dy * sin + img.width / 2);
      const sy = Math.round(-dx * sin + dy * cos + img.height / 2);
      if (sx >= 0 && sy >= 0 && sx < img.width && sy < img.height) out.pixels[y * w + x] = img.pixels[sy * img.width + sx]!;
    }
  return out;
}

export function blur(img: GrayImage, radius: number): GrayImage {
  const out = canvas(img.width, img.height);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      let sum = 0;
      let n = 0;
      for (let dy = -radius; dy <= radius; dy++)
        for (let dx = -radius; dx <= radius; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && xx >= 0 && yy < img.height && xx < img.width) {
            sum += img.pixels[yy * img.width + xx]!;
            n++;
          }
        }
      out.pixels[y * img.width + x] = sum / n;
    }
  return out;
}

export function noise(img: GrayImage, amount: number, seed: number): GrayImage {
  const rnd = prng(seed);
  const out = { ...img, pixels: new Uint8ClampedArray(img.pixels) };
  for (let i = 0; i < out.pixels.length; i++) out.pixels[i] = out.pixels[i]! + (rnd() - 0.5) * 2 * amount;
  return out;
}

export function contrast(img: GrayImage, low: number, high: number): GrayImage {
  return { ...img, pixels: img.pixels.map((p) => low + ((high - low) * p) / 255) };
}

export function invert(img: GrayImage): GrayImage {
  return { ...img, pixels: img.pixels.map((p) => 255 - p) };
}

export interface DamagedImage {
  symbology: 'gs1datamatrix' | 'gs1-128';
  damage: string;
  expected: string;
  image: GrayImage;
}

export function decoderCorpus(): DamagedImage[] {
  const messages = [
    '(01)06901234000016(17)291231(10)A1B2C3(21)SN000123',
    '(01)06901234000054(11)251001(17)281031(10)CVC-7F/24(21)X9Y8Z7',
    '(01)06901234000115(10)PP2410A',
    '(01)06901234000122(17)300630(10)RB-2409C',
  ];
  const damages: [string, (i: GrayImage, n: number) => GrayImage][] = [
    ['clean', (i) => i],
    ['rotated 10°', (i) => rotate(i, 10)],
    ['rotated 35°', (i) => rotate(i, 35)],
    ['blurred', (i) => blur(i, 1)],
    ['blurred more', (i) => blur(i, 2)],
    ['noise', (i, n) => noise(i, 60, n)],
    ['low contrast', (i) => contrast(i, 90, 170)],
    ['low contrast + noise', (i, n) => noise(contrast(i, 90, 170), 40, n)],
    ['inverted', (i) => invert(i)],
    ['rotated + blurred', (i) => blur(rotate(i, 20), 1)],
  ];
  const out: DamagedImage[] = [];
  messages.forEach((text, m) => {
    for (const [damage, apply] of damages) {
      out.push({ symbology: 'gs1datamatrix', damage, expected: text, image: apply(drawDataMatrix(text), m + 1) });
      out.push({ symbology: 'gs1-128', damage, expected: text, image: apply(drawGs1128(text), m + 101) });
    }
  });
  return out;
}
