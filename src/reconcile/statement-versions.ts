/**
 * Which statement of a source's earlier version a row of its new version is. A source read again
 * keeps its statements' identities: a row with the same words is the same statement (unchanged,
 * or moved to another row), a row whose words were edited is the statement it edits, and what is
 * left over is new (rows) or retired (statements). Pure: the ingest decides what to write.
 */
import { distance } from 'fastest-levenshtein';
import { normalizeName } from './normalize.js';

/** What matching needs of a statement or row: its place (body, round, day, kind), words and fingerprint. */
export interface StatementShape {
  fingerprint: string;
  organizationId: string;
  roundId: string;
  statementDate: string | null;
  kind: string;
  quote: string;
}

/** How alike two quotes are, from 0 to 1: one minus the edit distance over the longer, on their normalised words. */
export function quoteSimilarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  const longer = Math.max(x.length, y.length);
  return longer === 0 ? 1 : 1 - distance(x, y) / longer;
}

/** Quotes at least this alike, of one body, round and kind, are near-duplicates: the same words with a slip or two. */
export const NEAR_DUPLICATE_SIMILARITY = 0.85;

/** An edited row is taken for the statement it edits when its words are at least this alike (or its day and kind are the same). */
const EDIT_SIMILARITY = 0.5;

/**
 * Pairs rows of a new version (by index) with the earlier statements they are versions of: first
 * by fingerprint, then, among the rest of one body and round, the most alike pair first — a pair
 * counts when the quotes are alike or the day and kind are unchanged.
 */
export function pairVersions<P extends StatementShape & { id: string }>(previous: P[], rows: StatementShape[]): Map<number, P> {
  const pairs = new Map<number, P>();
  const taken = new Set<string>();
  const byFingerprint = new Map(previous.map((p) => [p.fingerprint, p]));
  rows.forEach((row, index) => {
    const p = byFingerprint.get(row.fingerprint);
    if (p && !taken.has(p.id)) {
      pairs.set(index, p);
      taken.add(p.id);
    }
  });
  const candidates: { index: number; p: P; score: number }[] = [];
  rows.forEach((row, index) => {
    if (pairs.has(index)) return;
    for (const p of previous) {
      if (taken.has(p.id) || p.organizationId !== row.organizationId || p.roundId !== row.roundId) continue;
      const similarity = quoteSimilarity(p.quote, row.quote);
      const sameDay = p.statementDate === row.statementDate;
      const sameKind = p.kind === row.kind;
      if (similarity < EDIT_SIMILARITY && !(sameDay && sameKind)) continue;
      candidates.push({ index, p, score: similarity + (sameDay ? 0.25 : 0) + (sameKind ? 0.25 : 0) });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.index - b.index || a.p.id.localeCompare(b.p.id));
  for (const c of candidates) {
    if (pairs.has(c.index) || taken.has(c.p.id)) continue;
    pairs.set(c.index, c.p);
    taken.add(c.p.id);
  }
  return pairs;
}

/** The statements among `existing` that `row` nearly repeats: same body, round and kind, other words yet nearly the same. */
export function nearDuplicatesOf<E extends StatementShape>(row: StatementShape, existing: E[]): { statement: E; similarity: number }[] {
  return existing
    .filter(
      (e) =>
        e.fingerprint !== row.fingerprint && e.organizationId === row.organizationId && e.roundId === row.roundId && e.kind === row.kind,
    )
    .map((statement) => ({ statement, similarity: quoteSimilarity(statement.quote, row.quote) }))
    .filter((d) => d.similarity >= NEAR_DUPLICATE_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity);
}
