/**
 * Agreement figures across many elections, per other body and pooled: coverage,
 * exact agreement, agreement within one step, mean (signed and absolute) gap, and
 * Cohen's quadratic-weighted kappa on the 5-point ordinal scale.
 */
import { weightedKappa } from '../verdicts/agreement.js';
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
  /** Rounds where this body declined or was prevented from observing. */
  didNotObserve: number;
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

function figures(
  organizationId: string | null,
  pairs: [number, number][],
  subjectAssessedRounds: number,
  didNotObserve: number,
): AgreementFigures {
  const n = pairs.length;
  const gaps = pairs.map(([s, o]) => s - o);
  const agreements = gaps.filter((g) => g === 0).length;
  return {
    organizationId,
    pairedRounds: n,
    subjectAssessedRounds,
    coverage: ratio(n, subjectAssessedRounds),
    agreements,
    agreementRate: ratio(agreements, n),
    withinOneRate: ratio(gaps.filter((g) => Math.abs(g) <= 1).length, n),
    meanGap: n ? gaps.reduce((a, b) => a + b, 0) / n : null,
    meanAbsoluteGap: n ? gaps.reduce((a, b) => a + Math.abs(b), 0) / n : null,
    weightedKappa: weightedKappa(pairs),
    didNotObserve,
  };
}

export function summarize(comparisons: ElectionComparison[]): ComparisonSummary {
  const pairsByBody = new Map<string, [number, number][]>();
  const declinedByBody = new Map<string, number>();
  const pooled: [number, number][] = [];
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
        if (!pairsByBody.has(o.organizationId)) pairsByBody.set(o.organizationId, []);
        if (o.status === 'BOTH_ASSESSED' && r.subjectScore !== null && o.score !== null) {
          pairsByBody.get(o.organizationId)!.push([r.subjectScore, o.score]);
          pooled.push([r.subjectScore, o.score]);
        }
      }
    }
  }
  const observed = comparisons.filter((c) => c.subjectObserved);
  const assessed = comparisons.filter((c) => c.rounds.some((r) => r.subjectScore !== null));
  const byBody = [...pairsByBody]
    .map(([orgId, pairs]) => figures(orgId, pairs, subjectAssessedRounds, declinedByBody.get(orgId) ?? 0))
    .sort((a, b) => b.pairedRounds - a.pairedRounds || (a.organizationId ?? '').localeCompare(b.organizationId ?? ''));
  return {
    elections: comparisons.length,
    subjectObservedElections: observed.length,
    subjectAssessedElections: assessed.filter((c) => c.subjectObserved).length,
    subjectCoverage: ratio(assessed.filter((c) => c.subjectObserved).length, observed.length),
    // Pooled coverage counts rounds with at least one other assessment, not pairs (several bodies may speak on one round).
    pooled: { ...figures(null, pooled, subjectAssessedRounds, pooledDeclined), coverage: ratio(roundsWithAnyPair, subjectAssessedRounds) },
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
const pairs = (g: RoundGroup) => !g.otherDidNotObserve && g.subjectObserved && g.subjectScore !== null && g.otherScore !== null;

/** The same summary as `summarize`, from grouped rounds instead of every comparison. */
export function summarizeGroups(counts: ElectionCounts, groups: RoundGroup[]): ComparisonSummary {
  const pairsByBody = new Map<string, [number, number][]>();
  const declinedByBody = new Map<string, number>();
  const pooled: [number, number][] = [];
  let pooledDeclined = 0;
  for (const g of groups) {
    if (!pairsByBody.has(g.organizationId)) pairsByBody.set(g.organizationId, []);
    if (g.otherDidNotObserve) {
      declinedByBody.set(g.organizationId, (declinedByBody.get(g.organizationId) ?? 0) + g.rounds);
      pooledDeclined += g.rounds;
    }
    if (!pairs(g)) continue;
    const pair: [number, number] = [g.subjectScore!, g.otherScore!];
    for (let i = 0; i < g.rounds; i++) {
      pairsByBody.get(g.organizationId)!.push(pair);
      pooled.push(pair);
    }
  }
  const byBody = [...pairsByBody]
    .map(([orgId, p]) => figures(orgId, p, counts.subjectAssessedRounds, declinedByBody.get(orgId) ?? 0))
    .sort((a, b) => b.pairedRounds - a.pairedRounds || (a.organizationId ?? '').localeCompare(b.organizationId ?? ''));
  return {
    elections: counts.elections,
    subjectObservedElections: counts.subjectObservedElections,
    subjectAssessedElections: counts.subjectAssessedElections,
    subjectCoverage: ratio(counts.subjectAssessedElections, counts.subjectObservedElections),
    pooled: {
      ...figures(null, pooled, counts.subjectAssessedRounds, pooledDeclined),
      coverage: ratio(counts.roundsWithAnyPair, counts.subjectAssessedRounds),
    },
    byBody,
  };
}
