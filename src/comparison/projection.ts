/**
 * What the comparison of an election reads, whichever body is the subject: per body whether it
 * observed the election, and per round each body's headline (the statement that speaks for it).
 * `projectElection` derives it from the facts; the read model stores it (the projection tables)
 * so that a request reads it instead of loading every statement. `compareProjected` is the
 * comparison over it, and `compareElection` (compare.ts) is the two together: the oracle the
 * stored projection is checked against.
 */
import type { RoundKind, Verdict } from '../generated/prisma/enums.js';
import { scoreOf } from '../verdicts/scale.js';
import {
  headline,
  type BodyComparison,
  type ComparisonStatus,
  type ElectionComparison,
  type ElectionFact,
  type MissingItem,
  type RoundComparison,
} from './compare.js';

/** A body's standing on a whole election. */
export interface ElectionBody {
  organizationId: string;
  /** It sent a mission. */
  observer: boolean;
  /** It made a statement on the election that is not a refusal (not DECLINED, not NOT_OBSERVED). */
  observedByStatement: boolean;
}

/** A body on one round: its statements and the headline verdict among them. */
export interface RoundBody {
  organizationId: string;
  /** Its statements on the round, in id order; empty for an observer that said nothing. */
  statementIds: string[];
  headlineId: string | null;
  verdict: Verdict | null;
}

export interface ProjectedRound {
  id: string;
  round: RoundKind;
  ordinal: number;
  /** Every body that spoke on the round or observed the election, by organization id. */
  bodies: RoundBody[];
}

export interface ElectionProjection {
  electionId: string;
  bodies: ElectionBody[];
  /** In order (ordinal, then id). */
  rounds: ProjectedRound[];
}

const ORDINAL: Record<RoundKind, number> = { FIRST: 1, SECOND: 2, RERUN: 3 };

export function projectElection(fact: ElectionFact): ElectionProjection {
  const observers = new Set(fact.observerIds);
  const speakers = new Map<string, boolean>();
  for (const s of fact.rounds.flatMap((r) => r.statements)) {
    const asObserver = s.verdict !== 'NOT_OBSERVED' && s.kind !== 'DECLINED';
    speakers.set(s.organizationId, (speakers.get(s.organizationId) ?? false) || asObserver);
  }
  const bodyIds = [...new Set([...observers, ...speakers.keys()])].sort();
  const rounds = fact.rounds.map((round): ProjectedRound => {
    const byOrg = new Map<string, typeof round.statements>();
    for (const s of round.statements) byOrg.set(s.organizationId, [...(byOrg.get(s.organizationId) ?? []), s]);
    const ids = [...new Set([...byOrg.keys(), ...observers])].sort();
    return {
      id: round.id,
      round: round.round,
      ordinal: ORDINAL[round.round],
      bodies: ids.map((organizationId) => {
        const theirs = byOrg.get(organizationId) ?? [];
        const head = headline(theirs);
        return { organizationId, statementIds: theirs.map((s) => s.id), headlineId: head?.id ?? null, verdict: head?.verdict ?? null };
      }),
    };
  });
  return {
    electionId: fact.id,
    bodies: bodyIds.map((organizationId) => ({
      organizationId,
      observer: observers.has(organizationId),
      observedByStatement: speakers.get(organizationId) ?? false,
    })),
    rounds,
  };
}

/** Whether `subject` observed the election: a mission, or a statement that is not a refusal. */
export function subjectObservedIn(p: ElectionProjection, subjectId: string): boolean {
  const body = p.bodies.find((b) => b.organizationId === subjectId);
  return !!body && (body.observer || body.observedByStatement);
}

/** The status of another body's assessment of a round beside the subject's. */
export function comparisonStatus(
  subject: { verdict: Verdict | null; score: number | null; observed: boolean },
  other: { verdict: Verdict | null; score: number | null },
): ComparisonStatus {
  if (other.verdict === 'NOT_OBSERVED') return 'OTHER_DID_NOT_OBSERVE';
  if (subject.verdict === 'NOT_OBSERVED' || !subject.observed) return 'SUBJECT_DID_NOT_OBSERVE';
  if (subject.score === null) return 'SUBJECT_NOT_ASSESSED';
  if (other.score === null) return 'OTHER_NOT_ASSESSED';
  return 'BOTH_ASSESSED';
}

export function compareProjected(p: ElectionProjection, subjectId: string): ElectionComparison {
  const observers = new Set(p.bodies.filter((b) => b.observer).map((b) => b.organizationId));
  const subjectObserved = subjectObservedIn(p, subjectId);
  const missing: MissingItem[] = [];
  const rounds: RoundComparison[] = [];
  for (const round of p.rounds) {
    const mine = round.bodies.find((b) => b.organizationId === subjectId);
    const subjectVerdict = mine?.verdict ?? null;
    const subjectScore = scoreOf(subjectVerdict);
    const others: BodyComparison[] = [];
    for (const body of round.bodies) {
      if (body.organizationId === subjectId) continue;
      const score = scoreOf(body.verdict);
      const status = comparisonStatus(
        { verdict: subjectVerdict, score: subjectScore, observed: subjectObserved },
        { verdict: body.verdict, score },
      );
      const both = status === 'BOTH_ASSESSED' && subjectScore !== null && score !== null;
      others.push({
        organizationId: body.organizationId,
        statementIds: body.statementIds,
        verdict: body.verdict,
        score,
        gap: both ? subjectScore - score : null,
        agrees: both ? subjectScore === score : null,
        status,
      });
      if (status === 'OTHER_DID_NOT_OBSERVE')
        missing.push({ kind: 'OTHER_DID_NOT_OBSERVE', organizationId: body.organizationId, round: round.round });
      if (status === 'OTHER_NOT_ASSESSED' && observers.has(body.organizationId))
        missing.push({ kind: 'OTHER_OBSERVED_WITHOUT_ASSESSMENT', organizationId: body.organizationId, round: round.round });
    }
    if (subjectObserved && subjectScore === null && subjectVerdict !== 'NOT_OBSERVED') {
      missing.push({ kind: 'SUBJECT_OBSERVED_WITHOUT_ASSESSMENT', organizationId: subjectId, round: round.round });
    }
    rounds.push({
      roundId: round.id,
      round: round.round,
      subjectStatementIds: mine?.statementIds ?? [],
      subjectVerdict,
      subjectScore,
      others,
    });
  }
  if (p.rounds.length === 0 && subjectObserved) {
    missing.push({ kind: 'SUBJECT_OBSERVED_WITHOUT_ASSESSMENT', organizationId: subjectId, round: null });
  }
  if (subjectObserved && !rounds.some((r) => r.others.some((o) => o.score !== null))) {
    missing.push({ kind: 'NO_OTHER_ASSESSMENT', organizationId: subjectId, round: null });
  }
  return { electionId: p.electionId, subjectId, subjectObserved, rounds, missing };
}

/** The comparison of an election straight from its facts: the oracle the stored projection is held to. */
export function compareElection(election: ElectionFact, subjectId: string): ElectionComparison {
  return compareProjected(projectElection(election), subjectId);
}
