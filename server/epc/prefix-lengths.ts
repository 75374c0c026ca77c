import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parsePrefixLengths, type PrefixLengths } from '../../domain/epc';

const TABLE_FILE = new URL('../../domain/gs1/data/gcp-prefix-lengths.txt.gz', import.meta.url);

let loaded: PrefixLengths | undefined;

/** GS1's company prefix length table shipped with Lotline, read once on first use. */
export function prefixLengths(): PrefixLengths {
  loaded ??= parsePrefixLengths(gunzipSync(readFileSync(TABLE_FILE)).toString('utf8'));
  return loaded;
}
