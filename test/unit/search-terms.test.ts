import { describe, expect, it } from 'vitest';
import { holdsPhrases, parseSearch, snippetOf, stemOf, termsOf } from '../../src/reconcile/search-terms.js';

describe('word forms', () => {
  it('takes English forms of a word as one stem', () => {
    expect(new Set(['transparent', 'Transparency', 'transparently'].map(stemOf)).size).toBe(1);
    expect(new Set(['elections', 'election', 'Elected'].map(stemOf)).size).toBe(1);
  });

  it('takes Russian forms of a word as one stem, with ё read as е', () => {
    expect(new Set(['прозрачными', 'прозрачные', 'прозрачность', 'Прозрачным'].map(stemOf)).size).toBe(1);
    expect(stemOf('выборы')).toBe(stemOf('выборов'));
    expect(stemOf('отчёт')).toBe(stemOf('отчет'));
  });

  it('keeps the two languages apart', () => {
    expect(stemOf('transparent')).not.toBe(stemOf('прозрачные'));
  });

  it('gives each word with its place in the text', () => {
    const text = 'Выборы, were free.';
    expect(termsOf(text).map((t) => text.slice(t.start, t.end))).toEqual(['Выборы', 'were', 'free']);
  });
});

describe('a search as typed', () => {
  it('needs every word, holds phrases in order, and takes OR as alternatives', () => {
    const q = parseSearch('"free and fair" elections OR прозрачные | transparent');
    expect(q.anyOf).toHaveLength(3);
    expect(q.anyOf[0].phrases).toEqual([['free', 'and', 'fair'].map(stemOf)]);
    expect(q.anyOf[0].stems).toEqual(['free', 'and', 'fair', 'elections'].map(stemOf));
    expect(q.stems).toContain(stemOf('прозрачные'));
    // "or" in lower case is a word, not an operator.
    expect(parseSearch('free or fair').anyOf).toHaveLength(1);
    expect(parseSearch('  ,;  ').anyOf).toEqual([]);
  });

  it('finds a phrase only with its words side by side and in order', () => {
    const [clause] = parseSearch('"free and fair"').anyOf;
    expect(holdsPhrases(termsOf('The vote was free and fair.'), clause.phrases)).toBe(true);
    expect(holdsPhrases(termsOf('fair and free'), clause.phrases)).toBe(false);
    expect(holdsPhrases(termsOf('free, and fair'), clause.phrases)).toBe(true);
    expect(holdsPhrases(termsOf('free and very fair'), clause.phrases)).toBe(false);
  });
});

describe('snippets', () => {
  it('highlights every matched word of a short text, in any of its forms', () => {
    const s = snippetOf('Transparent and transparency: a transparent vote', new Set([stemOf('transparent')]))!;
    expect(s.text).toBe('Transparent and transparency: a transparent vote');
    expect(s.highlights.map((h) => s.text.slice(h.start, h.end))).toEqual(['Transparent', 'transparency', 'transparent']);
  });

  it('cuts a long text around the first match, at word boundaries, and marks the cuts', () => {
    const text = `${'word '.repeat(100)}the count was transparent ${'more '.repeat(100)}`.trim();
    const s = snippetOf(text, new Set([stemOf('transparent')]), 100)!;
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(102);
    // Whole words only: no word cut in two at either end.
    const words = new Set(['word', 'the', 'count', 'was', 'transparent', 'more']);
    expect(
      s.text
        .replace(/…/g, '')
        .trim()
        .split(/\s+/)
        .every((w) => words.has(w)),
    ).toBe(true);
    expect(s.highlights.map((h) => s.text.slice(h.start, h.end))).toEqual(['transparent']);
  });

  it('is null when nothing matches', () => {
    expect(snippetOf('nothing here', new Set([stemOf('transparent')]))).toBeNull();
  });
});
