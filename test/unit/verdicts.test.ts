/** The verdict scale, coding precedence and weighted kappa. */
import { describe, expect, it } from 'vitest';
import { isOrdinal, parseVerdict, scoreOf, verdictFromScore, verdictScore, ORDINAL_VERDICTS, VERDICTS } from '../../src/verdicts/scale.js';
import { codersAbove, effectiveCoding, storedVerdict, verdictInForceFrom, type CodingLike } from '../../src/verdicts/effective.js';
import { krippendorffAlphaOrdinal, tableOfPairs, weightedKappa, weightedKappaOfTable } from '../../src/verdicts/agreement.js';

describe('scale', () => {
  it('scores ENDORSED 5 … CONDEMNED 1 and gives NOT_OBSERVED no score', () => {
    expect(ORDINAL_VERDICTS.map((v) => verdictScore(v))).toEqual([5, 4, 3, 2, 1]);
    expect(verdictScore('NOT_OBSERVED')).toBeNull();
    expect(VERDICTS[VERDICTS.length - 1]).toBe('NOT_OBSERVED');
    expect(VERDICTS.filter(isOrdinal)).toEqual(ORDINAL_VERDICTS);
    for (const v of ORDINAL_VERDICTS) expect(verdictFromScore(verdictScore(v)!)).toBe(v); // round trip
  });

  it('scores a verdict that may be missing: no verdict has no score', () => {
    expect(VERDICTS.map(scoreOf)).toEqual(VERDICTS.map(verdictScore));
    expect(scoreOf(null)).toBeNull();
    expect(scoreOf(undefined)).toBeNull();
  });

  it('maps scores back: round to the nearest step (halves up), clamp to 1..5, null for non-finite', () => {
    expect(verdictFromScore(3.5)).toBe('LARGELY_POSITIVE');
    expect(verdictFromScore(2.5)).toBe('MIXED');
    expect(verdictFromScore(2.49)).toBe('CRITICAL');
    expect(verdictFromScore(0)).toBe('CONDEMNED');
    expect(verdictFromScore(-7)).toBe('CONDEMNED');
    expect(verdictFromScore(6.2)).toBe('ENDORSED');
    expect(verdictFromScore(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('parses names with any case and any run of spaces, hyphens and underscores; rejects the rest', () => {
    expect(parseVerdict('  mixed ')).toBe('MIXED');
    expect(parseVerdict('Not-Observed')).toBe('NOT_OBSERVED');
    expect(parseVerdict('largely -_ positive')).toBe('LARGELY_POSITIVE');
    expect(parseVerdict('endorse')).toBeNull();
    expect(parseVerdict('   ')).toBeNull();
    expect(parseVerdict(null)).toBeNull();
  });
});

describe('effectiveCoding', () => {
  const at = (day: number) => new Date(Date.UTC(2024, 0, day));
  const coding = (coder: CodingLike['coder'], verdict: CodingLike['verdict'], day: number): CodingLike => ({
    coder,
    verdict,
    codedAt: at(day),
  });

  it('a human coding beats source and rule codings, even older ones; source beats rule', () => {
    const human = coding('HUMAN', 'MIXED', 1);
    const list = [coding('RULE', 'ENDORSED', 9), human, coding('SOURCE', 'CRITICAL', 8)];
    expect(effectiveCoding(list)).toBe(human);
    expect(effectiveCoding([...list].reverse())).toBe(human); // order does not matter
    // And a source coding beats the rule coder.
    const source = coding('SOURCE', 'CRITICAL', 2);
    expect(effectiveCoding([coding('RULE', 'ENDORSED', 5), source])).toBe(source);
  });

  it('within one kind the latest coding wins; on equal dates the first listed stays; none gives null', () => {
    const early = coding('HUMAN', 'MIXED', 1);
    const late = coding('HUMAN', 'CONDEMNED', 3);
    expect(effectiveCoding([late, early])).toBe(late);
    expect(effectiveCoding([early, late])).toBe(late);
    const twin = coding('HUMAN', 'ENDORSED', 1);
    expect(effectiveCoding([early, twin])).toBe(early);
    expect(effectiveCoding([])).toBeNull();
  });

  it('what a statement stores: the verdict in force and its score; nothing for no coding or NOT_OBSERVED', () => {
    expect(storedVerdict([coding('RULE', 'ENDORSED', 9), coding('SOURCE', 'CRITICAL', 1)])).toEqual({
      verdict: 'CRITICAL',
      verdictScore: 2,
    });
    expect(storedVerdict([coding('HUMAN', 'NOT_OBSERVED', 1), coding('SOURCE', 'MIXED', 2)])).toEqual({
      verdict: 'NOT_OBSERVED',
      verdictScore: null,
    });
    expect(storedVerdict([])).toEqual({ verdict: null, verdictScore: null });
  });

  it('an abstention (a coding without a verdict) in force leaves no verdict; one below a verdict changes nothing', () => {
    expect(storedVerdict([coding('RULE', 'ENDORSED', 9), coding('SOURCE', null, 1)])).toEqual({ verdict: null, verdictScore: null });
    expect(storedVerdict([coding('SOURCE', null, 1), coding('HUMAN', 'MIXED', 1)])).toEqual({ verdict: 'MIXED', verdictScore: 3 });
  });

  it('as a database condition: the statement has a verdict, the coder coded it and no coder above it did', () => {
    expect(codersAbove('RULE').sort()).toEqual(['HUMAN', 'SOURCE']);
    expect(codersAbove('SOURCE')).toEqual(['HUMAN']);
    expect(codersAbove('HUMAN')).toEqual([]);
    expect(verdictInForceFrom('SOURCE')).toEqual({
      AND: [{ verdict: { not: null } }, { codings: { some: { coder: 'SOURCE' } } }, { codings: { none: { coder: { in: ['HUMAN'] } } } }],
    });
    expect(verdictInForceFrom('HUMAN')).toEqual({ AND: [{ verdict: { not: null } }, { codings: { some: { coder: 'HUMAN' } } }] });
  });
});

describe('weightedKappa', () => {
  it('is 1 for perfect agreement over several categories', () => {
    expect(
      weightedKappa([
        [5, 5],
        [4, 4],
        [2, 2],
      ]),
    ).toBeCloseTo(1, 12);
  });

  it('is −1 for two raters who always swap two adjacent categories', () => {
    // pairs (1,2),(2,1), n = 2; w(1,2) = (1/4)² = 1/16 on the 5-point scale.
    // observed Σw·O = 2·(1/16)/2 = 1/16; expected Σw·r·c/n² = 2·(1/16)·1·1/4 = 1/32
    // kappa = 1 − (1/16)/(1/32) = −1
    expect(
      weightedKappa([
        [1, 2],
        [2, 1],
      ]),
    ).toBeCloseTo(-1, 12);
  });

  it('matches a hand-computed 5-point example: quadratic 0.875, linear 9/13', () => {
    // pairs (5,5),(5,4),(3,3),(1,2); n = 4. Positions 0..4 for scores 1..5.
    // Rater A: pos4 ×2, pos2 ×1, pos0 ×1. Rater B: pos4, pos3, pos2, pos1 once each.
    // Quadratic w = (d/4)²: observed = (1/16 + 1/16)/4 = 1/32.
    //   expected·16 = row4: 2·(1/16 + 4/16 + 9/16) = 28/16; row2: 4/16 + 1/16 + 1/16 = 6/16;
    //                 row0: 16/16 + 9/16 + 4/16 + 1/16 = 30/16 → total 64/16 = 4 → expected = 1/4.
    //   kappa = 1 − (1/32)/(1/4) = 7/8.
    // Linear w = d/4: observed = (1/4 + 1/4)/4 = 1/8; expected = 6.5/16 → kappa = 1 − (1/8)/(6.5/16) = 9/13.
    const pairs: [number, number][] = [
      [5, 5],
      [5, 4],
      [3, 3],
      [1, 2],
    ];
    expect(weightedKappa(pairs)).toBeCloseTo(0.875, 12);
    expect(weightedKappa(pairs, [1, 2, 3, 4, 5], 'linear')).toBeCloseTo(9 / 13, 12);
    // Symmetric in the two raters.
    expect(weightedKappa(pairs.map(([a, b]): [number, number] => [b, a]))).toBeCloseTo(0.875, 12);
  });

  it('is undefined (null) for fewer than two pairs or a single shared category', () => {
    expect(weightedKappa([])).toBeNull();
    expect(weightedKappa([[4, 4]])).toBeNull();
    expect(
      weightedKappa([
        [3, 3],
        [3, 3],
        [3, 3],
      ]),
    ).toBeNull();
  });

  it('accepts custom categories and rejects values outside them', () => {
    // Two categories: plain kappa. (0,0),(0,1),(1,1),(1,1): p_o = 3/4;
    // marginals A (1/2, 1/2), B (1/4, 3/4) → p_e = 1/8 + 3/8 = 1/2 → kappa = (3/4 − 1/2)/(1/2) = 1/2.
    expect(
      weightedKappa(
        [
          [0, 0],
          [0, 1],
          [1, 1],
          [1, 1],
        ],
        [0, 1],
      ),
    ).toBeCloseTo(0.5, 12);
    expect(() =>
      weightedKappa([
        [1, 1],
        [6, 1],
      ]),
    ).toThrow(RangeError);
  });
});

describe('tableOfPairs', () => {
  it('counts the pairs by position in the scale, rows the first rater, columns the second', () => {
    const pairs: [number, number][] = [
      [5, 5],
      [5, 4],
      [2, 2],
      [2, 2],
      [1, 3],
    ];
    expect(tableOfPairs(pairs)).toEqual([
      [0, 0, 1, 0, 0],
      [0, 2, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 1, 1],
    ]);
    expect(tableOfPairs([[3, 1]], [1, 3])).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('is the one table kappa and alpha read', () => {
    const pairs: [number, number][] = [
      [1, 1],
      [2, 3],
      [4, 4],
      [5, 4],
      [3, 3],
    ];
    expect(weightedKappa(pairs)).toBe(weightedKappaOfTable(tableOfPairs(pairs)));
    expect(krippendorffAlphaOrdinal(tableOfPairs(pairs))).not.toBeNull();
  });

  it('rejects a value off the scale', () => {
    expect(() => tableOfPairs([[0, 1]])).toThrow(RangeError);
  });
});
