/**
 * Agreement figures across many elections, per other body and pooled: coverage,
 * exact agreement, agreement within one step, mean (signed and absolute) gap, and
 * Cohen's quadratic-weighted kappa on the 5-point ordinal scale.
 */
import { krippendorffAlphaOrdinal, weightedKappaOfTable } from '../verdicts/agreement.js';
import {
  ANALYTIC_FROM,
  bootstrapIntervals,
  kappaNormalInterval,
  MIN_PAIRED_ROUNDS,
  normalMeanInterval,
  wilsonInterval,
  type Interval,
} from '../verdicts/intervals.js';
import type { ElectionComparison } from './compare.js';

export interface AgreementFigures {
  /** null for the pooled figures over all other bodies. */
  organizationId: string | null;
  /** Rounds where both the subject and this body gave an ordinal verdict. */
  pairedRounds: number;
  /** Rounds the subject assessed: the denominator of coverage. */
  subjectAssessedRounds: number;
  /** Share of the subject's assessed rounds that this body also assessed. */
  coverage: number | null;
  agreements: number;
  agreementRate: number | null;
  withinOneRate: number | null;
  meanGap: number | null;
  meanAbsoluteGap: number | null;
  weightedKappa: number | null;
  /** Krippendorff's alpha (ordinal metric) over the same pairs. */
  krippendorffAlpha: number | null;
  /**
   * 95% intervals: Wilson's for the shares, a seeded bootstrap over the paired rounds (normal theory
   * from ANALYTIC_FROM rounds) for the rest. Computed when first read: a summary over hundreds of
   * bodies is asked for its intervals only by some clients, and the bootstrap is its costliest part.
   */
  readonly intervals: FigureIntervals;
  /** Fewer than MIN_PAIRED_ROUNDS paired rounds: the figures describe those rounds, not a pattern. */
  fewRounds: boolean;
  /** Rounds where this body declined or was prevented from observing. */
  didNotObserve: number;
}

export interface FigureIntervals {
  agreementRate: Interval | null;
  withinOneRate: Interval | null;
  meanGap: Interval | null;
  meanAbsoluteGap: Interval | null;
  weightedKappa: Interval | null;
}

export interface ComparisonSummary {
  elections: number;
  subjectObservedElections: number;
  subjectAssessedElections: number;
  /** Share of the elections the subject observed for which an assessment of it is on record. */
  subjectCoverage: number | null;
  pooled: AgreementFigures;
  byBody: AgreementFigures[];
}

const ratio = (a: number, b: number) => (b ? a / b : null);

/** Paired rounds counted by the subject's score and the other body's: `table[s - 1][o - 1]`. */
type Table = number[][];
const emptyTable = (): Table => [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);

/** Pairs, agreements, pairs within one step and the two gap sums of a table. */
function tally(table: Table) {
  let n = 0;
  let agreements = 0;
  let withinOne = 0;
  let gapSum = 0;
  let absoluteGapSum = 0;
  for (let i = 0; i < table.length; i++) {
    for (let j = 0; j < table[i].length; j++) {
      const count = table[i][j];
      const gap = i - j;
      n += count;
      if (gap === 0) agreements += count;
      if (Math.abs(gap) <= 1) withinOne += count;
      gapSum += gap * count;
      absoluteGapSum += Math.abs(gap) * count;
    }
  }
  return { n, agreements, withinOne, gapSum, absoluteGapSum };
}

/** The statistics the bootstrap resamples, from one tally of the table. */
const GAP_STATISTICS = ['meanGap', 'meanAbsoluteGap', 'weightedKappa'] as const;
const gapStatisticsOf = (table: Table) => {
  const t = tally(table);
  return {
    meanGap: t.n ? t.gapSum / t.n : null,
    meanAbsoluteGap: t.n ? t.absoluteGapSum / t.n : null,
    weightedKappa: weightedKappaOfTable(table),
  };
};

// Many bodies, and many filters, give the same table; its bootstrap is the costly part.
const intervalMemo = new Map<string, ReturnType<typeof bootstrapOf>>();
const INTERVAL_MEMO_LIMIT = 10_000;
const bootstrapOf = (table: Table) => bootstrapIntervals(table, GAP_STATISTICS, gapStatisticsOf);

function gapIntervals(table: Table, n: number) {
  if (n >= ANALYTIC_FROM)
    return {
      meanGap: normalMeanInterval(table, (i, j) => i - j),
      meanAbsoluteGap: normalMeanInterval(table, (i, j) => Math.abs(i - j)),
      weightedKappa: kappaNormalInterval(table),
    };
  const key = table.flat().join(',');
  let found = intervalMemo.get(key);
  if (!found) {
    if (intervalMemo.size >= INTERVAL_MEMO_LIMIT) intervalMemo.clear();
    found = bootstrapOf(table);
    intervalMemo.set(key, found);
  }
  return found;
}

/** Adds `intervals` as a property computed on first read (not enumerable: figures compare by their values). */
function withIntervals(figures: Omit<AgreementFigures, 'intervals'>, table: Table, withinOne: number): AgreementFigures {
  let computed: FigureIntervals | undefined;
  return Object.defineProperty(figures, 'intervals', {
    enumerable: false,
    get: () =>
      (computed ??= {
        agreementRate: wilsonInterval(figures.agreements, figures.pairedRounds),
        withinOneRate: wilsonInterval(withinOne, figures.pairedRounds),
        ...gapIntervals(table, figures.pairedRounds),
      }),
  }) as AgreementFigures;
}

function figures(organizationId: string | null, table: Table, subjectAssessedRounds: number, didNotObserve: number): AgreementFigures {
  const { n, agreements, withinOne, gapSum, absoluteGapSum } = tally(table);
  return withIntervals(
    {
      organizationId,
      pairedRounds: n,
      subjectAssessedRounds,
      coverage: ratio(n, subjectAssessedRounds),
      agreements,
      agreementRate: ratio(agreements, n),
      withinOneRate: ratio(withinOne, n),
      meanGap: n ? gapSum / n : null,
      meanAbsoluteGap: n ? absoluteGapSum / n : null,
      weightedKappa: weightedKappaOfTable(table),
      krippendorffAlpha: krippendorffAlphaOrdinal(table),
      fewRounds: n < MIN_PAIRED_ROUNDS,
      didNotObserve,
    },
    table,
    withinOne,
  );
}

export function summarize(comparisons: ElectionComparison[]): ComparisonSummary {
  const tableByBody = new Map<string, Table>();
  const declinedByBody = new Map<string, number>();
  const pooled = emptyTable();
  let subjectAssessedRounds = 0;
  let roundsWithAnyPair = 0;
  let pooledDeclined = 0;
  for (const c of comparisons) {
    for (const r of c.rounds) {
      if (r.subjectScore !== null) subjectAssessedRounds++;
      if (r.subjectScore !== null && r.others.some((o) => o.status === 'BOTH_ASSESSED')) roundsWithAnyPair++;
      for (const o of r.others) {
        if (o.status === 'OTHER_DID_NOT_OBSERVE') {
          declinedByBody.set(o.organizationId, (declinedByBody.get(o.organizationId) ?? 0) + 1);
          pooledDeclined++;
        }
        if (!tableByBody.has(o.organizationId)) tableByBody.set(o.organizationId, emptyTable());
        if (o.status === 'BOTH_ASSESSED' && r.subjectScore !== null && o.score !== null) {
          tableByBody.get(o.organizationId)![r.subjectScore - 1][o.score - 1]++;
          pooled[r.subjectScore - 1][o.score - 1]++;
        }
      }
    }
  }
  const observed = comparisons.filter((c) => c.subjectObserved);
  const assessed = comparisons.filter((c) => c.rounds.some((r) => r.subjectScore !== null));
  const byBody = [...tableByBody]
    .map(([orgId, table]) => figures(orgId, table, subjectAssessedRounds, declinedByBody.get(orgId) ?? 0))
    .sort((a, b) => b.pairedRounds - a.pairedRounds || (a.organizationId ?? '').localeCompare(b.organizationId ?? ''));
  return {
    elections: comparisons.length,
    subjectObservedElections: observed.length,
    subjectAssessedElections: assessed.filter((c) => c.subjectObserved).length,
    subjectCoverage: ratio(assessed.filter((c) => c.subjectObserved).length, observed.length),
    // Pooled coverage counts rounds with at least one other assessment, not pairs (several bodies may speak on one round).
    pooled: Object.assign(figures(null, pooled, subjectAssessedRounds, pooledDeclined), {
      coverage: ratio(roundsWithAnyPair, subjectAssessedRounds),
    }),
    byBody,
  };
}

/**
 * Rounds of one other body grouped by what the aggregates need (the read model's grouped query):
 * the subject's and the body's scores on the round, whether the body declined, whether the subject
 * observed the election, and how many rounds are alike in all of these.
 */
export interface RoundGroup {
  organizationId: string;
  subjectScore: number | null;
  otherScore: number | null;
  otherDidNotObserve: boolean;
  subjectObserved: boolean;
  rounds: number;
}

/** Counts over the elections and the subject's rounds, next to the groups. */
export interface ElectionCounts {
  elections: number;
  subjectObservedElections: number;
  /** Elections the subject observed with a score of it on some round. */
  subjectAssessedElections: number;
  /** Rounds with a score of the subject. */
  subjectAssessedRounds: number;
  /** Of those, rounds where some other body's assessment pairs with the subject's. */
  roundsWithAnyPair: number;
}

/** A round group pairs the subject with the other body: both scored and the subject observed (status BOTH_ASSESSED). */
export const pairs = (g: Pick<RoundGroup, 'otherDidNotObserve' | 'subjectObserved' | 'subjectScore' | 'otherScore'>) =>
  !g.otherDidNotObserve && g.subjectObserved && g.subjectScore !== null && g.otherScore !== null;

/** The same summary as `summarize`, from grouped rounds instead of every comparison. */
export function summarizeGroups(counts: ElectionCounts, groups: RoundGroup[]): ComparisonSummary {
  const tableByBody = new Map<string, Table>();
  const declinedByBody = new Map<string, number>();
  const pooled = emptyTable();
  let pooledDeclined = 0;
  for (const g of groups) {
    if (!tableByBody.has(g.organizationId)) tableByBody.set(g.organizationId, emptyTable());
    if (g.otherDidNotObserve) {
      declinedByBody.set(g.organizationId, (declinedByBody.get(g.organizationId) ?? 0) + g.rounds);
      pooledDeclined += g.rounds;
    }
    if (!pairs(g)) continue;
    tableByBody.get(g.organizationId)![g.subjectScore! - 1][g.otherScore! - 1] += g.rounds;
    pooled[g.subjectScore! - 1][g.otherScore! - 1] += g.rounds;
  }
  const byBody = [...tableByBody]
    .map(([orgId, table]) => figures(orgId, table, counts.subjectAssessedRounds, declinedByBody.get(orgId) ?? 0))
    .sort((a, b) => b.pairedRounds - a.pairedRounds || (a.organizationId ?? '').localeCompare(b.organizationId ?? ''));
  return {
    elections: counts.elections,
    subjectObservedElections: counts.subjectObservedElections,
    subjectAssessedElections: counts.subjectAssessedElections,
    subjectCoverage: ratio(counts.subjectAssessedElections, counts.subjectObservedElections),
    pooled: Object.assign(figures(null, pooled, counts.subjectAssessedRounds, pooledDeclined), {
      coverage: ratio(counts.roundsWithAnyPair, counts.subjectAssessedRounds),
    }),
    byBody,
  };
}
