import { EVENT_TYPES } from './catalogue';

/**
 * A subscription's filter: event type patterns in the NATS manner, so one habit serves both
 * sinks. `*` stands for one dot-separated token, `>` (last) for one or more: `lot.*` takes
 * `lot.released`, `print.>` takes `print.job.printed`, `>` takes everything.
 */
export function matchesPattern(pattern: string, eventType: string): boolean {
  const want = pattern.split('.');
  const got = eventType.split('.');
  for (let i = 0; i < want.length; i++) {
    const token = want[i]!;
    if (token === '>') return i === want.length - 1 && got.length > i;
    if (i >= got.length) return false;
    if (token !== '*' && token !== got[i]) return false;
  }
  return want.length === got.length;
}

export function matchesFilter(filter: readonly string[], eventType: string): boolean {
  return filter.some((pattern) => matchesPattern(pattern, eventType));
}

/**
 * Why a pattern cannot be used, or null: a pattern that matches no event Lotline writes is a
 * typo the integrator should hear about now, not a subscription that stays silent forever.
 */
export function patternProblem(pattern: string, known: readonly string[] = EVENT_TYPES): string | null {
  const tokens = pattern.split('.');
  if (pattern.length === 0 || tokens.some((t) => t === '')) return 'is empty or has an empty part';
  if (tokens.some((t, i) => t === '>' && i !== tokens.length - 1)) return "may have '>' only as its last part";
  if (tokens.some((t) => t !== '*' && t !== '>' && !/^[a-z0-9_]+$/.test(t))) return "may hold only lower-case letters, digits, '_', '*' and a final '>'";
  if (!known.some((type) => matchesPattern(pattern, type))) return `matches no event type (known: ${known.join(', ')})`;
  return null;
}
