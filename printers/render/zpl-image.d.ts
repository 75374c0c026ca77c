// zpl-image ships no types; this is the part of its API printers/render uses.
declare module 'zpl-image' {
  export interface GrfImage {
    /** Uncompressed bitmap size in bytes. */
    length: number;
    rowlen: number;
    width: number;
    height: number;
    z64: string;
  }
  export interface GrfOptions {
    /** Blackness threshold, 1-99 percent. */
    black?: number;
    rotate?: 'N' | 'L' | 'R' | 'I' | 'B';
    notrim?: boolean;
  }
  export function rgbaToZ64(rgba: Uint8Array | Uint8ClampedArray, width: number, options?: GrfOptions): GrfImage;
  export function rgbaToACS(rgba: Uint8Array | Uint8ClampedArray, width: number, options?: GrfOptions): GrfImage & { acs: string };
}
