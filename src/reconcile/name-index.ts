/**
 * In-memory index from names to entity ids, with graded matching.
 * Each entity is indexed under several keys; a lookup tries the strictest key first
 * and stops at the first level that yields a match. Two different entities at the
 * same level make the name ambiguous: we report that rather than guess.
 */
import { editDistance, normalizeName, phoneticKey } from './normalize.js';

export type MatchMethod = 'exact' | 'tokens' | 'acronym' | 'phonetic' | 'fuzzy';

export interface Match {
  id: string;
  method: MatchMethod;
  /** 1 for exact, lower for looser methods. */
  score: number;
  /** The indexed name that matched. */
  matched: string;
}

export type Resolution = { kind: 'match'; match: Match } | { kind: 'ambiguous'; candidates: Match[] } | { kind: 'none' };

const METHOD_SCORE: Record<MatchMethod, number> = { exact: 1, tokens: 0.95, acronym: 0.9, phonetic: 0.85, fuzzy: 0.7 };

/** Turns a name into the keys it is indexed (and looked up) under, per method. */
export type KeyFunction = (name: string) => Partial<Record<Exclude<MatchMethod, 'fuzzy'>, string[]>>;

export const basicKeys: KeyFunction = (name) => ({
  exact: [normalizeName(name)],
  phonetic: [phoneticKey(name)],
});

export interface NameIndexOptions {
  keys?: KeyFunction;
  /** Keys to look a name up under, when they differ from the keys it is indexed under. */
  lookupKeys?: KeyFunction;
  /** Longest allowed edit distance for a name of this many characters (0 disables fuzzy matching). */
  fuzzyBudget?: (length: number) => number;
}

export class NameIndex {
  private readonly byKey = new Map<string, Map<string, string>>(); // "method:key" → id → matched name
  private readonly fuzzy = new Map<string, Map<string, string>>(); // normalized → id → name
  /** Normalized names by length: a fuzzy lookup only compares names of a length within its budget. */
  private readonly byLength = new Map<number, Set<string>>();
  /** Answers already given; spreadsheets repeat the same few hundred names many times. */
  private readonly memo = new Map<string, Resolution>();
  /**
   * Which answers read which key slot (and which fell through to fuzzy matching): adding a name
   * forgets only the answers it can change, so a spreadsheet that brings new spellings as it goes
   * does not resolve every other name again after each one.
   */
  private readonly readers = new Map<string, Set<string>>();
  private readonly fuzzyReaders = new Set<string>();
  private readonly keys: KeyFunction;
  private readonly lookupKeys: KeyFunction;
  private readonly fuzzyBudget: (length: number) => number;

  constructor(options: NameIndexOptions = {}) {
    this.keys = options.keys ?? basicKeys;
    this.lookupKeys = options.lookupKeys ?? this.keys;
    this.fuzzyBudget = options.fuzzyBudget ?? ((n) => (n >= 7 ? 1 : 0));
  }

  add(id: string, name: string): void {
    for (const [method, keys] of Object.entries(this.keys(name))) {
      for (const key of keys ?? []) {
        if (!key) continue;
        const slot = `${method}:${key}`;
        let ids = this.byKey.get(slot);
        if (!ids) this.byKey.set(slot, (ids = new Map()));
        if (!ids.has(id)) {
          ids.set(id, name);
          this.forget(this.readers.get(slot));
        }
      }
    }
    const norm = normalizeName(name);
    if (norm) {
      let ids = this.fuzzy.get(norm);
      if (!ids) this.fuzzy.set(norm, (ids = new Map()));
      // The fuzzy answer names the first spelling it met; a new one for the same entity changes nothing.
      if (!ids.has(id)) this.forget(this.fuzzyReaders);
      ids.set(id, name);
      let bucket = this.byLength.get(norm.length);
      if (!bucket) this.byLength.set(norm.length, (bucket = new Set()));
      bucket.add(norm);
    }
  }

  private forget(memoKeys: Set<string> | undefined): void {
    if (!memoKeys) return;
    for (const k of memoKeys) this.memo.delete(k);
    memoKeys.clear();
  }

  /** Removes every key of an entity (used when a record is merged away). */
  remove(id: string): void {
    this.memo.clear();
    this.readers.clear();
    this.fuzzyReaders.clear();
    for (const ids of this.byKey.values()) ids.delete(id);
    for (const ids of this.fuzzy.values()) ids.delete(id);
  }

  resolve(name: string, options: { fuzzy?: boolean } = {}): Resolution {
    const memoKey = `${options.fuzzy === false ? 0 : 1}${name}`;
    const known = this.memo.get(memoKey);
    if (known) return known;
    const read = (slot: string) => {
      let keys = this.readers.get(slot);
      if (!keys) this.readers.set(slot, (keys = new Set()));
      keys.add(memoKey);
    };
    const result = this.lookup(name, options, read, () => this.fuzzyReaders.add(memoKey));
    this.memo.set(memoKey, result);
    return result;
  }

  private lookup(name: string, options: { fuzzy?: boolean }, read: (slot: string) => void, readFuzzy: () => void): Resolution {
    const keys = this.lookupKeys(name);
    // Keys of a method are listed most specific first: the first key that finds anything decides.
    for (const method of ['exact', 'tokens', 'acronym', 'phonetic'] as const) {
      for (const key of keys[method] ?? []) {
        const slot = `${method}:${key}`;
        read(slot);
        const found = this.byKey.get(slot);
        const result = found?.size ? this.decide(found, method) : null;
        if (result) return result;
      }
    }
    if (options.fuzzy === false) return { kind: 'none' };
    readFuzzy();
    return this.resolveFuzzy(name);
  }

  private resolveFuzzy(name: string): Resolution {
    const norm = normalizeName(name);
    const budget = this.fuzzyBudget(norm.length);
    if (budget <= 0) return { kind: 'none' };
    let best = budget + 1;
    let found = new Map<string, string>();
    const candidates: string[] = [];
    for (let len = norm.length - budget; len <= norm.length + budget; len++) candidates.push(...(this.byLength.get(len) ?? []));
    for (const candidate of candidates) {
      const ids = this.fuzzy.get(candidate)!;
      // A name whose every record was removed finds nothing and must not shadow farther names.
      if (ids.size === 0) continue;
      const d = editDistance(norm, candidate, budget);
      if (d > budget || d > best) continue;
      if (d < best) {
        best = d;
        found = new Map();
      }
      for (const [id, matched] of ids) found.set(id, matched);
    }
    return this.decide(found, 'fuzzy') ?? { kind: 'none' };
  }

  private decide(found: Map<string, string>, method: MatchMethod): Resolution | null {
    if (found.size === 0) return null;
    const matches = [...found].map(([id, matched]) => ({ id, matched, method, score: METHOD_SCORE[method] }));
    return matches.length === 1 ? { kind: 'match', match: matches[0] } : { kind: 'ambiguous', candidates: matches };
  }
}
