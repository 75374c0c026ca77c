import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface RawSymbol {
  pixs: number[];
  pixx: number;
  pixy: number;
}

const require = createRequire(import.meta.url);
const bwipjs = require('bwip-js') as { raw(encoder: string, text: string): RawSymbol[] };

/**
 * A Y4M video (what Chromium's fake camera plays) showing one barcode drawn by bwip-js, black on
 * white with a quiet zone, for a few frames.
 */
export function barcodeVideo(path: string, encoder: string, text: string, options: { width?: number; height?: number; module?: number; frames?: number } = {}): void {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const size = options.module ?? 10;
  const [symbol] = bwipjs.raw(encoder, text);
  if (!symbol) throw new Error(`bwip-js drew nothing for ${text}`);
  const y = Buffer.alloc(width * height, 235);
  const left = Math.floor((width - symbol.pixx * size) / 2);
  const top = Math.floor((height - symbol.pixy * size) / 2);
  for (let row = 0; row < symbol.pixy; row++) {
    for (let col = 0; col < symbol.pixx; col++) {
      if (!symbol.pixs[row * symbol.pixx + col]) continue;
      for (let dy = 0; dy < size; dy++) y.fill(16, (top + row * size + dy) * width + left + col * size, (top + row * size + dy) * width + left + (col + 1) * size);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  const frames = Array.from({ length: options.frames ?? 10 }, () => frame);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...frames]));
}
