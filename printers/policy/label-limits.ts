import type { LabelSize } from '../../domain/labels';

export type Dpi = 203 | 300 | 600;

/**
 * The largest label a Zebra prints at each head resolution, from the widest and longest models:
 * width from the 8.5-inch 220Xi4 (203/300 dpi) and the 4-inch ZT610 (600 dpi); length from the
 * ZT410's maximum print length (157 in at 203 dpi, 73 in at 300, 39 in at 600). Anything bigger
 * is no label a printer can make, and would only make the preview renderer draw a wall.
 */
export const MAX_LABEL: Record<Dpi, { widthDots: number; heightDots: number; model: string }> = {
  203: { widthDots: 1728, heightDots: 31_871, model: '8.5 in x 157 in (220Xi4 width, ZT410 length)' },
  300: { widthDots: 2550, heightDots: 21_900, model: '8.5 in x 73 in (220Xi4 width, ZT410 length)' },
  600: { widthDots: 2400, heightDots: 23_400, model: '4 in x 39 in (ZT610/ZT410)' },
};

/** Why a label of this size cannot print at this resolution, or null. */
export function labelSizeProblem(size: LabelSize, dpi: Dpi): string | null {
  const max = MAX_LABEL[dpi];
  const inches = (dots: number) => `${(dots / dpi).toFixed(2).replace(/\.?0+$/, '')} in`;
  if (size.widthDots < 1 || size.heightDots < 1) return `label size ${size.widthDots}x${size.heightDots} dots is empty`;
  if (size.widthDots > max.widthDots || size.heightDots > max.heightDots) {
    return `label size ${size.widthDots}x${size.heightDots} dots (${inches(size.widthDots)} x ${inches(size.heightDots)}) at ${dpi} dpi is larger than any Zebra prints: at most ${max.widthDots}x${max.heightDots} dots, ${max.model}`;
  }
  return null;
}
