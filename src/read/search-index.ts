/**
 * Full-text search over what was said — every statement's quote, its further texts (translations,
 * re-publications), speaker, note and source title — and over the source documents' claim
 * excerpts, in English and Russian word forms
 * (search-terms.ts), ranked by BM25. One index serves SQLite and PostgreSQL alike: it is built in
 * memory from the read model once per data version (kept in the read cache, like the projection
 * index) and answers a search without a statement; the filters a search is combined with are the
 * statements filter's own, applied by the caller to the ranked ids.
 */
import type { Db } from '../db/client.js';
import { holdsPhrases, snippetOf, stemsOf, termsOf, type SearchClause, type SearchQuery, type Snippet } from '../reconcile/search-terms.js';
import { claimInForce, statementStatus, textInForce } from './in-force.js';
import type { ReadCache } from './read-cache.js';

export type SearchField = 'QUOTE' | 'TEXT' | 'SPEAKER' | 'NOTE' | 'SOURCE_TITLE' | 'EXCERPT';

interface FieldText {
  field: SearchField;
  text: string;
}

interface IndexedRow {
  id: string;
  quote: string;
  speakerName: string | null;
  note: string | null;
  sourceTitle: string | null;
  retiredAt: Date | string | null;
  withdrawnAt: Date | string | null;
}

export interface SearchHit {
  /** The statement's id, or the claim's. */
  id: string;
  score: number;
  /** Whether the record is in force (its source still has it, no curator withdrew it). */
  inForce: boolean;
}

/** A raw read gives a timestamp as a Date or as text, depending on the engine. */
const dateOrNull = (v: Date | string | null) => (v === null ? null : new Date(v));

/**
 * Rows indexed between two turns of the event loop: an index is built beside the requests (at 100,000
 * statements, seconds of work), which go on being answered meanwhile.
 */
const YIELD_EVERY = 2_000;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/** What is searched: what was said (statements), or what the source documents say (claims' excerpts). */
export type SearchTarget = 'statements' | 'claims';

export function searchIndexOf(database: { db: Db; cache: ReadCache }, target: SearchTarget = 'statements'): Promise<SearchIndex> {
  return database.cache.keep(`search-index|${target}`, () =>
    target === 'statements' ? SearchIndex.loadStatements(database.db) : SearchIndex.loadClaims(database.db),
  );
}

export class SearchIndex {
  private readonly ids: string[] = [];
  private readonly docOf = new Map<string, number>();
  private readonly fields: FieldText[][] = [];
  private readonly inForce: boolean[] = [];
  private readonly lengths: number[] = [];
  /** Per stem, the documents holding it (ascending) and how often each does. */
  private readonly postings = new Map<string, { docs: number[]; counts: number[] }>();
  private totalLength = 0;

  static async loadStatements(db: Db): Promise<SearchIndex> {
    // Raw: Prisma's mapping of a hundred thousand rows costs seconds more than the read.
    const rows = await db.$queryRawUnsafe<IndexedRow[]>(
      'SELECT "id", "quote", "speakerName", "note", "sourceTitle", "retiredAt", "withdrawnAt" FROM "Statement" ORDER BY "id"',
    );
    // Read apart: as a relation of every statement it would bind one parameter per statement.
    const texts = new Map<string, string[]>();
    for (const t of await db.statementText.findMany({
      where: textInForce,
      select: { statementId: true, quote: true },
      orderBy: { id: 'asc' },
    })) {
      const list = texts.get(t.statementId);
      if (list) list.push(t.quote);
      else texts.set(t.statementId, [t.quote]);
    }
    const index = new SearchIndex();
    for (const [i, row] of rows.entries()) {
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await turn();
      const fields: FieldText[] = [{ field: 'QUOTE', text: row.quote }];
      for (const text of texts.get(row.id) ?? []) fields.push({ field: 'TEXT', text });
      if (row.speakerName) fields.push({ field: 'SPEAKER', text: row.speakerName });
      if (row.note) fields.push({ field: 'NOTE', text: row.note });
      if (row.sourceTitle) fields.push({ field: 'SOURCE_TITLE', text: row.sourceTitle });
      const status = statementStatus({ retiredAt: dateOrNull(row.retiredAt), withdrawnAt: dateOrNull(row.withdrawnAt) });
      index.add(row.id, fields, status === 'IN_FORCE');
    }
    return index;
  }

  /**
   * The claims in force of the source documents (articles and web pages), by their excerpts: the
   * words a fact stands on. A spreadsheet's claims cite its rows, whose words are statements.
   */
  static async loadClaims(db: Db): Promise<SearchIndex> {
    const rows = await db.claim.findMany({
      where: { ...claimInForce, source: { kind: { in: ['ARTICLE', 'WEB_PAGE'] } } },
      select: { id: true, excerpt: true },
      orderBy: { id: 'asc' },
    });
    const index = new SearchIndex();
    for (const [i, row] of rows.entries()) {
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await turn();
      index.add(row.id, [{ field: 'EXCERPT', text: row.excerpt }], true);
    }
    return index;
  }

  get size(): number {
    return this.ids.length;
  }

  private add(id: string, fields: FieldText[], inForce: boolean): void {
    const doc = this.ids.length;
    this.ids.push(id);
    this.docOf.set(id, doc);
    this.fields.push(fields);
    this.inForce.push(inForce);
    let length = 0;
    for (const { text } of fields) {
      for (const stem of stemsOf(text)) {
        length++;
        let posting = this.postings.get(stem);
        if (!posting) this.postings.set(stem, (posting = { docs: [], counts: [] }));
        const last = posting.docs.length - 1;
        if (posting.docs[last] === doc) posting.counts[last]++;
        else {
          posting.docs.push(doc);
          posting.counts.push(1);
        }
      }
    }
    this.lengths.push(length);
    this.totalLength += length;
  }

  /**
   * The statements holding every word of a clause of the query (in any of its forms) and each of
   * its quoted phrases, best first (BM25 over all their fields, the best clause's score; ties in
   * the order of their ids).
   */
  search(query: SearchQuery): SearchHit[] {
    const best = new Map<number, number>();
    for (const clause of query.anyOf)
      for (const { doc, score } of this.clauseHits(clause)) best.set(doc, Math.max(score, best.get(doc) ?? 0));
    return [...best]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([doc, score]) => ({ id: this.ids[doc], score, inForce: this.inForce[doc] }));
  }

  private clauseHits(clause: SearchClause): { doc: number; score: number }[] {
    if (!clause.stems.length) return [];
    const lists = clause.stems.map((stem) => this.postings.get(stem));
    if (lists.some((l) => !l)) return [];
    const postings = (lists as { docs: number[]; counts: number[] }[]).slice().sort((a, b) => a.docs.length - b.docs.length);
    const n = this.ids.length;
    const averageLength = this.totalLength / Math.max(1, n);
    const idf = postings.map((p) => Math.log(1 + (n - p.docs.length + 0.5) / (p.docs.length + 0.5)));
    const hits: { doc: number; score: number }[] = [];
    const [rarest, ...others] = postings;
    candidates: for (let i = 0; i < rarest.docs.length; i++) {
      const doc = rarest.docs[i];
      const norm = K1 * (1 - B + (B * this.lengths[doc]) / averageLength);
      let score = (idf[0] * rarest.counts[i] * (K1 + 1)) / (rarest.counts[i] + norm);
      for (let k = 0; k < others.length; k++) {
        const at = indexOf(others[k].docs, doc);
        if (at < 0) continue candidates;
        const tf = others[k].counts[at];
        score += (idf[k + 1] * tf * (K1 + 1)) / (tf + norm);
      }
      if (clause.phrases.length && !this.fields[doc].some((f) => holdsPhrases(termsOf(f.text), clause.phrases))) continue;
      hits.push({ doc, score });
    }
    return hits;
  }

  /** The passages of a record's fields that hold the query's words (a statement's quote first). */
  snippets(id: string, query: SearchQuery): (Snippet & { field: SearchField })[] {
    const doc = this.docOf.get(id);
    if (doc === undefined) return [];
    const stems = new Set(query.stems);
    const out: (Snippet & { field: SearchField })[] = [];
    for (const { field, text } of this.fields[doc]) {
      const snippet = snippetOf(text, stems);
      if (snippet) out.push({ field, ...snippet });
    }
    return out;
  }
}

/** Position of `value` in an ascending array of numbers, or -1. */
function indexOf(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
