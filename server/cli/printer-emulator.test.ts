import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { queryHostStatus } from '../../printers/transport';
import { LOTLINE_BIN, runLotline } from '../test-support/process';

describe('lotline printer-emulator', () => {
  it('prints the port it took, answers ~HS, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [LOTLINE_BIN, 'printer-emulator', '--port', '0', '--paper-out'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /listening on 127\.0\.0\.1:(\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(await queryHostStatus({ host: '127.0.0.1', port })).toMatchObject({ paperOut: true, ready: false });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 20_000);

  it.each([
    [['--port', 'abc'], /--port must be a whole number/],
    [['--bogus'], /unknown option --bogus/],
    [['--drop-after-bytes', '0'], /--drop-after-bytes must be a whole number/],
  ])('%j exits 2 with a usage message', async (args, message) => {
    const result = await runLotline(['printer-emulator', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  }, 20_000);
});
