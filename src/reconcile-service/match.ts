/**
 * How a name in a spreadsheet cell meets the read model's names: first the reconciler's graded
 * resolution (the same one the GraphQL API and ingestion use), then a looser word overlap that
 * proposes further candidates for a person to choose from, never as matches.
 */
import type { MatchMethod } from '../reconcile/name-index.js';
import { AmbiguousNameError } from '../reconcile/reconciler.js';
import { contentWords, editDistance, normalizeName, phoneticKey } from '../reconcile/normalize.js';
import type { Catalog, EntityType, Entry } from './catalog.js';

export interface GradedMatch {
  dbId: string;
  method: MatchMethod;
  /** The reconciler resolved the name to this record alone. */
  unique: boolean;
}

/** The reconciler's answer for a name, as a list: one record, several equally good ones, or none. */
export function resolveGraded(catalog: Catalog, type: EntityType, text: string): GradedMatch[] {
  const { reconciler } = catalog;
  if (!text.trim()) return [];
  if (type === 'Area') {
    try {
      const match = reconciler.resolveArea(text);
      return match ? [{ dbId: match.id, method: match.method, unique: true }] : [];
    } catch (error) {
      if (!(error instanceof AmbiguousNameError)) throw error;
      // The error names the candidates; find their records and grade each against the text.
      const names = new Set(error.candidates);
      return [...catalog.areas.values()]
        .filter((a) => names.has(a.name))
        .map((a) => ({ dbId: a.dbId, method: methodAgainst(text, a.names), unique: false }));
    }
  }
  const resolution = type === 'Organization' ? reconciler.resolveOrganization(text) : reconciler.resolvePerson(text);
  if (resolution.kind === 'match') return [{ dbId: resolution.match.id, method: resolution.match.method, unique: true }];
  if (resolution.kind === 'ambiguous') return resolution.candidates.map((c) => ({ dbId: c.id, method: c.method, unique: false }));
  return [];
}

function methodAgainst(text: string, names: string[]): MatchMethod {
  const norm = normalizeName(text);
  if (names.some((n) => normalizeName(n) === norm)) return 'exact';
  const key = phoneticKey(text);
  return names.some((n) => phoneticKey(n) === key) ? 'phonetic' : 'fuzzy';
}

function wordsMeet(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = a.length < b.length ? a : b;
  const longer = shorter === a ? b : a;
  if (shorter.length >= 3 && longer.startsWith(shorter)) return true;
  return shorter.length >= 5 && editDistance(a, b, 1) <= 1;
}

/**
 * Word overlap (Dice coefficient, words compared loosely) between a query and the best of a
 * record's names; 0..1. The definition: `wordOverlaps` computes the same through the catalog's
 * word index (a test holds the two equal).
 */
export function nameSimilarity(query: string, names: string[]): number {
  const queryWords = contentWords(query);
  if (!queryWords.length) return 0;
  let best = 0;
  for (const name of names) {
    const nameWords = contentWords(name);
    if (!nameWords.length) continue;
    const unused = [...nameWords];
    let met = 0;
    for (const word of queryWords) {
      const at = unused.findIndex((w) => wordsMeet(word, w));
      if (at >= 0) {
        met++;
        unused.splice(at, 1);
      }
    }
    best = Math.max(best, (2 * met) / (queryWords.length + nameWords.length));
  }
  return best;
}

/**
 * Every record of `type` whose word overlap with the query (`nameSimilarity`) is at least
 * `floor`, with that overlap. Only names sharing a word with the query are looked at, and only
 * those long enough that the overlap could reach `floor`: for q query words of which m meet some
 * word, and a name of n words, the overlap is at most 2·min(m, n)/(q + n).
 */
export function wordOverlaps(catalog: Catalog, type: EntityType, query: string, floor: number): Map<Entry, number> {
  const found = new Map<Entry, number>();
  const queryWords = contentWords(query);
  const q = queryWords.length;
  if (!q) return found;
  const index = catalog.words();
  const meets = new Map<string, Set<string>>();
  for (const word of queryWords) if (!meets.has(word)) meets.set(word, index.meeting(word));
  const m = queryWords.filter((w) => meets.get(w)!.size).length;
  if ((2 * m) / (q + m) < floor) return found;
  const reachable = [...meets.values()].flatMap((words) => [...words]);
  for (const { entry, words } of index.namesWith(reachable)) {
    const n = words.length;
    if (entry.type !== type || (2 * Math.min(m, n)) / (q + n) < floor) continue;
    const unused = [...words];
    let met = 0;
    for (const word of queryWords) {
      const meeting = meets.get(word)!;
      const at = unused.findIndex((w) => meeting.has(w));
      if (at >= 0) {
        met++;
        unused.splice(at, 1);
      }
    }
    const similarity = (2 * met) / (q + n);
    if (similarity >= floor && similarity > (found.get(entry) ?? -1)) found.set(entry, similarity);
  }
  return found;
}
