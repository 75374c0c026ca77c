// The part of fontkit (a dependency of pdfkit, which ships no types) the label text drawing uses.
declare module 'fontkit' {
  export interface Glyph {
    path: { commands: { command: string; args: number[] }[] };
  }
  export interface GlyphPosition {
    xAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    layout(text: string): GlyphRun;
  }
  export function create(buffer: Uint8Array): Font;
}
