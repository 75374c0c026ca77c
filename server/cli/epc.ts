import { EPC_SCHEMES, EpcError, UnknownCompanyPrefixError, companyPrefixLength, decodeEpc, encodeSgln, encodeSgtin, encodeSscc, type DecodedEpc, type EpcScheme } from '../../domain/epc';
import { prefixLengths } from '../epc/prefix-lengths';
import { UsageError, parseArgs, stringFlag } from './args';
import { EXIT, type CliCommand } from './io';

export const usage = `usage: lotline epc encode --scheme sgtin-96|sgtin-198 --gtin <GTIN> --serial <serial> [--filter N] [--prefix-length N] [--json]
       lotline epc encode --scheme sscc-96 --sscc <18 digits> [--filter N] [--prefix-length N] [--json]
       lotline epc encode --scheme sgln-96 --gln <13 digits> [--extension N] [--filter N] [--prefix-length N] [--json]
       lotline epc decode <hex> [--json]
  The GS1 Company Prefix length comes from GS1's prefix-length table shipped with Lotline; give
  --prefix-length for a prefix newer than the table. Filter defaults: 1 for an SGTIN (point of
  sale item), 2 for an SSCC, 0 for an SGLN. Exit 0: done, 1: the value cannot be encoded or read,
  2: usage.
`;

function describe(epc: DecodedEpc): string {
  const rows: [string, string][] = [
    ['scheme', epc.scheme.toUpperCase()],
    ['hex', epc.hex],
    ['tag URI', epc.tagUri],
    ['pure identity', epc.pureIdentityUri],
    ['GS1 element string', epc.elementString],
    ['filter', String(epc.filter)],
    ['company prefix', epc.companyPrefix],
  ];
  return rows.map(([k, v]) => `${k.padEnd(19)} ${v}`).join('\n') + '\n';
}

function wholeNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,2}$/.test(text)) throw new UsageError(`--${flag} must be a whole number`);
  return Number(text);
}

function encode(scheme: EpcScheme, flags: ReturnType<typeof parseArgs>): DecodedEpc {
  const filter = wholeNumber(stringFlag(flags, 'filter'), 'filter');
  const given = wholeNumber(stringFlag(flags, 'prefix-length'), 'prefix-length');
  const need = (flag: string) => {
    const value = stringFlag(flags, flag);
    if (value === undefined) throw new UsageError(`${scheme} needs --${flag}`);
    return value;
  };
  if (scheme === 'sgtin-96' || scheme === 'sgtin-198') {
    const gtin = need('gtin');
    const serial = need('serial');
    const length = given ?? companyPrefixLength(prefixLengths(), gtin.padStart(14, '0').slice(1));
    return encodeSgtin(scheme, { gtin, serial, companyPrefixLength: length, ...(filter === undefined ? {} : { filter }) });
  }
  if (scheme === 'sscc-96') {
    const sscc = need('sscc');
    return encodeSscc({ sscc, companyPrefixLength: given ?? companyPrefixLength(prefixLengths(), sscc.slice(1)), ...(filter === undefined ? {} : { filter }) });
  }
  const gln = need('gln');
  const extension = stringFlag(flags, 'extension');
  return encodeSgln({ gln, companyPrefixLength: given ?? companyPrefixLength(prefixLengths(), gln), ...(extension === undefined ? {} : { extension }), ...(filter === undefined ? {} : { filter }) });
}

export const run: CliCommand = async (args, io) => {
  let action: () => DecodedEpc;
  let json: boolean;
  try {
    const flags = parseArgs(args, { values: ['scheme', 'gtin', 'serial', 'sscc', 'gln', 'extension', 'filter', 'prefix-length'], booleans: ['json'] });
    json = flags.flags.has('json');
    const [sub, ...rest] = flags.positionals;
    if (sub === 'decode') {
      if (rest.length !== 1) throw new UsageError(rest.length === 0 ? 'decode needs the EPC hex' : 'give one EPC (quote it when it has spaces)');
      action = () => decodeEpc(rest[0]!);
    } else if (sub === 'encode') {
      if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}`);
      const scheme = stringFlag(flags, 'scheme');
      if (!scheme || !(EPC_SCHEMES as readonly string[]).includes(scheme)) throw new UsageError(`--scheme must be one of ${EPC_SCHEMES.join(', ')}`);
      action = () => encode(scheme as EpcScheme, flags);
    } else throw new UsageError(sub ? `unknown subcommand '${sub}'` : 'missing subcommand: encode or decode');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`lotline epc: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
  try {
    const epc = action();
    io.out(json ? `${JSON.stringify(epc)}\n` : describe(epc));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`lotline epc: ${error.message}\n${usage}`);
      return EXIT.usage;
    }
    if (!(error instanceof EpcError) && !(error instanceof UnknownCompanyPrefixError)) throw error;
    if (json) io.out(`${JSON.stringify({ error: error.message, ...(error instanceof EpcError ? { code: error.code, ...(error.offer ? { offer: error.offer } : {}) } : { code: 'unknown_company_prefix' }) })}\n`);
    io.err(`lotline epc: ${error.message}\n`);
    return EXIT.failed;
  }
};
