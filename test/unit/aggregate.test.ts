/** summarize: agreement figures per other body and pooled, over hand-built comparisons. */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/comparison/aggregate.js';
import type { BodyComparison, ComparisonStatus, ElectionComparison, RoundComparison } from '../../src/comparison/compare.js';

const A = 'org-a';
const B = 'org-b';

const other = (organizationId: string, status: ComparisonStatus, score: number | null, subjectScore: number | null): BodyComparison => {
  const both = status === 'BOTH_ASSESSED' && score !== null && subjectScore !== null;
  return {
    organizationId,
    statementIds: [],
    verdict: null,
    score,
    gap: both ? subjectScore - score : null,
    agrees: both ? subjectScore === score : null,
    status,
  };
};
const round = (
  r: RoundComparison['round'],
  subjectScore: number | null,
  others: [string, ComparisonStatus, number | null][],
): RoundComparison => ({
  roundId: null,
  round: r,
  subjectStatementIds: [],
  subjectVerdict: null,
  subjectScore,
  others: others.map(([id, status, score]) => other(id, status, score, subjectScore)),
});
const comparison = (electionId: string, subjectObserved: boolean, rounds: RoundComparison[]): ElectionComparison => ({
  electionId,
  subjectId: 'org-s',
  subjectObserved,
  rounds,
  missing: [],
});

// Six elections:
//   e1 FIRST  subject 5: A 4 (gap 1), B 5 (gap 0)
//   e1 SECOND subject 4: A 1 (gap 3), B did not observe
//   e2 FIRST  subject 2: A 2 (gap 0), B observed without assessment
//   e3        subject not there: A 3 (not a pair)
//   e4        subject observed, no assessment: A 4 (not a pair)
//   e5 FIRST  subject 3: B without assessment (an assessed round with no pair)
//   e6        subject observed, no rounds
const comparisons: ElectionComparison[] = [
  comparison('e1', true, [
    round('FIRST', 5, [
      [A, 'BOTH_ASSESSED', 4],
      [B, 'BOTH_ASSESSED', 5],
    ]),
    round('SECOND', 4, [
      [A, 'BOTH_ASSESSED', 1],
      [B, 'OTHER_DID_NOT_OBSERVE', null],
    ]),
  ]),
  comparison('e2', true, [
    round('FIRST', 2, [
      [A, 'BOTH_ASSESSED', 2],
      [B, 'OTHER_NOT_ASSESSED', null],
    ]),
  ]),
  comparison('e3', false, [round('FIRST', null, [[A, 'SUBJECT_DID_NOT_OBSERVE', 3]])]),
  comparison('e4', true, [round('FIRST', null, [[A, 'SUBJECT_NOT_ASSESSED', 4]])]),
  comparison('e5', true, [round('FIRST', 3, [[B, 'OTHER_NOT_ASSESSED', null]])]),
  comparison('e6', true, []),
];

describe('summarize', () => {
  const s = summarize(comparisons);

  it('counts elections, those the subject observed and its coverage of them, and orders bodies by paired rounds', () => {
    // observed: e1 e2 e4 e5 e6 = 5; assessed (some round with a subject score): e1 e2 e5 = 3.
    expect(s.elections).toBe(6);
    expect(s.subjectObservedElections).toBe(5);
    expect(s.subjectAssessedElections).toBe(3);
    expect(s.subjectCoverage).toBeCloseTo(3 / 5, 12);
    // Bodies are listed by number of paired rounds.
    expect(s.byBody.map((b) => [b.organizationId, b.pairedRounds])).toEqual([
      [A, 3],
      [B, 1],
    ]);
  });

  it('computes one body’s coverage, agreement, within-one rate, mean signed and absolute gap and kappa', () => {
    // A: pairs (5,4) (4,1) (2,2): gaps +1 +3 0 over 4 assessed subject rounds (e1×2, e2, e5).
    // kappa (quadratic, positions 0..4): observed = (1/16 + 9/16)/3 = 5/24;
    //   expected = Σ w·r·c / 9 with rows {4,3,1}, columns {3,0,1}:
    //   row4 1/16+1+9/16 = 26/16, row3 9/16+4/16 = 13/16, row1 4/16+1/16 = 5/16 → 44/16/9 = 11/36;
    //   kappa = 1 − (5/24)/(11/36) = 1 − 15/22 = 7/22.
    const a = s.byBody.find((b) => b.organizationId === A)!;
    expect(a.pairedRounds).toBe(3);
    expect(a.subjectAssessedRounds).toBe(4);
    expect(a.coverage).toBeCloseTo(3 / 4, 12);
    expect(a.agreements).toBe(1);
    expect(a.agreementRate).toBeCloseTo(1 / 3, 12);
    expect(a.withinOneRate).toBeCloseTo(2 / 3, 12);
    expect(a.meanGap).toBeCloseTo(4 / 3, 12);
    expect(a.meanAbsoluteGap).toBeCloseTo(4 / 3, 12);
    expect(a.weightedKappa).toBeCloseTo(7 / 22, 12);
    expect(a.didNotObserve).toBe(0);
  });

  it('counts rounds a body did not observe, and leaves kappa undefined for a single pair', () => {
    const b = s.byBody.find((x) => x.organizationId === B)!;
    expect(b).toMatchObject({
      pairedRounds: 1,
      agreements: 1,
      agreementRate: 1,
      withinOneRate: 1,
      meanGap: 0,
      meanAbsoluteGap: 0,
      weightedKappa: null,
      didNotObserve: 1,
    });
    expect(b.coverage).toBeCloseTo(1 / 4, 12);
  });

  it('pools all pairs, with coverage counting rounds that have at least one other assessment', () => {
    // pairs (5,4) (5,5) (4,1) (2,2): gaps 1 0 3 0; rounds with a pair: e1 FIRST, e1 SECOND, e2 = 3 of 4.
    // kappa: observed = (1/16 + 9/16)/4 = 5/32; rows {4,4,3,1}, columns {3,4,0,1}:
    //   row4 2·(1/16+1+9/16) = 52/16, row3 1/16+9/16+4/16 = 14/16, row1 4/16+9/16+1/16 = 14/16
    //   → 80/16/16 = 5/16; kappa = 1 − (5/32)/(5/16) = 1/2.
    expect(s.pooled).toMatchObject({ organizationId: null, pairedRounds: 4, subjectAssessedRounds: 4, agreements: 2, didNotObserve: 1 });
    expect(s.pooled.coverage).toBeCloseTo(3 / 4, 12);
    expect(s.pooled.agreementRate).toBeCloseTo(1 / 2, 12);
    expect(s.pooled.withinOneRate).toBeCloseTo(3 / 4, 12);
    expect(s.pooled.meanGap).toBeCloseTo(1, 12);
    expect(s.pooled.meanAbsoluteGap).toBeCloseTo(1, 12);
    expect(s.pooled.weightedKappa).toBeCloseTo(0.5, 12);
  });

  it('keeps the sign of the gap in the mean and drops it in the absolute mean', () => {
    const t = summarize([
      comparison('x', true, [round('FIRST', 2, [[A, 'BOTH_ASSESSED', 5]])]), // −3
      comparison('y', true, [round('FIRST', 4, [[A, 'BOTH_ASSESSED', 3]])]), // +1
    ]);
    expect(t.byBody[0]).toMatchObject({ meanGap: -1, meanAbsoluteGap: 2, withinOneRate: 0.5, agreementRate: 0 });
  });

  it('gives null rates, not zeros, when there is nothing to compare', () => {
    const empty = summarize([]);
    expect(empty).toMatchObject({
      elections: 0,
      subjectObservedElections: 0,
      subjectAssessedElections: 0,
      subjectCoverage: null,
      byBody: [],
    });
    expect(empty.pooled).toMatchObject({
      pairedRounds: 0,
      coverage: null,
      agreementRate: null,
      withinOneRate: null,
      meanGap: null,
      meanAbsoluteGap: null,
      weightedKappa: null,
    });
  });
});
