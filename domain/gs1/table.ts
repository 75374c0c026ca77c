import { AI_ENTRIES, AI_LENGTH_BY_PREFIX } from './ai-table.generated';
import type { AiEntry } from './dictionary';

const BY_AI = new Map<string, AiEntry>(AI_ENTRIES.map((e) => [e.ai, e]));

export function aiEntry(ai: string): AiEntry | undefined {
  return BY_AI.get(ai);
}

/** How many digits the AI at the start of raw data has, judged from its first two. */
export function aiLengthAt(data: string, at: number): number | undefined {
  return AI_LENGTH_BY_PREFIX[data.slice(at, at + 2)];
}

/** Dictionary patterns: 'n' stands for any digit ('31nn', '310n'). */
export function matchesPattern(ai: string, pattern: string): boolean {
  if (pattern.length !== ai.length) return false;
  for (let i = 0; i < pattern.length; i++) if (pattern[i] !== 'n' && pattern[i] !== ai[i]) return false;
  return true;
}
