/** Pairing a source's new rows with its earlier statements, and finding near-copies: pure rules. */
import { describe, expect, it } from 'vitest';
import { nearDuplicatesOf, pairVersions, quoteSimilarity, type StatementShape } from '../../src/reconcile/statement-versions.js';

const shape = (id: string, quote: string, extra: Partial<StatementShape> = {}): StatementShape & { id: string } => ({
  id,
  fingerprint: `fp-${quote}`,
  organizationId: 'org',
  roundId: 'round',
  statementDate: '2020-01-02',
  kind: 'PRESS',
  quote,
  ...extra,
});

describe('pairVersions', () => {
  it('pairs the same words first, wherever the row moved', () => {
    const previous = [shape('a', 'one'), shape('b', 'two')];
    const pairs = pairVersions(previous, [shape('x', 'two'), shape('y', 'one')]);
    expect(pairs.get(0)?.id).toBe('b');
    expect(pairs.get(1)?.id).toBe('a');
  });

  it('pairs an edited quote with the statement it edits, the most alike first', () => {
    const previous = [shape('a', 'the vote was calm and orderly'), shape('b', 'observers were denied access to counting')];
    const rows = [shape('x', 'observers were denied any access to the counting'), shape('y', 'the vote was calm and very orderly')];
    const pairs = pairVersions(previous, rows);
    expect(pairs.get(0)?.id).toBe('b');
    expect(pairs.get(1)?.id).toBe('a');
  });

  it('keeps rows of another body or round apart, and unlike words of another day or kind', () => {
    const previous = [shape('a', 'the vote was calm')];
    expect(pairVersions(previous, [shape('x', 'the vote was calm!', { organizationId: 'other' })]).size).toBe(0);
    expect(pairVersions(previous, [shape('x', 'the vote was calm!', { roundId: 'other' })]).size).toBe(0);
    expect(pairVersions(previous, [shape('x', 'fraud everywhere in the capital', { kind: 'FINAL' })]).size).toBe(0);
    // Unlike words on the same day and kind are still an edit of the statement (a rewritten summary).
    expect(pairVersions(previous, [shape('x', 'fraud everywhere in the capital')]).get(0)?.id).toBe('a');
  });

  it('pairs each earlier statement once', () => {
    const previous = [shape('a', 'the vote was calm')];
    const pairs = pairVersions(previous, [shape('x', 'the vote was calm.'), shape('y', 'the vote was calm!!')]);
    expect(pairs.size).toBe(1);
  });
});

describe('near-duplicates', () => {
  it('finds a slip of the pen on the same body, round and kind, and nothing else', () => {
    const existing = [shape('a', 'limits on freedom of expression'), shape('b', 'limits on freedom of expression', { kind: 'FINAL' })];
    const found = nearDuplicatesOf(shape('x', 'limits on freedom of expresion'), existing);
    expect(found.map((d) => d.statement.id)).toEqual(['a']);
    expect(found[0].similarity).toBeGreaterThan(0.9);
    expect(nearDuplicatesOf(shape('x', 'a calm and orderly day'), existing)).toEqual([]);
  });

  it('measures similarity on normalised words', () => {
    expect(quoteSimilarity('The Vote, was CALM', 'the vote was calm')).toBe(1);
    expect(quoteSimilarity('abc', 'xyz')).toBe(0);
  });
});
