import { describe, expect, it } from 'vitest';
import { runLotline } from '../test-support/process';
import { run } from './gs1';
import { memoryIo } from './io';

describe('lotline gs1 parse', () => {
  it('prints the elements as JSON, dates as ISO', async () => {
    const io = memoryIo();
    expect(await run(['parse', '--json', '(01)09506000134352(17)261200(10)ABC'], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({
      valid: true,
      elements: [
        { ai: '01', value: '09506000134352' },
        { ai: '17', value: '261200', date: '2026-12-31' },
        { ai: '10', value: 'ABC' },
      ],
    });
  });

  it('reads GS written as \\x1d or {GS}, and Digital Links path first', async () => {
    for (const input of ['0109506000134352172612001' + '0ABC\\x1d21S1', '01095060001343521726120010ABC{GS}21S1']) {
      const io = memoryIo();
      expect(await run(['parse', '--json', input], io)).toBe(0);
      expect((JSON.parse(io.stdout) as { elements: { ai: string }[] }).elements.map((e) => e.ai)).toEqual(['01', '17', '10', '21']);
    }
    const io = memoryIo();
    await run(['parse', '--json', 'https://id.gs1.org/01/09506000134352/10/ABC?17=261200'], io);
    expect((JSON.parse(io.stdout) as { elements: { ai: string }[] }).elements.map((e) => e.ai)).toEqual(['01', '10', '17']);
  });

  it('exits 1 with the reason for invalid data', async () => {
    const io = memoryIo();
    expect(await run(['parse', '--json', '(01)09506000134353'], io)).toBe(1);
    expect(JSON.parse(io.stdout)).toMatchObject({ valid: false, error: 'AI (01): check digit is 3, expected 2' });
    const table = memoryIo();
    expect(await run(['parse', '(01)09506000134353'], table)).toBe(1);
    expect(table.stdout).toBe('invalid: AI (01): check digit is 3, expected 2\n');
  });

  it('streams stdin one JSON line per input line, in order; exit 1 when any is invalid', async () => {
    const lines = ['(01)09506000134352', 'nonsense', '(00)106141411234567897'];
    const io = memoryIo(lines);
    expect(await run(['parse', '--json', '-'], io)).toBe(1);
    const out = io.stdout.trim().split('\n').map((l) => JSON.parse(l) as { valid: boolean });
    expect(out.map((o) => o.valid)).toEqual([true, false, true]);
  });

  it.each([[[]], [['parse']], [['frobnicate', 'x']], [['parse', '-']], [['parse', '--bogus', 'x']]])('exits 2 for %j', async (args) => {
    const io = memoryIo();
    expect(await run(args, io)).toBe(2);
    expect(io.stderr).toContain('usage: lotline gs1 parse');
  });

  it('works as a real process over stdin', async () => {
    const input = Array.from({ length: 2000 }, (_, i) => (i % 2 ? `(01)09506000134352(10)L${i}` : '(01)09506000134353')).join('\n');
    const result = await runLotline(['gs1', 'parse', '--json', '-'], {}, `${input}\n`);
    expect(result.code).toBe(1);
    const out = result.stdout.trim().split('\n');
    expect(out).toHaveLength(2000);
    expect(JSON.parse(out[1]!)).toMatchObject({ valid: true, elements: [{ ai: '01' }, { ai: '10', value: 'L1' }] });
  }, 30_000);
});
