// Draws the app icons as PNG files: a lot tag with a barcode, in the theme colours.
// Run: node bin/run-ts.mjs client/scripts/draw-icons.ts
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x, y);
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const NAVY: [number, number, number] = [15, 23, 42];
const AMBER: [number, number, number] = [245, 158, 11];
const WHITE: [number, number, number] = [248, 250, 252];
// Bar widths of a made-up barcode, in units; drawn inside the tag.
const BARS = [2, 1, 1, 3, 1, 2, 2, 1, 3, 1, 1, 2, 1, 3, 2, 1];

function icon(size: number, safe: number): Buffer {
  return png(size, (x, y) => {
    const u = x / size;
    const v = y / size;
    const inset = (1 - safe) / 2;
    const tx = (u - inset) / safe;
    const ty = (v - inset) / safe;
    const inTag = tx > 0.14 && tx < 0.86 && ty > 0.22 && ty < 0.78;
    if (!inTag) return NAVY;
    if (ty < 0.32) return AMBER;
    if (ty > 0.4 && ty < 0.7 && tx > 0.22 && tx < 0.78) {
      const total = BARS.reduce((s, b) => s + b, 0);
      let pos = ((tx - 0.22) / 0.56) * total;
      for (let i = 0; i < BARS.length; i++) {
        pos -= BARS[i]!;
        if (pos < 0) return i % 2 === 0 ? NAVY : WHITE;
      }
    }
    return WHITE;
  });
}

const out = new URL('../../public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), icon(192, 1));
writeFileSync(new URL('icon-512.png', out), icon(512, 1));
// Maskable: the tag stays inside the 80 % safe zone a launcher may crop to.
writeFileSync(new URL('icon-maskable-512.png', out), icon(512, 0.72));
