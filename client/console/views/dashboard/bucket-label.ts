/** How a bucket key reads: which text, with which days. Keys are the server's: expired, none, 0-30, 31-90, 181+. */
export type BucketWords = { text: 'expired' | 'none' | 'any' } | { text: 'upTo'; to: number } | { text: 'range'; from: number; to: number } | { text: 'over'; days: number } | { text: 'other'; key: string };

export function bucketWords(key: string): BucketWords {
  if (key === 'expired' || key === 'none') return { text: key };
  const range = /^(\d+)-(\d+)$/.exec(key);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return from === 0 ? { text: 'upTo', to } : { text: 'range', from, to };
  }
  const open = /^(\d+)\+$/.exec(key);
  if (open) return Number(open[1]) === 0 ? { text: 'any' } : { text: 'over', days: Number(open[1]) - 1 };
  return { text: 'other', key };
}
