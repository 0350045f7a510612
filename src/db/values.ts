/**
 * Whether a column already holds a value: the test both write paths (the ingest's write set and
 * curation's change log) use to skip updates that would change nothing.
 */

/** Dates are equal when they are the same instant; null and undefined are both "no value". */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return new Date(a as Date).getTime() === new Date(b as Date).getTime();
  return (a ?? null) === (b ?? null);
}
