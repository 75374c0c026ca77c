/**
 * Fills light enough that the dark label text on them reads at well over 4.5:1, with a strong
 * border in the status's own colour as the cue; the same hues the console's status tags use.
 */
export const NODE_COLOURS: Record<string, { fill: string; border: string }> = {
  released: { fill: '#d9f7be', border: '#389e0d' },
  quarantine: { fill: '#fff1b8', border: '#ad8b00' },
  on_hold: { fill: '#ffe7ba', border: '#d46b08' },
  recalled: { fill: '#ffccc7', border: '#cf1322' },
  rejected: { fill: '#ffd6e7', border: '#c41d7f' },
  expired: { fill: '#f0f0f0', border: '#595959' },
  scrapped: { fill: '#e8e8e8', border: '#434343' },
  returned: { fill: '#d6e4ff', border: '#1d39c4' },
  customer: { fill: '#e6f4ff', border: '#0958d9' },
};

export const LABEL_COLOUR = '#1f1f1f';
export const MATCH_COLOUR = '#722ed1';
export const colourOf = (category: string) => NODE_COLOURS[category] ?? { fill: '#f5f5f5', border: '#595959' };
