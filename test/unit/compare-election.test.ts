/** compareElection and headline over hand-built election facts. */
import { describe, expect, it } from 'vitest';
import { headline, type ElectionFact, type RoundFact, type StatementFact } from '../../src/comparison/compare.js';
import { compareElection } from '../../src/comparison/projection.js';

const S = 'org-s'; // the subject
const A = 'org-a';
const B = 'org-b';
const C = 'org-c';

let seq = 0;
const st = (
  organizationId: string,
  kind: StatementFact['kind'],
  verdict: StatementFact['verdict'],
  statementDate: string | null = null,
  id = `st-${++seq}`,
): StatementFact => ({
  id,
  organizationId,
  kind,
  verdict,
  statementDate,
});
const round = (r: RoundFact['round'], statements: StatementFact[], id = `round-${r}`): RoundFact => ({ id, round: r, statements });
const election = (observerIds: string[], rounds: RoundFact[]): ElectionFact => ({ id: 'el-1', observerIds, rounds });

describe('headline', () => {
  it('takes the most considered statement: final > preliminary > press > interview', () => {
    const interview = st(S, 'INTERVIEW', 'CONDEMNED', '2024-03-05');
    const press = st(S, 'PRESS', 'ENDORSED', '2024-03-04');
    const prelim = st(S, 'PRELIMINARY', 'MIXED', '2024-03-02');
    const final = st(S, 'FINAL', 'CRITICAL', '2024-05-01');
    expect(headline([interview, press, prelim, final])).toBe(final);
    expect(headline([interview, press, prelim])).toBe(prelim);
    expect(headline([interview, press])).toBe(press);
    expect(headline([final, interview, prelim, press])).toBe(final); // order does not matter
  });

  it('prefers a statement with a verdict over a weightier one without, then the later of two of one kind', () => {
    const uncoded = st(S, 'FINAL', null, '2024-05-01');
    const press = st(S, 'PRESS', 'MIXED', '2024-03-04');
    expect(headline([uncoded, press])).toBe(press);
    const early = st(S, 'PRESS', 'ENDORSED', '2024-03-01');
    const late = st(S, 'PRESS', 'CRITICAL', '2024-03-09');
    expect(headline([late, early])).toBe(late);
    expect(headline([])).toBeNull();
  });
});

describe('compareElection', () => {
  it('compares the subject headline with each other body: gap is subject minus other, agrees when equal', () => {
    const sPress = st(S, 'PRESS', 'ENDORSED', '2024-03-04', 's-press');
    const sFinal = st(S, 'FINAL', 'LARGELY_POSITIVE', '2024-05-01', 's-final');
    const aPrelim = st(A, 'PRELIMINARY', 'CRITICAL', '2024-03-04', 'a-prelim');
    const cPress = st(C, 'PRESS', 'LARGELY_POSITIVE', '2024-03-05', 'c-press');
    const c = compareElection(election([S, A], [round('FIRST', [sPress, aPrelim, sFinal, cPress])]), S);
    expect(c.subjectObserved).toBe(true);
    expect(c.rounds).toHaveLength(1);
    const r = c.rounds[0]!;
    expect(r).toMatchObject({
      roundId: 'round-FIRST',
      round: 'FIRST',
      subjectVerdict: 'LARGELY_POSITIVE',
      subjectScore: 4,
      subjectStatementIds: ['s-press', 's-final'],
    });
    expect(r.others).toEqual([
      // 4 − 2 = +2: the subject was two steps more favourable.
      { organizationId: A, statementIds: ['a-prelim'], verdict: 'CRITICAL', score: 2, gap: 2, agrees: false, status: 'BOTH_ASSESSED' },
      // A body with a statement but no mission is compared too.
      {
        organizationId: C,
        statementIds: ['c-press'],
        verdict: 'LARGELY_POSITIVE',
        score: 4,
        gap: 0,
        agrees: true,
        status: 'BOTH_ASSESSED',
      },
    ]);
    expect(c.missing).toEqual([]);
  });

  it('reports a body that did not observe as OTHER_DID_NOT_OBSERVE, without score or gap, and lists it as missing', () => {
    const c = compareElection(
      election(
        [S, A],
        [round('FIRST', [st(S, 'FINAL', 'MIXED'), st(A, 'FINAL', 'MIXED'), st(B, 'DECLINED', 'NOT_OBSERVED', null, 'b-declined')])],
      ),
      S,
    );
    expect(c.rounds[0]!.others.find((o) => o.organizationId === B)).toEqual({
      organizationId: B,
      statementIds: ['b-declined'],
      verdict: 'NOT_OBSERVED',
      score: null,
      gap: null,
      agrees: null,
      status: 'OTHER_DID_NOT_OBSERVE',
    });
    expect(c.missing).toEqual([{ kind: 'OTHER_DID_NOT_OBSERVE', organizationId: B, round: 'FIRST' }]);
  });

  it('an observer without a verdict is OTHER_NOT_ASSESSED and missing; a non-observer without one is not listed as missing', () => {
    const c = compareElection(
      election([S, A, B], [round('FIRST', [st(S, 'FINAL', 'ENDORSED'), st(B, 'FINAL', 'ENDORSED'), st(C, 'PRESS', null)])]),
      S,
    );
    const byOrg = Object.fromEntries(c.rounds[0]!.others.map((o) => [o.organizationId, o]));
    expect(byOrg[A]).toMatchObject({ statementIds: [], verdict: null, score: null, gap: null, agrees: null, status: 'OTHER_NOT_ASSESSED' });
    expect(byOrg[B]).toMatchObject({ gap: 0, agrees: true, status: 'BOTH_ASSESSED' });
    expect(byOrg[C]).toMatchObject({ status: 'OTHER_NOT_ASSESSED' });
    expect(c.missing).toEqual([{ kind: 'OTHER_OBSERVED_WITHOUT_ASSESSMENT', organizationId: A, round: 'FIRST' }]);
  });

  it('a subject that observed but gave no verdict: SUBJECT_NOT_ASSESSED, missing its assessment', () => {
    const c = compareElection(election([S, A], [round('FIRST', [st(A, 'FINAL', 'CRITICAL')])]), S);
    expect(c.subjectObserved).toBe(true);
    expect(c.rounds[0]).toMatchObject({ subjectVerdict: null, subjectScore: null, subjectStatementIds: [] });
    expect(c.rounds[0]!.others).toEqual([
      {
        organizationId: A,
        statementIds: expect.any(Array),
        verdict: 'CRITICAL',
        score: 2,
        gap: null,
        agrees: null,
        status: 'SUBJECT_NOT_ASSESSED',
      },
    ]);
    expect(c.missing).toEqual([{ kind: 'SUBJECT_OBSERVED_WITHOUT_ASSESSMENT', organizationId: S, round: 'FIRST' }]);
  });

  it('a subject that was not there (no mission, only a declined statement): SUBJECT_DID_NOT_OBSERVE, nothing missing', () => {
    const c = compareElection(election([A], [round('FIRST', [st(S, 'DECLINED', 'NOT_OBSERVED'), st(A, 'FINAL', 'MIXED')])]), S);
    expect(c.subjectObserved).toBe(false);
    expect(c.rounds[0]).toMatchObject({ subjectVerdict: 'NOT_OBSERVED', subjectScore: null });
    expect(c.rounds[0]!.others[0]).toMatchObject({
      organizationId: A,
      score: 3,
      gap: null,
      agrees: null,
      status: 'SUBJECT_DID_NOT_OBSERVE',
    });
    expect(c.missing).toEqual([]);
    // Whereas a statement with a verdict makes the subject an observer even without a mission record.
    const d = compareElection(election([A], [round('FIRST', [st(S, 'PRESS', 'ENDORSED'), st(A, 'FINAL', 'MIXED')])]), S);
    expect(d.subjectObserved).toBe(true);
    expect(d.rounds[0]!.others[0]).toMatchObject({ gap: 2, status: 'BOTH_ASSESSED' });
  });

  it('compares round by round with each round’s own headline', () => {
    const c = compareElection(
      election(
        [S, A],
        [
          round('FIRST', [st(S, 'FINAL', 'LARGELY_POSITIVE'), st(A, 'FINAL', 'MIXED')]),
          round('SECOND', [st(S, 'PRELIMINARY', 'ENDORSED'), st(S, 'INTERVIEW', 'CRITICAL'), st(A, 'PRESS', 'CONDEMNED')]),
        ],
      ),
      S,
    );
    expect(c.rounds.map((r) => [r.round, r.subjectVerdict, r.others[0]!.verdict, r.others[0]!.gap])).toEqual([
      ['FIRST', 'LARGELY_POSITIVE', 'MIXED', 1],
      ['SECOND', 'ENDORSED', 'CONDEMNED', 4],
    ]);
  });

  it('when no other body assessed anything, the subject is missing a comparison', () => {
    const c = compareElection(election([S, A], [round('FIRST', [st(S, 'FINAL', 'ENDORSED'), st(A, 'DECLINED', 'NOT_OBSERVED')])]), S);
    expect(c.missing).toEqual([
      { kind: 'OTHER_DID_NOT_OBSERVE', organizationId: A, round: 'FIRST' },
      { kind: 'NO_OTHER_ASSESSMENT', organizationId: S, round: null },
    ]);
  });

  it('an observed election without rounds misses the subject assessment and any comparison', () => {
    const c = compareElection(election([S, A], []), S);
    expect(c).toEqual({
      electionId: 'el-1',
      subjectId: S,
      subjectObserved: true,
      rounds: [],
      missing: [
        { kind: 'SUBJECT_OBSERVED_WITHOUT_ASSESSMENT', organizationId: S, round: null },
        { kind: 'NO_OTHER_ASSESSMENT', organizationId: S, round: null },
      ],
    });
  });

  it('any organization can be the subject: swapping the subject flips the sign of the gap (negative when less favourable)', () => {
    const e = election([S, A], [round('FIRST', [st(S, 'FINAL', 'ENDORSED'), st(A, 'FINAL', 'CRITICAL')])]);
    expect(compareElection(e, S).rounds[0]!.others[0]).toMatchObject({ organizationId: A, gap: 3 });
    expect(compareElection(e, A).rounds[0]!.others[0]).toMatchObject({ organizationId: S, gap: -3 });
  });
});
