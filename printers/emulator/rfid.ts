/**
 * What an emulated RFID printer's tag reads back as. `written`: the tag took the EPC;
 * `previous`: the antenna read the previous label's tag (its EPC comes back); `no_tag`: no
 * tag answered, the printer prints VOID and the read field stays empty; `short` and `garbage`:
 * a reader that returns a cut-off EPC or noise, so the host's handling of bad answers can be tried.
 * `silent` and `cut`: the tag takes the EPC, but the printer then sends no read-back (silent) or
 * drops the connection instead of sending it (cut), so the host cannot know what the tag holds.
 */
export const RFID_BEHAVIOURS = ['written', 'previous', 'no_tag', 'short', 'garbage', 'silent', 'cut'] as const;
export type RfidBehaviour = (typeof RFID_BEHAVIOURS)[number];

export interface TagOutcome {
  /** The EPC the format asked to write. */
  epc: string;
  /** What the tag read back as ('' for no tag). */
  read: string;
  /** The printer printed VOID over the label. */
  void: boolean;
  /** The bytes ^HV sends the host, or null when the format asks for no read-back. */
  answer: string | null;
  /** Instead of the answer, when the label prints: nothing at all, or a reset connection. */
  withheld: 'silent' | 'cut' | null;
}

/** ^FH's escapes (`_0D`), with the indicator the format set. */
const unhex = (text: string, indicator: string | null) =>
  indicator === null ? text : text.replace(new RegExp(`\\${indicator}([0-9A-Fa-f]{2})`, 'g'), (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/**
 * Reads a format's RFID commands the way a Zebra does: ^RFW,H writes the ^FD hex, ^HV#,n,h,t
 * returns up to n characters of the field read, between header h and terminator t (both ^FH
 * capable). Returns null for a format without ^RFW.
 */
export function encodeTag(zpl: string, behaviour: RfidBehaviour, previous: string | null): TagOutcome | null {
  const write = /\^RFW,H[^^]*\^FD([^^]*)\^FS/.exec(zpl);
  if (!write) return null;
  const epc = write[1]!.trim().toUpperCase();
  const read =
    behaviour === 'written' || behaviour === 'silent' || behaviour === 'cut' ? epc
    : behaviour === 'previous' ? (previous ?? '')
    : behaviour === 'short' ? epc.slice(0, Math.max(0, epc.length - 4))
    : behaviour === 'garbage' ? 'ZX?-17'
    : '';
  const hv = /(?:\^FH(.?))?\^HV([^^]*)/.exec(zpl);
  let answer: string | null = null;
  if (hv) {
    const [, n, header = '', terminator = ''] = hv[2]!.split(',');
    const indicator = hv[1] === undefined ? null : hv[1] || '_';
    const limit = Number(n) > 0 ? Number(n) : 64;
    answer = `${unhex(header, indicator)}${read.slice(0, limit)}${unhex(terminator, indicator)}`;
  }
  return { epc, read, void: read === '', answer, withheld: behaviour === 'silent' || behaviour === 'cut' ? behaviour : null };
}
