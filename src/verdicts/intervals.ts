/**
 * Uncertainty of agreement figures: 95% intervals, and the number of paired rounds below which
 * a figure is shown as too thin to support a conclusion.
 *
 * Shares (same verdict, within one step) take Wilson's score interval, which stays inside 0–1
 * and is honest at small n. Mean gaps and the weighted kappa take a percentile bootstrap over the
 * paired rounds: the joint table is resampled (a multinomial draw of n rounds from its cells),
 * from a fixed seed, so the same table always gives the same interval.
 */

export const CONFIDENCE = 0.95;
/** Below this many paired rounds, figures are flagged: they describe the rounds, not a pattern. */
export const MIN_PAIRED_ROUNDS = 10;
export const BOOTSTRAP_RESAMPLES = 1000;
const BOOTSTRAP_SEED = 0x5eed_2026;
const Z = 1.959963984540054; // the standard normal's 97.5% quantile

export type IntervalMethod = 'WILSON' | 'BOOTSTRAP';

export interface Interval {
  low: number;
  high: number;
}

/** Wilson's score interval for k successes of n; null for n = 0. */
export function wilsonInterval(k: number, n: number): Interval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A small, seedable generator (mulberry32): the intervals must not change between requests. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = random() || Number.MIN_VALUE;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * A draw from Binomial(n, p): exact by inversion when few successes (or failures) are expected,
 * else the normal approximation, which at n·p·(1−p) ≥ 30 is well within a bootstrap's own noise.
 */
function binomial(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, random);
  const mean = n * p;
  if (mean * (1 - p) >= 30) {
    const x = Math.round(mean + Math.sqrt(mean * (1 - p)) * normal(random));
    return Math.min(n, Math.max(0, x));
  }
  // Inversion: walk the cumulative distribution from 0.
  const q = 1 - p;
  let probability = q ** n;
  let cumulative = probability;
  const u = random();
  let k = 0;
  while (u > cumulative && k < n) {
    probability *= ((n - k) / (k + 1)) * (p / q);
    k++;
    cumulative += probability;
  }
  return k;
}

/** Cells of a table resampled as n rounds drawn with replacement: sequential conditional binomials. */
function resample(cells: number[], n: number, random: () => number): number[] {
  const out = new Array<number>(cells.length).fill(0);
  let remaining = n;
  let rest = n;
  for (let i = 0; i < cells.length && remaining > 0; i++) {
    if (cells[i] === 0) continue;
    const draw = i === cells.length - 1 || rest === cells[i] ? remaining : binomial(remaining, cells[i] / rest, random);
    out[i] = draw;
    remaining -= draw;
    rest -= cells[i];
  }
  return out;
}

function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/**
 * Percentile bootstrap of each statistic over the rounds counted in a square table, all from the
 * same resamples. An interval is null when the table holds fewer than two rounds, or when its
 * statistic is undefined on more than half of the resamples (a kappa over rounds that all share
 * one verdict).
 */
export function bootstrapIntervals<K extends string>(
  table: number[][],
  names: readonly K[],
  statistics: (table: number[][]) => Record<K, number | null>,
): Record<K, Interval | null> {
  const result = Object.fromEntries(names.map((name) => [name, null])) as Record<K, Interval | null>;
  const k = table.length;
  const cells = table.flat();
  const n = cells.reduce((a, b) => a + b, 0);
  if (n < 2) return result;
  const random = generator(BOOTSTRAP_SEED);
  const values = names.map(() => [] as number[]);
  const resampled = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
    const drawn = resample(cells, n, random);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) resampled[i][j] = drawn[i * k + j];
    // One call a resample: the statistics share their pass over the table.
    const computed = statistics(resampled);
    names.forEach((name, s) => {
      const value = computed[name];
      if (value !== null && Number.isFinite(value)) values[s].push(value);
    });
  }
  const tail = (1 - CONFIDENCE) / 2;
  names.forEach((name, s) => {
    const sorted = values[s].sort((a, b) => a - b);
    if (sorted.length >= BOOTSTRAP_RESAMPLES / 2) result[name] = { low: quantile(sorted, tail), high: quantile(sorted, 1 - tail) };
  });
  return result;
}

/**
 * From this many rounds on, the gaps and kappa take normal-theory intervals instead of the
 * bootstrap: accurate at such n (a test holds the two close), and free of its cost, which at a
 * million statements and hundreds of bodies is seconds a summary.
 */
export const ANALYTIC_FROM = 200;

/** Mean ± z·s/√n of a statistic with value v(i, j) for each cell of a square table. */
export function normalMeanInterval(table: number[][], value: (i: number, j: number) => number): Interval | null {
  let n = 0;
  let sum = 0;
  let squares = 0;
  for (const [i, row] of table.entries()) {
    for (const [j, count] of row.entries()) {
      const v = value(i, j);
      n += count;
      sum += count * v;
      squares += count * v * v;
    }
  }
  if (n < 2) return null;
  const mean = sum / n;
  const variance = Math.max(0, (squares - n * mean * mean) / (n - 1));
  const half = Z * Math.sqrt(variance / n);
  return { low: mean - half, high: mean + half };
}

/**
 * Cohen's quadratic-weighted kappa ± z·SE, with the large-sample variance of Fleiss, Cohen and
 * Everitt (1969), Psychological Bulletin 72(5): 323–327, for agreement weights w_ij:
 *   Var = [Σ p_ij (w_ij − (w̄_i. + w̄_.j)(1 − κ))² − (κ − p_e(1 − κ))²] / (n (1 − p_e)²).
 * Null where kappa is undefined.
 */
export function kappaNormalInterval(table: number[][]): Interval | null {
  const k = table.length;
  const n = table.flat().reduce((a, b) => a + b, 0);
  if (n < 2 || k < 2) return null;
  const w = (i: number, j: number) => 1 - ((i - j) / (k - 1)) ** 2;
  const rows = table.map((row) => row.reduce((a, b) => a + b, 0) / n);
  const cols = table[0].map((_, j) => table.reduce((a, row) => a + row[j], 0) / n);
  let po = 0;
  let pe = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      po += (w(i, j) * table[i][j]) / n;
      pe += w(i, j) * rows[i] * cols[j];
    }
  if (1 - pe <= 1e-12) return null;
  const kappa = (po - pe) / (1 - pe);
  const wRow = rows.map((_, i) => cols.reduce((a, c, j) => a + c * w(i, j), 0));
  const wCol = cols.map((_, j) => rows.reduce((a, r, i) => a + r * w(i, j), 0));
  let sum = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sum += (table[i][j] / n) * (w(i, j) - (wRow[i] + wCol[j]) * (1 - kappa)) ** 2;
  const variance = (sum - (kappa - pe * (1 - kappa)) ** 2) / (n * (1 - pe) ** 2);
  const half = Z * Math.sqrt(Math.max(0, variance));
  return { low: kappa - half, high: kappa + half };
}
