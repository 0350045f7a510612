/**
 * How a name in a spreadsheet cell meets the read model's names: first the reconciler's graded
 * resolution (the same one the GraphQL API and ingestion use), then a looser word overlap that
 * proposes further candidates for a person to choose from, never as matches.
 */
import type { MatchMethod } from '../reconcile/name-index.js';
import { AmbiguousNameError } from '../reconcile/reconciler.js';
import { contentWords, editDistance, normalizeName, phoneticKey } from '../reconcile/normalize.js';
import type { Catalog, EntityType } from './catalog.js';

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

/** Word overlap (Dice coefficient, words compared loosely) between a query and the best of a record's names; 0..1. */
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
