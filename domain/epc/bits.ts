/** A string of bits written and read most significant first, as EPC memory holds them. */
export class BitWriter {
  private bits = '';

  int(value: bigint, width: number): this {
    if (value < 0n || value >= 1n << BigInt(width)) throw new RangeError(`${value} does not fit in ${width} bits`);
    this.bits += value.toString(2).padStart(width, '0');
    return this;
  }

  get length(): number {
    return this.bits.length;
  }

  /** Hex as the Tag Data Standard writes it: padded with zero bits to a whole hex digit. */
  hex(): string {
    const padded = this.bits.padEnd(Math.ceil(this.bits.length / 4) * 4, '0');
    let out = '';
    for (let i = 0; i < padded.length; i += 4) out += parseInt(padded.slice(i, i + 4), 2).toString(16);
    return out.toUpperCase();
  }
}

export class BitReader {
  private at = 0;
  private readonly bits: string;

  constructor(hex: string) {
    this.bits = [...hex].map((c) => parseInt(c, 16).toString(2).padStart(4, '0')).join('');
  }

  get size(): number {
    return this.bits.length;
  }

  int(width: number): bigint {
    if (this.at + width > this.bits.length) throw new RangeError('read past the end of the EPC');
    const slice = this.bits.slice(this.at, this.at + width);
    this.at += width;
    return BigInt(`0b${slice}`);
  }
}
