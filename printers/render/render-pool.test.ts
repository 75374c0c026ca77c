import { afterAll, describe, expect, it } from 'vitest';
import { createRenderPool, RenderError } from '.';

const LABEL = '^XA^FO50,50^A0N,40,40^FDLot C2611A^FS^FO50,120^BY2^BCN,80,Y,N,N^FD12345678^FS^XZ';
const SIZE = { widthDots: 812, heightDots: 406, dpi: 203 } as const;
const pool = createRenderPool();
afterAll(() => pool.close());

const isPng = (bytes: Uint8Array) => Buffer.from(bytes.subarray(1, 4)).toString() === 'PNG';

describe('label previews on a render thread', () => {
  it('draws a label off the event loop: timers keep firing while it renders', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const png = await pool.render(LABEL, SIZE);
    clearInterval(ticker);
    expect(isPng(png)).toBe(true);
    expect(ticks).toBeGreaterThan(3);
  });

  it('stops a render that runs too long, and the next preview works on a fresh renderer', async () => {
    const before = pool.started();
    await expect(pool.render(LABEL, SIZE, { timeoutMs: 1 })).rejects.toThrow(RenderError);
    expect(isPng(await pool.render(LABEL, SIZE))).toBe(true);
    expect(pool.started()).toBe(before + 1);
  });

  it('survives the renderer dying on a label too big to draw (the Go runtime runs out of memory), and draws the next', async () => {
    // 32,000 x 32,000 dots: what once killed the renderer for every preview after it.
    await expect(pool.render(LABEL, { widthDots: 32_000, heightDots: 32_000, dpi: 203 })).rejects.toThrow(RenderError);
    expect(isPng(await pool.render(LABEL, SIZE))).toBe(true);
  }, 60_000);
});
