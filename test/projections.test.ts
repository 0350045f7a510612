/**
 * The comparison's projection tables against the oracle: the pure comparison computed on the fly
 * from the facts. On the bundled data and on a synthetic world, after ingests, withdrawals, merges
 * and splits, the stored projection must be what a rebuild from the facts makes, and every
 * election's comparison and every summary must equal the oracle's, for several subjects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareElection, compareProjected } from '../src/comparison/projection.js';
import { summarize } from '../src/comparison/aggregate.js';
import { loadElectionFacts } from '../src/read/comparison-facts.js';
import { loadProjections, rebuildProjections, summaryFromProjections } from '../src/read/projections.js';
import { ingestStatementsFile } from '../src/ingest/pipeline.js';
import { mergeRecords, splitRecord } from '../src/curation/merge.js';
import { setVerdict } from '../src/curation/verdicts.js';
import { withdrawSource } from '../src/curation/withdrawals.js';
import { generateStatements, HEADER } from '../src/synth/world.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { normalizeName } from '../src/reconcile/normalize.js';
import { ProjectionIndex } from '../src/read/projection-index.js';
import { observedBy } from '../src/read/observation.js';
import type { Db } from '../src/db/client.js';
import type { ElectionFact } from '../src/comparison/compare.js';

/**
 * Both readings of the summary (the grouped SQL, the in-memory index) equal the oracle's over these
 * elections, and the index's SUBJECT scope is the elections observedBy's rule finds.
 */
async function expectSummaries(db: Db, index: ProjectionIndex, subject: string, ids: string[], facts: Map<string, ElectionFact>) {
  const oracle = summarize(ids.map((id) => compareElection(facts.get(id)!, subject)));
  expect(await summaryFromProjections(db, subject, ids)).toEqual(oracle);
  expect(index.summary(subject, ids)).toEqual(oracle);
  const observed = await db.election.findMany({ where: observedBy(subject), select: { id: true } });
  expect([...index.observedOrAssessedBy(subject)].sort()).toEqual(observed.map((e) => e.id).sort());
  return oracle;
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const idOf = async (name: string) =>
  (await t.db.alias.findFirstOrThrow({ where: { normalized: normalizeName(name), organizationId: { not: null } } })).organizationId!;

/** The projection rows as stored, in a fixed order. */
async function storedRows() {
  return {
    rounds: await t.db.roundBody.findMany({ orderBy: { id: 'asc' } }),
    elections: await t.db.electionBody.findMany({ orderBy: { id: 'asc' } }),
  };
}

/** Holds the stored projection, and everything read from it, to the oracle. */
async function expectOracle(subjects: string[]): Promise<void> {
  const kept = await storedRows();
  await t.db.$transaction((tx) => rebuildProjections(tx));
  expect(await storedRows()).toEqual(kept);

  const electionIds = (await t.db.election.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((e) => e.id);
  const facts = await loadElectionFacts(t.db, electionIds);
  const projections = await loadProjections(t.db, electionIds);
  const someIds = electionIds.filter((_, i) => i % 3 === 0);
  const index = await ProjectionIndex.load(t.db);
  for (const subject of subjects) {
    const oracle = electionIds.map((id) => compareElection(facts.get(id)!, subject));
    expect(electionIds.map((id) => compareProjected(projections.get(id)!, subject))).toEqual(oracle);
    await expectSummaries(t.db, index, subject, electionIds, facts);
    await expectSummaries(t.db, index, subject, someIds, facts);
  }
}

describe('the projection tables hold what the comparison computes from the facts', () => {
  let subjects: string[];
  beforeAll(async () => {
    subjects = await Promise.all(['CIS-EMO', 'OSCE/ODIHR', 'PACE'].map(idOf));
  });

  it('on the bundled data, for several subjects and election sets', async () => {
    expect(await t.db.roundBody.count()).toBeGreaterThan(50);
    await expectOracle(subjects);
  });

  it('after an ingest, a human verdict and a withdrawal', async () => {
    const file = path.join(t.dir, 'more.csv');
    fs.writeFileSync(
      file,
      `${HEADER}\nCIS-EMO,Ukraine,presidential,2010-01-17,1,2010-01-18,press,,the vote was exemplary,en,false,ENDORSED,x,,\n` +
        'PACE,Ukraine,presidential,2010-01-17,1,2010-01-18,final,,the vote met most commitments,en,false,LARGELY_POSITIVE,x,,\n',
    );
    await ingestStatementsFile(t.db, file);
    await expectOracle(subjects);
    const statement = await t.db.statement.findFirstOrThrow({ where: { organizationId: subjects[0] }, orderBy: { id: 'asc' } });
    await t.db.$transaction((tx) => setVerdict(tx, 'oracle', statement.id, 'CONDEMNED', null));
    await expectOracle(subjects);
    const extra = await t.db.source.findUniqueOrThrow({ where: { key: 'dataset/assessments-extra.csv' } });
    await t.db.$transaction((tx) => withdrawSource(tx, 'oracle', extra.id, null));
    await expectOracle(subjects);
  });

  it('after a merge and its split', async () => {
    const pace = subjects[2];
    const other = await idOf('OSCE Parliamentary Assembly');
    await t.db.$transaction((tx) => mergeRecords(tx, 'oracle', 'Organization', pace, other, null), { timeout: 60_000 });
    await expectOracle(subjects);
    await t.db.$transaction((tx) => splitRecord(tx, 'oracle', 'Organization', other, null), { timeout: 60_000 });
    await expectOracle(subjects);
  });
});

describe('on a synthetic world', () => {
  let s: TestDatabase;
  beforeAll(async () => {
    s = await createTestDatabase();
    const lines: string[] = [];
    generateStatements({ elections: 150, statements: 1_500, seed: 7 }, (line) => lines.push(line));
    const file = path.join(s.dir, 'synth.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    await ingestStatementsFile(s.db, file);
  }, 120_000);
  afterAll(async () => s?.close());

  it('every election and summary equals the oracle for the busiest bodies', async () => {
    const busiest = await s.db.statement.groupBy({
      by: ['organizationId'],
      _count: { id: true },
      orderBy: { _count: { id: 'desc' } },
      take: 4,
    });
    const electionIds = (await s.db.election.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((e) => e.id);
    expect(electionIds.length).toBeGreaterThan(100);
    const facts = await loadElectionFacts(s.db, electionIds);
    const projections = await loadProjections(s.db, electionIds);
    const index = await ProjectionIndex.load(s.db);
    for (const { organizationId } of busiest) {
      const oracle = electionIds.map((id) => compareElection(facts.get(id)!, organizationId));
      expect(electionIds.map((id) => compareProjected(projections.get(id)!, organizationId))).toEqual(oracle);
      const summary = await expectSummaries(s.db, index, organizationId, electionIds, facts);
      await expectSummaries(
        s.db,
        index,
        organizationId,
        electionIds.filter((_, i) => i % 4 === 1),
        facts,
      );
      expect(summary.pooled.pairedRounds).toBeGreaterThan(0);
    }
  });
});
