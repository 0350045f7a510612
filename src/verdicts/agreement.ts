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
  if (pairs.length < 2 || categories.length < 2) return null;
  return weightedKappaOfTable(tableOfPairs(pairs, categories, 'weightedKappa'), weights);
}

/**
 * The joint counts of paired codings: `table[i][j]` pairs where the first rater chose
 * `categories[i]` and the second `categories[j]`. The one table kappa and alpha are computed from.
 * Throws RangeError for a value that is not one of `categories` (`caller` names the statistic).
 */
export function tableOfPairs(pairs: [number, number][], categories: number[] = [1, 2, 3, 4, 5], caller = 'tableOfPairs'): number[][] {
  const pos = new Map<number, number>(categories.map((c, i) => [c, i]));
  const index = (v: number): number => {
    const i = pos.get(v);
    if (i === undefined) throw new RangeError(`${caller}: ${v} is not one of the categories [${categories.join(', ')}]`);
    return i;
  };
  const table: number[][] = categories.map(() => categories.map(() => 0));
  for (const [a, b] of pairs) table[index(a)][index(b)]++;
  return table;
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

/**
 * Krippendorff's alpha with the ordinal metric for two coders, from their joint counts
 * (`observed[i][j]`: units the first coded i and the second j, positions in the scale).
 *
 *   alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
 *
 * over the coincidence matrix o = observed + observedᵀ (each unit gives both ordered pairs),
 * n_c its margins, n = 2 × units, and δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)².
 * Unlike kappa it pools both coders' distributions and corrects for small samples.
 * Null with fewer than two units or no variation in the values.
 */
export function krippendorffAlphaOrdinal(observed: number[][]): number | null {
  const k = observed.length;
  const o = observed.map((row, i) => row.map((count, j) => count + observed[j][i]));
  const margins = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = margins.reduce((a, b) => a + b, 0);
  if (n < 4) return null;
  const delta2 = (c: number, d: number): number => {
    const [lo, hi] = c < d ? [c, d] : [d, c];
    let sum = 0;
    for (let g = lo; g <= hi; g++) sum += margins[g];
    const x = sum - (margins[lo] + margins[hi]) / 2;
    return x * x;
  };
  let observedDisagreement = 0;
  let expectedDisagreement = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      if (c === d) continue;
      const w = delta2(c, d);
      observedDisagreement += o[c][d] * w;
      expectedDisagreement += margins[c] * margins[d] * w;
    }
  }
  if (expectedDisagreement <= 0) return null;
  return 1 - ((n - 1) * observedDisagreement) / expectedDisagreement;
}
