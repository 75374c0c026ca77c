import { createRequire } from 'node:module';
import type { GrfOptions, rgbaToZ64 as RgbaToZ64 } from 'zpl-image';
import type { LayoutElement } from '../../domain/labels';
import { decodePng } from './png';

type Graphic = Extract<LayoutElement, { type: 'image' }>['graphic'];

// zpl-image is CommonJS and picks zlib itself when it sees Node.
const { rgbaToZ64 } = createRequire(import.meta.url)('zpl-image') as { rgbaToZ64: typeof RgbaToZ64 };

/**
 * A PNG (logo, CE mark, "UDI" symbol) as the ^GFA graphic an image element stores. Pixels darker
 * than `black` percent print; transparent pixels do not. The empty margin is kept so the
 * picture sits where the designer put it.
 */
export function pngToGraphic(png: Uint8Array, options: Pick<GrfOptions, 'black' | 'rotate'> = {}): Graphic & { widthDots: number; heightDots: number } {
  const image = decodePng(png);
  const grf = rgbaToZ64(image.rgba, image.width, { notrim: true, ...options });
  return { bytes: grf.length, rowBytes: grf.rowlen, data: grf.z64, widthDots: grf.width, heightDots: grf.height };
}
