/**
 * The ordinal verdict scale used to code observer statements.
 *
 * ENDORSED 5 · LARGELY_POSITIVE 4 · MIXED 3 · CRITICAL 2 · CONDEMNED 1.
 * NOT_OBSERVED (the body declined, was not invited or was prevented from observing)
 * sits outside the scale: it has no score and never takes part in averages or kappa.
 */

export type OrdinalVerdict = 'ENDORSED' | 'LARGELY_POSITIVE' | 'MIXED' | 'CRITICAL' | 'CONDEMNED';
export type Verdict = OrdinalVerdict | 'NOT_OBSERVED';

/** Ordinal verdicts from most positive to most negative. */
export const ORDINAL_VERDICTS: readonly OrdinalVerdict[] = ['ENDORSED', 'LARGELY_POSITIVE', 'MIXED', 'CRITICAL', 'CONDEMNED'] as const;

/** Every verdict, ordinal ones first (best to worst), NOT_OBSERVED last. */
export const VERDICTS: readonly Verdict[] = [...ORDINAL_VERDICTS, 'NOT_OBSERVED'] as const;

const SCORES: Record<OrdinalVerdict, number> = {
  ENDORSED: 5,
  LARGELY_POSITIVE: 4,
  MIXED: 3,
  CRITICAL: 2,
  CONDEMNED: 1,
};

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

export function isOrdinal(v: Verdict): v is OrdinalVerdict {
  return v !== 'NOT_OBSERVED';
}

/** 5..1 for ordinal verdicts, null for NOT_OBSERVED. */
export function verdictScore(v: Verdict): number | null {
  return isOrdinal(v) ? SCORES[v] : null;
}

/** The score of a verdict that may be missing: null for no verdict, as for NOT_OBSERVED. */
export function scoreOf(verdict: Verdict | null | undefined): number | null {
  return verdict ? verdictScore(verdict) : null;
}

/**
 * The ordinal verdict for a score. Non-integers are rounded to the nearest step and
 * out-of-range values clamped, so averaged scores map back onto the scale.
 * Returns null for non-finite input.
 */
export function verdictFromScore(score: number): OrdinalVerdict | null {
  if (!Number.isFinite(score)) return null;
  const s = Math.min(MAX_SCORE, Math.max(MIN_SCORE, Math.round(score)));
  const found = ORDINAL_VERDICTS.find((v) => SCORES[v] === s);
  return found ?? null;
}

/**
 * Parses a verdict name as people write it: case-insensitive, spaces, hyphens and
 * underscores interchangeable ("largely positive", "Largely-Positive", "LARGELY_POSITIVE").
 * Returns null for anything unknown.
 */
/**
 * The word a spreadsheet's verdict cell holds for a coding that gives no verdict on purpose (the
 * statement assesses no election, codebook R15), as against an empty cell, which codes nothing.
 */
export const NO_VERDICT = 'NO_VERDICT';

/** Whether a verdict cell holds NO_VERDICT (in any case, with spaces or hyphens for the underscore). */
export function isNoVerdict(text: string | null | undefined): boolean {
  return (
    typeof text === 'string' &&
    text
      .trim()
      .toUpperCase()
      .replace(/[\s\-_]+/g, '_') === NO_VERDICT
  );
}

export function parseVerdict(text: string | null | undefined): Verdict | null {
  if (typeof text !== 'string') return null;
  const key = text
    .trim()
    .toUpperCase()
    .replace(/[\s\-_]+/g, '_');
  if (key === '') return null;
  return (VERDICTS as readonly string[]).includes(key) ? (key as Verdict) : null;
}
