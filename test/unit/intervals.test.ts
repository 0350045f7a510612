/** Intervals of the agreement figures, and Krippendorff's alpha, against independent computations. */
import { describe, expect, it } from 'vitest';
import { krippendorffAlphaOrdinal, weightedKappaOfTable } from '../../src/verdicts/agreement.js';
import { bootstrapIntervals, kappaNormalInterval, normalMeanInterval, wilsonInterval } from '../../src/verdicts/intervals.js';

/** The bootstrap of statistics given one function each (the product's callers give one function for all). */
function bootstrapEach<K extends string>(t: number[][], statistics: Record<K, (table: number[][]) => number | null>) {
  const names = Object.keys(statistics) as K[];
  return bootstrapIntervals(
    t,
    names,
    (resampled) => Object.fromEntries(names.map((n) => [n, statistics[n](resampled)])) as Record<K, number | null>,
  );
}

/** A 5×5 table from [subject score, other score, count] triples. */
function table(cells: [number, number, number][]): number[][] {
  const t = [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);
  for (const [s, o, count] of cells) t[s - 1][o - 1] += count;
  return t;
}

const meanGap = (t: number[][]) => {
  let n = 0;
  let sum = 0;
  for (const [i, row] of t.entries()) {
    for (const [j, c] of row.entries()) {
      n += c;
      sum += (i - j) * c;
    }
  }
  return n ? sum / n : null;
};

describe('wilsonInterval', () => {
  it('matches published values', () => {
    // Newcombe (1998), Statistics in Medicine 17: 81 of 263 → 0.2553 to 0.3662.
    const a = wilsonInterval(81, 263)!;
    expect(a.low).toBeCloseTo(0.2553, 4);
    expect(a.high).toBeCloseTo(0.3662, 4);
    // 1 of 3 (the bundled CIS-EMO pooled agreement): 0.0615 to 0.7923.
    const b = wilsonInterval(1, 3)!;
    expect(b.low).toBeCloseTo(0.0615, 4);
    expect(b.high).toBeCloseTo(0.7923, 4);
  });

  it('is not degenerate at the edges and is null with nothing counted', () => {
    const all = wilsonInterval(2, 2)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeGreaterThan(0.3);
    expect(all.low).toBeLessThan(0.4);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('bootstrapIntervals', () => {
  const wide = table([
    [5, 2, 30],
    [4, 2, 25],
    [4, 4, 20],
    [3, 3, 10],
    [5, 5, 15],
    [2, 2, 5],
    [3, 1, 5],
  ]);

  it('gives the same interval for the same table (fixed seed)', () => {
    const a = bootstrapEach(wide, { meanGap });
    const b = bootstrapEach(wide, { meanGap });
    expect(a).toEqual(b);
  });

  it('approximates the normal interval of a mean when n is large', () => {
    const big = wide.map((row) => row.map((c) => c * 20));
    const values: number[] = [];
    for (const [i, row] of big.entries()) for (const [j, c] of row.entries()) values.push(...Array<number>(c).fill(i - j));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    const half = (1.96 * sd) / Math.sqrt(values.length);
    const { meanGap: interval } = bootstrapEach(big, { meanGap });
    expect(interval!.low).toBeCloseTo(mean - half, 1);
    expect(interval!.high).toBeCloseTo(mean + half, 1);
    expect(interval!.high - interval!.low).toBeGreaterThan(half * 1.6);
    expect(interval!.high - interval!.low).toBeLessThan(half * 2.4);
  });

  it('narrows as the rounds grow, around the estimate', () => {
    const kappa = (t: number[][]) => weightedKappaOfTable(t);
    const small = bootstrapEach(wide, { kappa }).kappa!;
    const large = bootstrapEach(
      wide.map((row) => row.map((c) => c * 16)),
      { kappa },
    ).kappa!;
    const estimate = weightedKappaOfTable(wide)!;
    expect(small.low).toBeLessThan(estimate);
    expect(small.high).toBeGreaterThan(estimate);
    expect(large.low).toBeLessThan(estimate);
    expect(large.high).toBeGreaterThan(estimate);
    // Sixteen times the rounds: about a quarter of the width.
    const ratio = (large.high - large.low) / (small.high - small.low);
    expect(ratio).toBeGreaterThan(0.17);
    expect(ratio).toBeLessThan(0.35);
  });

  it('agrees with the normal-theory intervals used from 200 rounds on (Fleiss, Cohen and Everitt for kappa)', () => {
    const big = wide.map((row) => row.map((c) => c * 8)); // 880 rounds
    const kappa = (t: number[][]) => weightedKappaOfTable(t);
    const boot = bootstrapEach(big, { kappa, meanGap });
    const analytic = { kappa: kappaNormalInterval(big)!, meanGap: normalMeanInterval(big, (i, j) => i - j)! };
    for (const name of ['kappa', 'meanGap'] as const) {
      const width = analytic[name].high - analytic[name].low;
      expect(Math.abs(boot[name]!.low - analytic[name].low)).toBeLessThan(0.12 * width);
      expect(Math.abs(boot[name]!.high - analytic[name].high)).toBeLessThan(0.12 * width);
    }
    expect(kappaNormalInterval(table([[4, 4, 12]]))).toBeNull();
  });

  it('is null for a statistic undefined on most resamples, and with fewer than two rounds', () => {
    const kappa = (t: number[][]) => weightedKappaOfTable(t);
    expect(bootstrapEach(table([[4, 4, 12]]), { kappa }).kappa).toBeNull();
    expect(bootstrapEach(table([[4, 2, 1]]), { meanGap }).meanGap).toBeNull();
  });
});

/** Alpha straight from its definition: disagreement within units over disagreement among all pairable values. */
function alphaByDefinition(pairs: [number, number][]): number {
  const values = pairs.flat();
  const counts = [1, 2, 3, 4, 5].map((v) => values.filter((x) => x === v).length);
  const delta2 = (a: number, b: number) => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    let sum = 0;
    for (let g = lo; g <= hi; g++) sum += counts[g - 1];
    return (sum - (counts[lo - 1] + counts[hi - 1]) / 2) ** 2;
  };
  const within = pairs.reduce((a, [x, y]) => a + 2 * delta2(x, y), 0) / values.length;
  let among = 0;
  for (let i = 0; i < values.length; i++) for (let j = 0; j < values.length; j++) if (i !== j) among += delta2(values[i], values[j]);
  among /= values.length * (values.length - 1);
  return 1 - within / among;
}

describe('krippendorffAlphaOrdinal', () => {
  it('equals the definition computed over every pair of values', () => {
    const pairs: [number, number][] = [
      [5, 2],
      [5, 2],
      [4, 2],
      [4, 4],
      [3, 3],
      [5, 5],
      [2, 1],
      [1, 1],
      [3, 4],
    ];
    const t = table(pairs.map(([a, b]) => [a, b, 1]));
    expect(krippendorffAlphaOrdinal(t)).toBeCloseTo(alphaByDefinition(pairs), 12);
  });

  it('is 1 for perfect agreement, lower than kappa for a systematic shift, null without variation', () => {
    expect(
      krippendorffAlphaOrdinal(
        table([
          [5, 5, 3],
          [2, 2, 4],
          [3, 3, 1],
        ]),
      ),
    ).toBe(1);
    // One coder always one step kinder: kappa (own marginals) forgives the shift, alpha does not.
    const shifted = table([
      [5, 4, 5],
      [4, 3, 5],
      [3, 2, 5],
    ]);
    expect(krippendorffAlphaOrdinal(shifted)!).toBeLessThan(weightedKappaOfTable(shifted)!);
    expect(krippendorffAlphaOrdinal(table([[3, 3, 6]]))).toBeNull();
  });
});
