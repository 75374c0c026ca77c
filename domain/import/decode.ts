import { ImportFileError } from './types';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

/**
 * Counts the well-formed UTF-8 sequences of three or four bytes (every CJK character in UTF-8):
 * GBK text almost never forms them, so a file with many of them and a few bad bytes is UTF-8
 * with damage, not GBK.
 */
function longUtf8Sequences(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const need = b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) continue;
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      count++;
      i += need;
    }
  }
  return count;
}

/**
 * Reads a legacy CSV's bytes as text. UTF-8 with or without BOM and UTF-16 with BOM are taken
 * as they say; otherwise valid UTF-8 is UTF-8, and anything else is tried as GBK (what Excel
 * on a Chinese Windows saves). Bytes that are neither are refused rather than guessed at, except
 * for a UTF-8 file with a few damaged bytes: those cells come out holding U+FFFD and their rows
 * are refused one by one (broken_text), so the report says where.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8 throughout: GBK, or damaged UTF-8
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const damaged = (lenient.match(/\uFFFD/g) ?? []).length;
  if (longUtf8Sequences(bytes) > damaged) return { text: lenient, encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('gbk', { fatal: true }).decode(bytes), encoding: 'gbk' };
  } catch {
    throw new ImportFileError({ code: 'unknown_encoding', message: 'The file is neither UTF-8 nor GBK text. Save it from Excel as "CSV UTF-8" and try again.' });
  }
}
