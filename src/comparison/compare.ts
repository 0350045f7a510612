/**
 * The comparison: one organization's (the subject's) assessments of an election, round by
 * round, beside every other body's — verdicts, ordinal gap, agreement, and what is missing.
 * Pure functions over loaded rows, so the same logic serves one election or a thousand.
 */
import type { RoundKind, StatementKind, Verdict } from '../generated/prisma/enums.js';
import { scoreOf } from '../verdicts/scale.js';

export interface StatementFact {
  id: string;
  organizationId: string;
  kind: StatementKind;
  statementDate: string | null;
  verdict: Verdict | null;
}

export interface RoundFact {
  id: string;
  round: RoundKind;
  statements: StatementFact[];
}

export interface ElectionFact {
  id: string;
  /** Organizations with a mission to this election. */
  observerIds: string[];
  rounds: RoundFact[];
}

export type ComparisonStatus =
  | 'BOTH_ASSESSED'
  | 'OTHER_DID_NOT_OBSERVE'
  | 'SUBJECT_DID_NOT_OBSERVE'
  | 'SUBJECT_NOT_ASSESSED'
  | 'OTHER_NOT_ASSESSED';

export interface BodyComparison {
  organizationId: string;
  statementIds: string[];
  verdict: Verdict | null;
  score: number | null;
  /** Subject's score minus this body's: positive when the subject was more favourable. */
  gap: number | null;
  agrees: boolean | null;
  status: ComparisonStatus;
}

export interface RoundComparison {
  roundId: string | null;
  round: RoundKind;
  subjectStatementIds: string[];
  subjectVerdict: Verdict | null;
  subjectScore: number | null;
  others: BodyComparison[];
}

export type MissingKind =
  | 'SUBJECT_OBSERVED_WITHOUT_ASSESSMENT'
  | 'OTHER_DID_NOT_OBSERVE'
  | 'OTHER_OBSERVED_WITHOUT_ASSESSMENT'
  | 'NO_OTHER_ASSESSMENT';

export interface MissingItem {
  kind: MissingKind;
  organizationId: string;
  round: RoundKind | null;
}

export interface ElectionComparison {
  electionId: string;
  subjectId: string;
  subjectObserved: boolean;
  rounds: RoundComparison[];
  missing: MissingItem[];
}

/** When a body said several things about one round, the most considered one speaks for it. */
const KIND_WEIGHT: Record<StatementKind, number> = { FINAL: 5, PRELIMINARY: 4, PRESS: 3, INTERVIEW: 2, DECLINED: 1 };

export function headline(statements: StatementFact[]): StatementFact | null {
  let best: StatementFact | null = null;
  for (const s of statements) {
    if (!best) best = s;
    else {
      const rank = (x: StatementFact) => [x.verdict ? 1 : 0, KIND_WEIGHT[x.kind], x.statementDate ?? ''] as const;
      const [a, b] = [rank(s), rank(best)];
      if (a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])))) best = s;
    }
  }
  return best;
}

export function compareElection(election: ElectionFact, subjectId: string): ElectionComparison {
  const observers = new Set(election.observerIds);
  const subjectStatements = election.rounds.flatMap((r) => r.statements.filter((s) => s.organizationId === subjectId));
  const subjectObserved = observers.has(subjectId) || subjectStatements.some((s) => s.verdict !== 'NOT_OBSERVED' && s.kind !== 'DECLINED');
  const missing: MissingItem[] = [];
  const rounds: RoundComparison[] = [];

  for (const round of election.rounds) {
    const byOrg = new Map<string, StatementFact[]>();
    for (const s of round.statements) byOrg.set(s.organizationId, [...(byOrg.get(s.organizationId) ?? []), s]);
    const mine = byOrg.get(subjectId) ?? [];
    const subjectHead = headline(mine);
    const subjectVerdict = subjectHead?.verdict ?? null;
    const subjectScore = scoreOf(subjectVerdict);
    const others: BodyComparison[] = [];
    const otherIds = new Set([...byOrg.keys(), ...observers]);
    otherIds.delete(subjectId);
    for (const orgId of [...otherIds].sort()) {
      const theirs = byOrg.get(orgId) ?? [];
      const head = headline(theirs);
      const verdict = head?.verdict ?? null;
      const score = scoreOf(verdict);
      let status: ComparisonStatus;
      if (verdict === 'NOT_OBSERVED') status = 'OTHER_DID_NOT_OBSERVE';
      else if (subjectVerdict === 'NOT_OBSERVED' || !subjectObserved) status = 'SUBJECT_DID_NOT_OBSERVE';
      else if (subjectScore === null) status = 'SUBJECT_NOT_ASSESSED';
      else if (score === null) status = 'OTHER_NOT_ASSESSED';
      else status = 'BOTH_ASSESSED';
      const both = status === 'BOTH_ASSESSED' && subjectScore !== null && score !== null;
      others.push({
        organizationId: orgId,
        statementIds: theirs.map((s) => s.id),
        verdict,
        score,
        gap: both ? subjectScore - score : null,
        agrees: both ? subjectScore === score : null,
        status,
      });
      if (status === 'OTHER_DID_NOT_OBSERVE') missing.push({ kind: 'OTHER_DID_NOT_OBSERVE', organizationId: orgId, round: round.round });
      if (status === 'OTHER_NOT_ASSESSED' && observers.has(orgId))
        missing.push({ kind: 'OTHER_OBSERVED_WITHOUT_ASSESSMENT', organizationId: orgId, round: round.round });
    }
    if (subjectObserved && subjectScore === null && subjectVerdict !== 'NOT_OBSERVED') {
      missing.push({ kind: 'SUBJECT_OBSERVED_WITHOUT_ASSESSMENT', organizationId: subjectId, round: round.round });
    }
    rounds.push({
      roundId: round.id,
      round: round.round,
      subjectStatementIds: mine.map((s) => s.id),
      subjectVerdict,
      subjectScore,
      others,
    });
  }
  if (election.rounds.length === 0 && subjectObserved) {
    missing.push({ kind: 'SUBJECT_OBSERVED_WITHOUT_ASSESSMENT', organizationId: subjectId, round: null });
  }
  if (subjectObserved && !rounds.some((r) => r.others.some((o) => o.score !== null))) {
    missing.push({ kind: 'NO_OTHER_ASSESSMENT', organizationId: subjectId, round: null });
  }
  return { electionId: election.id, subjectId, subjectObserved, rounds, missing };
}
