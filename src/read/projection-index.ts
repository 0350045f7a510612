/**
 * The projection tables' scores, held in memory while the data stays unchanged: what the summary of
 * a comparison and its SUBJECT scope read, for any subject and any set of elections, without a
 * statement per request. One load reads the narrow columns of RoundBody and ElectionBody (about
 * 16 bytes a row once loaded); a summary over a thousand elections then walks some twenty
 * thousand rows in memory, where the same grouping in SQL takes tens of milliseconds.
 *
 * `summaryFromProjections` (projections.ts) is the same summary as grouped SQL; the projection
 * test holds the two, and the oracle over the facts, equal.
 */
import { providerOfClient } from '../db/client.js';
import { pairs, summarizeGroups, type ComparisonSummary, type RoundGroup } from '../comparison/aggregate.js';
import type { RawClient } from './comparison-facts.js';
import type { ReadCache } from './read-cache.js';

/** A score of 1..5, or none (0), as held in the rows' score column. */
const NONE = 0;
/** Group numbers of one body: 6 subject scores × 6 of its own × declined or not × subject observed or not. */
const GROUPS_PER_BODY = 6 * 6 * 2 * 2;

interface RoundRow {
  electionId: string;
  roundId: string;
  organizationId: string;
  score: number | bigint | null;
  declined: number | bigint | boolean;
}

interface BodyRow {
  electionId: string;
  organizationId: string;
  observed: number | bigint | boolean;
}

/** The index for the data as it stands, built once per data version and kept in the read cache. */
export function projectionIndexOf(database: { db: RawClient; cache: ReadCache }): Promise<ProjectionIndex> {
  return database.cache.keep('projection-index', () => ProjectionIndex.load(database.db));
}

export class ProjectionIndex {
  /** Organization ids by number, and back. */
  private readonly orgIds: string[] = [];
  private readonly orgNumbers = new Map<string, number>();
  /** Per row, in (election, round) order: the round's number, the body, its score, whether it declined. */
  private readonly round: Int32Array;
  private readonly org: Int32Array;
  private readonly score: Uint8Array;
  private readonly declined: Uint8Array;
  /** The rows of each election: [start, end). */
  private readonly ranges = new Map<string, [number, number]>();
  /** Elections each body observed (a mission, or a statement that is not a refusal), by body number. */
  private readonly observed = new Map<number, Set<string>>();
  /** Elections each body observed or made any statement on (a refusal too), by body number. */
  private readonly present = new Map<number, Set<string>>();

  private constructor(rows: RoundRow[], bodies: BodyRow[]) {
    this.round = new Int32Array(rows.length);
    this.org = new Int32Array(rows.length);
    this.score = new Uint8Array(rows.length);
    this.declined = new Uint8Array(rows.length);
    let roundNumber = -1;
    let lastRound = '';
    let start = 0;
    rows.forEach((row, i) => {
      if (row.roundId !== lastRound) {
        roundNumber++;
        lastRound = row.roundId;
      }
      if (i > 0 && rows[i - 1].electionId !== row.electionId) {
        this.ranges.set(rows[i - 1].electionId, [start, i]);
        start = i;
      }
      this.round[i] = roundNumber;
      this.org[i] = this.numberOf(row.organizationId);
      this.score[i] = row.score === null ? NONE : Number(row.score);
      this.declined[i] = Number(row.declined) ? 1 : 0;
    });
    if (rows.length) this.ranges.set(rows[rows.length - 1].electionId, [start, rows.length]);
    const add = (sets: Map<number, Set<string>>, n: number, electionId: string) => {
      let set = sets.get(n);
      if (!set) sets.set(n, (set = new Set()));
      set.add(electionId);
    };
    for (const b of bodies) {
      const n = this.numberOf(b.organizationId);
      add(this.present, n, b.electionId);
      if (Number(b.observed)) add(this.observed, n, b.electionId);
    }
  }

  private numberOf(organizationId: string): number {
    let n = this.orgNumbers.get(organizationId);
    if (n === undefined) {
      n = this.orgIds.length;
      this.orgIds.push(organizationId);
      this.orgNumbers.set(organizationId, n);
    }
    return n;
  }

  /** Reads the projection tables: two statements, whatever the number of elections. */
  static async load(db: RawClient): Promise<ProjectionIndex> {
    const notObserved = providerOfClient(db) === 'postgresql' ? `(b.verdict = 'NOT_OBSERVED')::int` : `b.verdict = 'NOT_OBSERVED'`;
    const [rows, bodies] = await Promise.all([
      db.$queryRawUnsafe<RoundRow[]>(
        `SELECT b."electionId", b."roundId", b."organizationId", b.score, coalesce(${notObserved}, 0) AS declined
         FROM "RoundBody" b ORDER BY b."electionId", b."roundId"`,
      ),
      db.$queryRawUnsafe<BodyRow[]>(
        `SELECT b."electionId", b."organizationId", CASE WHEN b.observer OR b."observedByStatement" THEN 1 ELSE 0 END AS observed
         FROM "ElectionBody" b`,
      ),
    ]);
    return new ProjectionIndex(rows, bodies);
  }

  private setOf(sets: Map<number, Set<string>>, organizationId: string): ReadonlySet<string> {
    const n = this.orgNumbers.get(organizationId);
    return (n === undefined ? undefined : sets.get(n)) ?? new Set();
  }

  /**
   * Elections the body observed or made any statement on (observation.ts's `observedBy`: the
   * projection has a row for exactly those): what the comparison's SUBJECT scope keeps.
   */
  observedOrAssessedBy(organizationId: string): ReadonlySet<string> {
    return this.setOf(this.present, organizationId);
  }

  /**
   * Elections with a round the subject and another body both assessed (the pairs the agreement
   * figures count; with `bodyId`, that body): what the comparison's PAIRED scope keeps.
   */
  pairedElections(subjectId: string, bodyId: string | null): ReadonlySet<string> {
    const subject = this.orgNumbers.get(subjectId) ?? -1;
    const body = bodyId === null ? null : (this.orgNumbers.get(bodyId) ?? -2);
    const observed = this.setOf(this.observed, subjectId);
    const out = new Set<string>();
    for (const [electionId, [start, end]] of this.ranges) {
      const subjectObserved = observed.has(electionId);
      if (!subjectObserved) continue;
      rounds: for (let first = start; first < end; ) {
        let last = first;
        let mine = NONE;
        while (last < end && this.round[last] === this.round[first]) {
          if (this.org[last] === subject) mine = this.score[last];
          last++;
        }
        for (let i = first; i < last; i++) {
          if (this.org[i] === subject || (body !== null && this.org[i] !== body)) continue;
          const group = {
            otherDidNotObserve: this.declined[i] === 1,
            subjectObserved,
            subjectScore: mine === NONE ? null : mine,
            otherScore: this.score[i] === NONE ? null : this.score[i],
          };
          if (pairs(group)) {
            out.add(electionId);
            break rounds;
          }
        }
        first = last;
      }
    }
    return out;
  }

  /** The comparison's summary for `subjectId` over these elections (as summaryFromProjections computes it). */
  summary(subjectId: string, electionIds: string[]): ComparisonSummary {
    const subject = this.orgNumbers.get(subjectId) ?? -1;
    const observed = this.setOf(this.observed, subjectId);
    // Round groups counted under one number: body, the subject's score, the body's, declined, subject observed.
    const groups = new Int32Array(this.orgIds.length * GROUPS_PER_BODY);
    let subjectObservedElections = 0;
    let subjectAssessedElections = 0;
    let subjectAssessedRounds = 0;
    let roundsWithAnyPair = 0;
    for (const electionId of electionIds) {
      const subjectObserved = observed.has(electionId);
      if (subjectObserved) subjectObservedElections++;
      const range = this.ranges.get(electionId);
      if (!range) continue;
      let assessed = false;
      for (let first = range[0]; first < range[1]; ) {
        let end = first;
        let mine = NONE;
        while (end < range[1] && this.round[end] === this.round[first]) {
          if (this.org[end] === subject) mine = this.score[end];
          end++;
        }
        let anyOther = false;
        for (let i = first; i < end; i++) {
          if (this.org[i] === subject) continue;
          if (this.score[i] !== NONE) anyOther = true;
          const key = (((this.org[i] * 6 + mine) * 6 + this.score[i]) * 2 + this.declined[i]) * 2 + (subjectObserved ? 1 : 0);
          groups[key]++;
        }
        if (mine !== NONE) {
          subjectAssessedRounds++;
          if (subjectObserved) {
            assessed = true;
            if (anyOther) roundsWithAnyPair++;
          }
        }
        first = end;
      }
      if (assessed) subjectAssessedElections++;
    }
    const roundGroups: RoundGroup[] = [];
    for (let key = 0; key < groups.length; key++) {
      const rounds = groups[key];
      if (!rounds) continue;
      const observedBit = key % 2;
      const declined = Math.floor(key / 2) % 2;
      const other = Math.floor(key / 4) % 6;
      const mine = Math.floor(key / 24) % 6;
      const org = Math.floor(key / GROUPS_PER_BODY);
      roundGroups.push({
        organizationId: this.orgIds[org],
        subjectScore: mine === NONE ? null : mine,
        otherScore: other === NONE ? null : other,
        otherDidNotObserve: declined === 1,
        subjectObserved: observedBit === 1,
        rounds,
      });
    }
    // The SQL's group order is not the summary's: summarizeGroups sorts the bodies itself.
    return summarizeGroups(
      { elections: electionIds.length, subjectObservedElections, subjectAssessedElections, subjectAssessedRounds, roundsWithAnyPair },
      roundGroups,
    );
  }
}
