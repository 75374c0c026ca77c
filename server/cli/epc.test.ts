import { describe, expect, it } from 'vitest';
import { companyPrefixLength } from '../../domain/epc';
import { prefixLengths } from '../epc/prefix-lengths';
import { runLotline } from '../test-support/process';
import { run } from './epc';
import { memoryIo } from './io';

describe('GS1 prefix-length table shipped with Lotline', () => {
  it('knows the Tag Data Standard example prefix, and every entry of the table reads back', () => {
    const table = prefixLengths();
    expect(table.size).toBe(94_394);
    expect(companyPrefixLength(table, '0614141812345')).toBe(7);
    const misread = [...table].filter(([prefix, length]) => length > 0 && companyPrefixLength(table, prefix) !== length);
    expect(misread).toEqual([]);
  });

  it('refuses restricted circulation numbers, which carry no company prefix', () => {
    expect(() => companyPrefixLength(prefixLengths(), '2012345678901')).toThrow(/reserves for numbers without a company prefix/);
  });
});

describe('lotline epc', () => {
  it('encodes the Tag Data Standard example, the company prefix length taken from the table', async () => {
    const io = memoryIo();
    expect(await run(['encode', '--scheme', 'sgtin-96', '--gtin', '80614141123458', '--serial', '6789', '--filter', '3', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ hex: '3074257BF7194E4000001A85', tagUri: 'urn:epc:tag:sgtin-96:3.0614141.812345.6789' });
  });

  it('decodes hex as a reader gives it, in a table', async () => {
    const io = memoryIo();
    expect(await run(['decode', '0x3074 257b f719 4e40 0000 1a85'], io)).toBe(0);
    expect(io.stdout).toMatch(/GS1 element string\s+\(01\)80614141123458\(21\)6789/);
  });

  it('exits 1 for a serial SGTIN-96 cannot hold, and offers SGTIN-198', async () => {
    const io = memoryIo();
    expect(await run(['encode', '--scheme', 'sgtin-96', '--gtin', '80614141123458', '--serial', '274877906944', '--json'], io)).toBe(1);
    expect(JSON.parse(io.stdout)).toMatchObject({ code: 'serial_too_big_for_96', offer: 'sgtin-198' });
    expect(io.stderr).toMatch(/needs SGTIN-198/);
  });

  it('encodes SSCC-96 and SGLN-96 with the table', async () => {
    const sscc = memoryIo();
    expect(await run(['encode', '--scheme', 'sscc-96', '--sscc', '106141411234567897', '--json'], sscc)).toBe(0);
    expect(JSON.parse(sscc.stdout)).toMatchObject({ tagUri: 'urn:epc:tag:sscc-96:2.0614141.1123456789', elementString: '(00)106141411234567897' });
    const sgln = memoryIo();
    expect(await run(['encode', '--scheme', 'sgln-96', '--gln', '0614141123452', '--extension', '5678', '--json'], sgln)).toBe(0);
    expect(JSON.parse(sgln.stdout)).toMatchObject({ tagUri: 'urn:epc:tag:sgln-96:0.0614141.12345.5678' });
  });

  it.each([
    [['encode', '--scheme', 'sgtin-64', '--gtin', '80614141123458'], /--scheme must be one of/],
    [['encode', '--scheme', 'sgtin-96', '--gtin', '80614141123458'], /sgtin-96 needs --serial/],
    [['encode', '--scheme', 'sscc-96', '--sscc', '106141411234567897', '--filter', 'x'], /--filter must be a whole number/],
    [['decode'], /decode needs the EPC hex/],
    [['flip'], /unknown subcommand 'flip'/],
  ])('exits 2 with the usage for %j', async (args, message) => {
    const io = memoryIo();
    expect(await run(args, io)).toBe(2);
    expect(io.stderr).toMatch(message);
  });

  it('exits 1 for hex that is not an EPC', async () => {
    const io = memoryIo();
    expect(await run(['decode', 'ZZ'], io)).toBe(1);
    expect(io.stderr).toMatch(/is not EPC hex/);
  });

  it('exits 1 naming a prefix the table does not know, and takes --prefix-length for it', async () => {
    // 011... is not in the table of 2021: a prefix allocated later than the shipped table.
    const gtin = '00111234567891';
    const refused = memoryIo();
    expect(await run(['encode', '--scheme', 'sgtin-96', '--gtin', gtin, '--serial', '1', '--json'], refused)).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ code: 'unknown_company_prefix' });
    expect(refused.stderr).toMatch(/does not know the company prefix of 0111234567891/);
    const given = memoryIo();
    expect(await run(['encode', '--scheme', 'sgtin-96', '--gtin', gtin, '--serial', '1', '--prefix-length', '9', '--json'], given)).toBe(0);
    expect(JSON.parse(given.stdout)).toMatchObject({ tagUri: 'urn:epc:tag:sgtin-96:1.011123456.0789.1' });
  });

  it('runs as a process', async () => {
    const done = await runLotline(['epc', 'decode', '3674257BF6B7A659B2C2BF1000000000000000000000000000', '--json']);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ scheme: 'sgtin-198', serial: '32a/b', pureIdentityUri: 'urn:epc:id:sgtin:0614141.712345.32a%2Fb' });
  });
});
