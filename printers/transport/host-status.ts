export interface HostStatus {
  paperOut: boolean;
  paused: boolean;
  headOpen: boolean;
  ribbonOut: boolean;
  bufferFull: boolean;
  formatsInBuffer: number;
  labelsRemaining: number;
  underTemperature: boolean;
  overTemperature: boolean;
  corruptRam: boolean;
  /** Nothing stands in the way of printing. */
  ready: boolean;
  raw: string;
}

export class HostStatusError extends Error {
  override name = 'HostStatusError';
}

/** Parses a printer's three-line ~HS answer; anything else is refused, never guessed at. */
export function parseHostStatus(text: string): HostStatus {
  const frames = [...text.matchAll(/\x02([^\x02\x03]*)\x03/g)].map((m) => m[1]!.split(','));
  if (frames.length < 3) throw new HostStatusError(`~HS answer has ${frames.length} of 3 status strings`);
  const [one, two] = frames as [string[], string[], string[]];
  if (one.length < 12 || two.length < 11) throw new HostStatusError('~HS answer has too few fields');
  const bit = (v: string | undefined, name: string) => {
    if (v !== '0' && v !== '1') throw new HostStatusError(`~HS field ${name} is '${v}', not 0 or 1`);
    return v === '1';
  };
  const num = (v: string | undefined, name: string) => {
    if (!v || !/^\d+$/.test(v)) throw new HostStatusError(`~HS field ${name} is '${v}', not a number`);
    return Number(v);
  };
  const status = {
    paperOut: bit(one[1], 'paper out'),
    paused: bit(one[2], 'pause'),
    formatsInBuffer: num(one[4], 'formats in buffer'),
    bufferFull: bit(one[5], 'buffer full'),
    corruptRam: bit(one[9], 'corrupt RAM'),
    underTemperature: bit(one[10], 'under temperature'),
    overTemperature: bit(one[11], 'over temperature'),
    headOpen: bit(two[2], 'head up'),
    ribbonOut: bit(two[3], 'ribbon out'),
    labelsRemaining: num(two[8], 'labels remaining'),
  };
  const ready = !status.paperOut && !status.paused && !status.headOpen && !status.ribbonOut && !status.bufferFull && !status.corruptRam && !status.overTemperature;
  return { ...status, ready, raw: text };
}

/** ~HI: model, firmware, dpmm, memory. */
export function parseHostIdentification(text: string): { model: string; firmware: string; dotsPerMm: number; memory: string } {
  const match = /\x02([^,\x03]+),([^,\x03]+),(\d+),([^,\x03]+)\x03/.exec(text);
  if (!match) throw new HostStatusError('~HI answer is not model,firmware,dpmm,memory');
  return { model: match[1]!, firmware: match[2]!, dotsPerMm: Number(match[3]), memory: match[4]! };
}
