/**
 * The comparison: one organization's (the subject's) assessments of an election, round by
 * round, beside every other body's — verdicts, ordinal gap, agreement, and what is missing.
 * Pure functions over loaded rows, so the same logic serves one election or a thousand. The
 * comparison itself is in projection.ts: over the facts (compareElection) or over the read
 * model's projection of them (compareProjected), which are one function.
 */
import type { RoundKind, StatementKind, Verdict } from '../generated/prisma/enums.js';

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
