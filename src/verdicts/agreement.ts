/**
 * Agreement statistics for ordinal codings (coder vs human, body vs body).
 */

/**
 * Weighted Cohen's kappa for two raters on an ordinal scale.
 *
 *   kappa_w = 1 − Σ w_ij·O_ij / Σ w_ij·E_ij
 *
 * with O the observed joint proportions, E the product of the marginals, and
 * disagreement weights w_ij = ((i−j)/(k−1))² (quadratic) or |i−j|/(k−1) (linear), i and j
 * being positions in `categories`. For two categories both weightings equal plain kappa.
 *
 * Returns null when kappa is undefined: fewer than 2 pairs, or no expected disagreement
 * (both raters used a single identical category throughout).
 * Throws RangeError for a value that is not one of `categories`.
 */
export function weightedKappa(
  pairs: [number, number][],
  categories: number[] = [1, 2, 3, 4, 5],
  weights: 'quadratic' | 'linear' = 'quadratic',
): number | null {
  const k = categories.length;
  if (pairs.length < 2 || k < 2) return null;
  const pos = new Map<number, number>(categories.map((c, i) => [c, i]));
  const index = (v: number): number => {
    const i = pos.get(v);
    if (i === undefined) throw new RangeError(`weightedKappa: ${v} is not one of the categories [${categories.join(', ')}]`);
    return i;
  };

  const observed: number[][] = categories.map(() => categories.map(() => 0));
  for (const [a, b] of pairs) observed[index(a)][index(b)]++;
  return weightedKappaOfTable(observed, weights);
}

/**
 * The same kappa from the joint counts: `observed[i][j]` pairs where the first rater chose
 * category i and the second j (positions in the scale). Null as weightedKappa's.
 */
export function weightedKappaOfTable(observed: number[][], weights: 'quadratic' | 'linear' = 'quadratic'): number | null {
  const k = observed.length;
  const rowTotals = observed.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = observed.map((_, j) => observed.reduce((a, row) => a + row[j], 0));
  const n = rowTotals.reduce((a, b) => a + b, 0);
  if (n < 2 || k < 2) return null;

  const w = (i: number, j: number): number => {
    const d = Math.abs(i - j) / (k - 1);
    return weights === 'quadratic' ? d * d : d;
  };

  let observedDisagreement = 0;
  let expectedDisagreement = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const wij = w(i, j);
      if (wij === 0) continue;
      observedDisagreement += (wij * observed[i][j]) / n;
      expectedDisagreement += (wij * rowTotals[i] * colTotals[j]) / (n * n);
    }
  }
  if (expectedDisagreement <= 1e-12) return null;
  return 1 - observedDisagreement / expectedDisagreement;
}
