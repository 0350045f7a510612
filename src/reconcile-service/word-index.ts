/**
 * The content words of every name in the catalog, indexed so that a query word finds the words
 * it meets (see `wordsMeet` in match.ts: the same word, a prefix of three letters or more either
 * way, or one edit apart when both have five letters or more) by lookups, instead of being
 * compared with every word of every name: a query's cost no longer grows with the catalog.
 */
import { contentWords, editDistance } from '../reconcile/normalize.js';

/** What the index needs of a catalog entry: its names. */
export interface Named {
  names: string[];
}

export interface IndexedName<E extends Named = Named> {
  entry: E;
  /** The name's content words, in order. */
  words: string[];
}

/** A word and every string one deletion away: two words within one edit share one of these. */
function deletionKeys(word: string): string[] {
  const keys = [word];
  for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

/** The first position in `sorted` whose word is not before `word`. */
function lowerBound(sorted: string[], word: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class WordIndex<E extends Named> {
  private readonly vocabulary = new Set<string>();
  private readonly sorted: string[];
  private readonly longest: number;
  /** Deletion keys of words of five letters or more → those words. */
  private readonly neighbours = new Map<string, string[]>();
  /** A word → the names it occurs in. */
  private readonly occurrences = new Map<string, IndexedName<E>[]>();

  constructor(entries: Iterable<E>) {
    for (const entry of entries) {
      for (const name of entry.names) {
        const indexed = { entry, words: contentWords(name) };
        for (const word of new Set(indexed.words)) {
          let list = this.occurrences.get(word);
          if (!list) this.occurrences.set(word, (list = []));
          list.push(indexed);
          this.vocabulary.add(word);
        }
      }
    }
    this.sorted = [...this.vocabulary].sort();
    this.longest = Math.max(0, ...this.sorted.map((w) => w.length));
    for (const word of this.sorted) {
      if (word.length < 5) continue;
      for (const key of deletionKeys(word)) {
        let list = this.neighbours.get(key);
        if (!list) this.neighbours.set(key, (list = []));
        list.push(word);
      }
    }
  }

  /** The catalog's words that meet `word`: exactly those `wordsMeet(word, w)` accepts. */
  meeting(word: string): Set<string> {
    const found = new Set<string>();
    if (this.vocabulary.has(word)) found.add(word);
    // Words it starts.
    if (word.length >= 3 && word.length <= this.longest) {
      for (let i = lowerBound(this.sorted, word); i < this.sorted.length && this.sorted[i].startsWith(word); i++) found.add(this.sorted[i]);
    }
    // Words that start it (none is longer than the longest word).
    for (let k = 3; k < Math.min(word.length, this.longest + 1); k++) {
      const prefix = word.slice(0, k);
      if (this.vocabulary.has(prefix)) found.add(prefix);
    }
    // Words one edit away.
    if (word.length >= 5 && word.length <= this.longest + 1) {
      for (const key of deletionKeys(word)) {
        for (const other of this.neighbours.get(key) ?? []) {
          if (!found.has(other) && editDistance(word, other, 1) <= 1) found.add(other);
        }
      }
    }
    return found;
  }

  /** The names in which any of `words` occurs, each once. */
  namesWith(words: Iterable<string>): Set<IndexedName<E>> {
    const names = new Set<IndexedName<E>>();
    for (const word of words) for (const name of this.occurrences.get(word) ?? []) names.add(name);
    return names;
  }
}
