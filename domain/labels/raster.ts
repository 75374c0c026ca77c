/**
 * Glyph outlines to a one-bit ZPL graphic, for text a printer has no font for (Chinese item names
 * on a printer without a CJK font): the server draws the text and the printer prints a picture.
 */

export interface PathCommand {
  command: string;
  args: readonly number[];
}

/** An outline placed on the label: its path in font units, scaled and moved to dots (y down). */
export interface PlacedOutline {
  commands: readonly PathCommand[];
  scale: number;
  /** Where the outline's origin (on the baseline) falls, in dots. */
  x: number;
  baseline: number;
}

type Point = readonly [number, number];

const CURVE_STEPS = 8;

/** The outline as closed polygons in dots, curves cut into short lines. */
export function flatten(outline: PlacedOutline): Point[][] {
  const contours: Point[][] = [];
  let current: Point[] = [];
  let at: Point = [0, 0];
  let start: Point = [0, 0];
  // Font units are y up; the label is y down.
  const place = (x: number, y: number): Point => [outline.x + x * outline.scale, outline.baseline - y * outline.scale];
  const close = () => {
    if (current.length > 2) contours.push(current);
    current = [];
  };
  for (const { command, args } of outline.commands) {
    const a = args;
    switch (command) {
      case 'moveTo':
        close();
        at = start = place(a[0]!, a[1]!);
        current.push(at);
        break;
      case 'lineTo':
        at = place(a[0]!, a[1]!);
        current.push(at);
        break;
      case 'quadraticCurveTo': {
        const [c, end] = [place(a[0]!, a[1]!), place(a[2]!, a[3]!)];
        for (let i = 1; i <= CURVE_STEPS; i++) {
          const t = i / CURVE_STEPS;
          const u = 1 - t;
          current.push([u * u * at[0] + 2 * u * t * c[0] + t * t * end[0], u * u * at[1] + 2 * u * t * c[1] + t * t * end[1]]);
        }
        at = end;
        break;
      }
      case 'bezierCurveTo': {
        const [c1, c2, end] = [place(a[0]!, a[1]!), place(a[2]!, a[3]!), place(a[4]!, a[5]!)];
        for (let i = 1; i <= CURVE_STEPS; i++) {
          const t = i / CURVE_STEPS;
          const u = 1 - t;
          const x = u * u * u * at[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t * t * t * end[0];
          const y = u * u * u * at[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t * t * t * end[1];
          current.push([x, y]);
        }
        at = end;
        break;
      }
      case 'closePath':
        if (current.length > 0) current.push(start);
        close();
        at = start;
        break;
      default:
        throw new Error(`unknown outline command ${command}`);
    }
  }
  close();
  return contours;
}

/**
 * Fills polygons by the nonzero rule into a width x height one-bit image, a dot black when the
 * centre of the dot is inside: each row is scanned once, crossings sorted by x.
 */
export function fill(contours: readonly Point[][], width: number, height: number): Uint8Array {
  const rowBytes = Math.ceil(width / 8);
  const bits = new Uint8Array(rowBytes * height);
  const edges: { x0: number; y0: number; x1: number; y1: number; dir: number }[] = [];
  for (const contour of contours) {
    for (let i = 0; i < contour.length; i++) {
      const [a, b] = [contour[i]!, contour[(i + 1) % contour.length]!];
      if (a[1] === b[1]) continue;
      edges.push(a[1] < b[1] ? { x0: a[0], y0: a[1], x1: b[0], y1: b[1], dir: 1 } : { x0: b[0], y0: b[1], x1: a[0], y1: a[1], dir: -1 });
    }
  }
  for (let row = 0; row < height; row++) {
    const y = row + 0.5;
    const crossings: { x: number; dir: number }[] = [];
    for (const e of edges) {
      if (y < e.y0 || y >= e.y1) continue;
      crossings.push({ x: e.x0 + ((y - e.y0) / (e.y1 - e.y0)) * (e.x1 - e.x0), dir: e.dir });
    }
    crossings.sort((p, q) => p.x - q.x);
    let winding = 0;
    for (let i = 0; i < crossings.length - 1; i++) {
      winding += crossings[i]!.dir;
      if (winding === 0) continue;
      const from = Math.max(0, Math.ceil(crossings[i]!.x - 0.5));
      const to = Math.min(width - 1, Math.floor(crossings[i + 1]!.x - 0.5));
      for (let col = from; col <= to; col++) bits[row * rowBytes + (col >> 3)]! |= 0x80 >> (col & 7);
    }
  }
  return bits;
}

/** A ^GFA field of a one-bit image, ASCII hex, at the current ^FO. */
export function graphicField(bits: Uint8Array, rowBytes: number): string {
  let hex = '';
  for (const byte of bits) hex += byte.toString(16).toUpperCase().padStart(2, '0');
  return `^GFA,${bits.length},${bits.length},${rowBytes},${hex}^FS`;
}
