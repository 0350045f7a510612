/**
 * Word forms for full-text search in English and Russian. A text's words are taken as stems, each
 * by the Snowball stemmer of its script (Cyrillic words by the Russian one, others by the English
 * one), at index and at query time alike: "transparent", "transparency" and "transparently" are
 * one term, and so are «прозрачными», «прозрачные» and «прозрачность».
 */
import { newStemmer } from 'snowball-stemmers';

const english = newStemmer('english');
const russian = newStemmer('russian');

/** A word of a text: its stem and where it stands (UTF-16 offsets, end exclusive). */
export interface Term {
  stem: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Stems already taken, by word as written lower-cased: texts repeat their words. */
const stems = new Map<string, string>();
const STEMS_KEPT = 200_000;

/** The stem of one word (lower case, ё read as е). */
export function stemOf(word: string): string {
  // Numbers are their own terms (and too many to remember).
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) return word;
  let stem = stems.get(word);
  if (stem === undefined) {
    let lower = word.toLowerCase();
    if (lower.includes('ё')) lower = lower.replace(/ё/g, 'е');
    stem = CYRILLIC.test(lower) ? russian.stem(lower) : english.stem(lower);
    if (stems.size >= STEMS_KEPT) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** The words of a text as terms, in order. */
export function termsOf(text: string): Term[] {
  const out: Term[] = [];
  for (const m of text.matchAll(WORD)) out.push({ stem: stemOf(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

/** The stems of a text's words, in order (termsOf without the places, for indexing). */
export function stemsOf(text: string): string[] {
  return text.match(WORD)?.map(stemOf) ?? [];
}

/** Words a match must all contain (in any word form), and phrases whose words must stand together in order. */
export interface SearchClause {
  /** Every stem the match must contain, phrases' stems included, each once. */
  stems: string[];
  /** The phrases, each as its stems in order (only those of two words or more). */
  phrases: string[][];
}

/**
 * A search as a user types it: words, all of which a match must contain, "phrases in double
 * quotes", and alternatives joined by OR (in capitals) or "|": `transparent OR прозрачн`.
 */
export interface SearchQuery {
  /** A match satisfies at least one clause. */
  anyOf: SearchClause[];
  /** The stems of every clause: what a snippet highlights. */
  stems: string[];
}

function clauseOf(text: string): SearchClause {
  const phrases: string[][] = [];
  const all: string[] = [];
  // A quote left open runs to the end of the text.
  text.split(/["“”«»„]/).forEach((part, i) => {
    const words = termsOf(part).map((t) => t.stem);
    all.push(...words);
    if (i % 2 === 1 && words.length > 1) phrases.push(words);
  });
  return { stems: [...new Set(all)], phrases };
}

export function parseSearch(text: string): SearchQuery {
  const anyOf = text
    .split(/\s+OR\s+|\|/)
    .map(clauseOf)
    .filter((c) => c.stems.length > 0);
  return { anyOf, stems: [...new Set(anyOf.flatMap((c) => c.stems))] };
}

/** Whether the terms hold each phrase, its stems side by side in order. */
export function holdsPhrases(terms: Term[], phrases: string[][]): boolean {
  return phrases.every((phrase) => terms.some((_, i) => phrase.every((stem, j) => terms[i + j]?.stem === stem)));
}

/** A passage of a text around what a search found, and where in it the matched words stand. */
export interface Snippet {
  text: string;
  highlights: { start: number; end: number }[];
}

/**
 * The passage of about `width` characters around the first matched word, cut at word boundaries,
 * with "…" where it was cut; the highlights are offsets into the passage. Null when no word matches.
 */
export function snippetOf(text: string, matching: ReadonlySet<string>, width = 200): Snippet | null {
  const terms = termsOf(text);
  const hits = terms.filter((t) => matching.has(t.stem));
  if (!hits.length) return null;
  let from = 0;
  let to = text.length;
  if (text.length > width) {
    const first = hits[0];
    from = Math.max(0, first.start - Math.floor(width / 3));
    to = Math.min(text.length, from + width);
    from = Math.max(0, Math.min(from, to - width));
    // Not in the middle of a word.
    const startWord = terms.find((t) => t.end > from);
    if (startWord && startWord.start < from) from = startWord.end;
    const endWord = terms.find((t) => t.end > to);
    if (endWord && endWord.start < to) to = endWord.start;
  }
  const lead = from > 0 ? '…' : '';
  const body = text.slice(from, to).trim();
  const offset = from + (text.slice(from, to).length - text.slice(from, to).trimStart().length);
  const highlights = hits
    .filter((t) => t.start >= offset && t.end <= offset + body.length)
    .map((t) => ({ start: t.start - offset + lead.length, end: t.end - offset + lead.length }));
  return { text: `${lead}${body}${to < text.length ? '…' : ''}`, highlights };
}
