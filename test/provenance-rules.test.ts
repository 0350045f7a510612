/**
 * The provenance rules of ingestion, on inputs written here: small annotation files over
 * synthetic documents and snippets of an article in the structure of source 000.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { ingestedAndRolledBack } from './helpers/rolled-back.js';
import { Store } from '../src/ingest/store.js';
import { Reconciler } from '../src/reconcile/reconciler.js';
import { loadReference } from '../src/ingest/load-reference.js';
import { claimLocationProblem, ClaimLocationError, EvidenceError, ingestAnnotations, readCount } from '../src/ingest/annotations.js';
import { ingestArticle000, parseActivity, venueOf, type ElectionTitle } from '../src/ingest/article-000.js';
import type { SourceAnnotations } from '../src/ingest/annotation-format.js';
import { findConflicts } from '../src/reconcile/conflicts.js';
import { stableId } from '../src/reconcile/ids.js';

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase({ load: false });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provenance-rules-'));
});
afterAll(async () => {
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Ingests for real (committed when it succeeds). */
async function committed(ingest: (store: Store) => Promise<void>): Promise<void> {
  await t.db.$transaction(
    async (tx) => {
      const store = new Store(tx, new Reconciler());
      await store.prepare();
      await loadReference(store);
      await ingest(store);
      await store.flush();
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

let n = 0;
/** Writes an annotation file for a synthetic document; returns how to ingest it. */
function annotationFile(text: string, body: Omit<SourceAnnotations, 'file' | 'title'>, number = 900 + n++) {
  const file = path.join(dir, `${number}.json`);
  const annotations: SourceAnnotations = { file: `${number}_synthetic.txt`, title: `Synthetic ${number}`, ...body };
  fs.writeFileSync(file, JSON.stringify(annotations, null, 2));
  return {
    file,
    ingest: (store: Store) => ingestAnnotations(store, file, { sourceText: text }),
    sourceId: stableId('source', `corpus/${number}`),
  };
}

const DOC = [
  'Meeting in Minsk', // 1
  '', // 2
  'Ivan Petrovsky, Chair of the Central Election Commission of the Republic of Belarus, opened the meeting.', // 3
  'He was arrested in 2001 and later released.', // 4
  'The CEC of Belarus sent some 300 observers from over 20 countries; the mission counted more than 50 members.', // 5
  'The commission consists of 12 members.', // 6
].join('\n');

describe('a name is claimed only where the source writes it', () => {
  it('refuses a person whose evidence does not name them, naming file, field and line, and writes nothing', async () => {
    const { file, ingest, sourceId } = annotationFile(DOC, {
      persons: [{ name: 'Ivan Petrovsky', evidence: 'He was arrested in 2001 and later released.' }],
    });
    const error = await committed(ingest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClaimLocationError);
    const message = (error as Error).message;
    expect(message).toContain(path.relative(process.cwd(), file));
    expect(message).toContain('persons[0] "Ivan Petrovsky"');
    expect(message).toContain('Person name "Ivan Petrovsky" is claimed at line 4');
    expect(await t.db.claim.count({ where: { sourceId } })).toBe(0);
    expect(await t.db.person.count({ where: { name: 'Ivan Petrovsky' } })).toBe(0);
    expect(await t.db.source.count({ where: { id: sourceId } })).toBe(0);
  });

  it('a fact of a "he" sentence cites that sentence; the name claim stays where the name stands', async () => {
    const { ingest, sourceId } = annotationFile(DOC, {
      persons: [{ name: 'Ivan Petrovsky', evidence: 'Ivan Petrovsky, Chair of the Central Election Commission' }],
      memberships: [
        {
          person: 'Ivan Petrovsky',
          organization: 'CEC of Belarus',
          role: 'Chair',
          evidence: 'Ivan Petrovsky, Chair of the Central Election Commission',
        },
      ],
      events: [
        {
          key: 'petrovsky-arrest-2001',
          name: 'Arrest of Ivan Petrovsky',
          kind: 'ARREST',
          date: '2001',
          participants: [{ person: 'Ivan Petrovsky', role: 'arrested' }],
          evidence: 'He was arrested in 2001 and later released.',
        },
      ],
    });
    const claims = await ingestedAndRolledBack(t.db, ingest, (tx) =>
      tx.claim.findMany({ where: { sourceId }, orderBy: { locator: 'asc' } }),
    );
    expect(claims.filter((c) => c.property === 'name').map((c) => [c.entityType, c.locator])).toEqual([['Person', 'line 3']]);
    expect(claims.filter((c) => c.entityType === 'Event').map((c) => c.locator)).toEqual(['line 4']);
    expect(claims.filter((c) => c.entityType === 'EventParticipant').map((c) => c.locator)).toEqual(['line 4']);
  });

  it('refuses a person a fact introduces without naming them (declare them where they are named)', async () => {
    const { ingest } = annotationFile(DOC, {
      memberships: [{ person: 'Oleg Sidorenko', role: 'observer', evidence: 'He was arrested in 2001 and later released.' }],
    });
    await expect(committed(ingest)).rejects.toThrow(
      /memberships\[0\] "Oleg Sidorenko" observer: .*Person name "Oleg Sidorenko" is claimed at line 4/,
    );
  });

  it("an alias stands in the entry's evidence, or names its own; an area named by an entry stands in its line", async () => {
    const wrongAlias = annotationFile(DOC, {
      organizations: [
        {
          name: 'Central Election Commission of the Republic of Belarus',
          kind: 'ELECTION_COMMISSION',
          aliases: ['CEC of Belarus'],
          evidence: 'Chair of the Central Election Commission of the Republic of Belarus',
        },
      ],
    });
    await expect(committed(wrongAlias.ingest)).rejects.toThrow(/organizations\[0\].*alias "CEC of Belarus" is claimed at line 3/);

    const wrongArea = annotationFile(DOC, {
      organizations: [{ name: 'Minsk Election Club', kind: 'NGO', area: 'Kazakhstan', evidence: 'opened the meeting' }],
    });
    await expect(committed(wrongArea.ingest)).rejects.toThrow(/Area mentionedAs "Kazakhstan" is claimed at line 3/);

    const ok = annotationFile(DOC, {
      organizations: [
        {
          name: 'Central Election Commission of the Republic of Belarus',
          kind: 'ELECTION_COMMISSION',
          aliases: [{ name: 'CEC of Belarus', evidence: 'The CEC of Belarus sent' }],
          evidence: 'Chair of the Central Election Commission of the Republic of Belarus',
        },
      ],
    });
    const aliases = await ingestedAndRolledBack(t.db, ok.ingest, (tx) =>
      tx.claim.findMany({ where: { sourceId: ok.sourceId, property: 'alias' } }),
    );
    expect(aliases.map((c) => [JSON.parse(c.value), c.locator])).toEqual([['CEC of Belarus', 'line 5']]);
  });

  it('checks excerpts and names of a claim against its lines, folded', () => {
    const lines = ['- Tskhinval<nowiki/>i, 2010', 'Paul-Marie Coûteaux, member of EU Parliament'];
    const claim = (property: string, value: unknown, locator: string, excerpt: string) => ({
      entityType: 'Person',
      property,
      value,
      locator,
      excerpt,
    });
    expect(claimLocationProblem(lines, { ...claim('mentionedAs', 'Tskhinvali', 'line 1', '- Tskhinval'), entityType: 'Area' })).toBeNull();
    expect(claimLocationProblem(lines, claim('name', 'Paul-Marie Couteaux', 'line 2', 'Coûteaux'))).toBeNull();
    expect(claimLocationProblem(lines, claim('name', 'Marie', 'line 1', '2010'))).toMatch(/does not write it/);
    expect(claimLocationProblem(lines, claim('name', 'Russia', 'line 2', 'member'))).toMatch(/does not write it/);
    expect(claimLocationProblem(lines, claim('role', 'member', 'line 1', 'member'))).toMatch(/excerpt "member" does not stand at line 1/);
    expect(claimLocationProblem(lines, claim('role', 'x', 'line 9', 'x'))).toMatch(/names no line/);
    // A name inside a longer word does not stand there: "Russian" is not "Russia".
    expect(
      claimLocationProblem(['the Russian commission'], { ...claim('mentionedAs', 'Russia', 'line 1', 'the'), entityType: 'Area' }),
    ).toMatch(/does not write it/);
    expect(
      claimLocationProblem(['a', 'CIS-EMO observed:', '- x'], {
        ...claim('missionCount', 1, 'lines 2-3', 'CIS-EMO observed:'),
        entityType: 'Organization',
      }),
    ).toBeNull();
  });
});

describe('counts keep how the source qualifies them', () => {
  it('reads qualifiers as a class', () => {
    expect(readCount('monitored by about 1200 foreign observers', 1200)).toEqual({ value: 1200, qualifier: 'about' });
    expect(readCount('by about 1,200 observers', 1200)).toEqual({ value: 1200, qualifier: 'about' });
    expect(readCount('participated in more than 50 missions', 50)).toEqual({ value: 50, qualifier: 'more than' });
    expect(readCount('no more than 10 observers', 10)).toEqual({ value: 10, qualifier: 'no more than' });
    expect(readCount('over 20 countries', 20)).toEqual({ value: 20, qualifier: 'over' });
    expect(readCount('some 300 observers', 300)).toEqual({ value: 300, qualifier: 'some' });
    expect(readCount('nearly 40 states', 40)).toEqual({ value: 40, qualifier: 'nearly' });
    expect(readCount('up to 30 members', 30)).toEqual({ value: 30, qualifier: 'up to' });
    expect(readCount('consists of 7 deputies', 7)).toEqual({ value: 7, qualifier: null });
    expect(readCount('handsome 5 observers', 5)).toEqual({ value: 5, qualifier: null });
    expect(readCount('from 49 countries', 4)).toBeNull();
    expect(readCount('in 2004, he founded', 2004)).toEqual({ value: 2004, qualifier: null });
  });

  it('stores a qualified observer count as approximate and refuses an annotation that calls it exact', async () => {
    const ok = annotationFile(DOC, {
      observerCounts: [
        {
          area: 'Belarus',
          electionType: 'presidential',
          date: '2001-09',
          observers: 300,
          countries: 20,
          evidence: 'The CEC of Belarus sent some 300 observers from over 20 countries',
        },
      ],
      organizations: [{ name: 'CEC of Belarus', kind: 'ELECTION_COMMISSION', memberCount: 12, evidence: 'The CEC of Belarus sent' }],
      claims: [
        {
          entity: { type: 'Organization', name: 'CEC of Belarus' },
          property: 'missionMembers',
          value: 50,
          evidence: 'the mission counted more than 50 members',
        },
        {
          entity: { type: 'Organization', name: 'CEC of Belarus' },
          property: 'members',
          value: 12,
          evidence: 'The commission consists of 12 members.',
        },
      ],
    });
    // "Belarus" stands on line 5 ("CEC of Belarus").
    const claims = await ingestedAndRolledBack(t.db, ok.ingest, (tx) => tx.claim.findMany({ where: { sourceId: ok.sourceId } }));
    const value = (p: string) => claims.filter((c) => c.property === p).map((c) => JSON.parse(c.value));
    expect(value('internationalObserverCount')).toEqual([
      { observers: 300, countries: 20, approximate: true, qualifier: 'some', countriesApproximate: true, countriesQualifier: 'over' },
    ]);
    expect(value('missionMembers')).toEqual([{ value: 50, qualifier: 'more than', approximate: true }]);
    expect(value('members')).toEqual([12]);
    // memberCount 12 is not written on line 5: a derived count stays a plain number.
    expect(value('memberCount')).toEqual([12]);

    const exact = annotationFile(DOC, {
      observerCounts: [
        {
          area: 'Belarus',
          electionType: 'presidential',
          date: '2001-09',
          observers: 300,
          approximate: false,
          evidence: 'The CEC of Belarus sent some 300 observers',
        },
      ],
    });
    await expect(committed(exact.ingest)).rejects.toThrow(/"approximate": false, but the evidence writes "some 300"/);

    const absent = annotationFile(DOC, {
      observerCounts: [
        {
          area: 'Belarus',
          electionType: 'presidential',
          date: '2001-09',
          observers: 3000,
          evidence: 'The CEC of Belarus sent some 300 observers',
        },
      ],
    });
    await expect(committed(absent.ingest)).rejects.toThrow(/does not write 3000 observers/);

    const asText = annotationFile(DOC, {
      claims: [
        {
          entity: { type: 'Organization', name: 'CEC of Belarus' },
          property: 'missionMembers',
          value: '>50',
          evidence: 'more than 50 members',
        },
      ],
    });
    await expect(committed(asText.ingest)).rejects.toThrow(EvidenceError);
  });

  it('qualified counts conflict only when their ranges cannot overlap', () => {
    const claim = (value: unknown, id = Math.random().toString()) => ({
      entityType: 'Organization',
      entityId: 'o',
      property: 'missionCount',
      value: JSON.stringify(value),
      id,
    });
    const moreThan50 = { value: 50, qualifier: 'more than', approximate: true };
    expect(findConflicts([claim(44), claim(moreThan50)])).toHaveLength(1);
    expect(findConflicts([claim(60), claim(moreThan50)])).toHaveLength(0);
    expect(findConflicts([claim(50), claim(moreThan50)])).toHaveLength(1);
    const about1200 = { value: 1200, qualifier: 'about', approximate: true };
    expect(findConflicts([claim(1150), claim(about1200)])).toHaveLength(0);
    expect(findConflicts([claim(800), claim(about1200)])).toHaveLength(1);
    expect(findConflicts([claim(44), claim(45)])).toHaveLength(1);
    // Free-text summaries of two sources are not a disagreement.
    expect(
      findConflicts([
        { ...claim('Chair of X.'), property: 'summary' },
        { ...claim('Member of Y.'), property: 'summary' },
      ]),
    ).toEqual([]);
  });
});

describe('a person described by two sources', () => {
  it("keeps both summaries as claims; the record shows the first source's", async () => {
    const first = annotationFile(DOC, {
      persons: [{ name: 'Ivan Petrovsky', summary: 'Chair of the CEC of Belarus.', birthYear: 1960, evidence: 'Ivan Petrovsky, Chair' }],
    });
    const second = annotationFile('Ivan Petrovsky spoke for the delegation.', {
      persons: [{ name: 'Ivan Petrovsky', summary: 'Head of the delegation.', birthYear: 1961, evidence: 'Ivan Petrovsky spoke' }],
    });
    const result = await ingestedAndRolledBack(
      t.db,
      async (store) => {
        await first.ingest(store);
        await second.ingest(store);
      },
      async (tx) => {
        const person = await tx.person.findFirstOrThrow({ where: { name: 'Ivan Petrovsky' } });
        const claims = await tx.claim.findMany({ where: { entityId: person.id, property: { in: ['summary', 'birthYear'] } } });
        return { person, claims };
      },
    );
    expect([result.person.summary, result.person.birthYear]).toEqual(['Chair of the CEC of Belarus.', 1960]);
    const values = (p: string) => result.claims.filter((c) => c.property === p).map((c) => [c.sourceId, JSON.parse(c.value)]);
    expect(values('summary')).toEqual(
      expect.arrayContaining([
        [first.sourceId, 'Chair of the CEC of Belarus.'],
        [second.sourceId, 'Head of the delegation.'],
      ]),
    );
    expect(values('summary')).toHaveLength(2);
    // Two birth years are a real disagreement, kept as a conflict; two summaries are not.
    expect(findConflicts(result.claims).map((c) => c.property)).toEqual(['birthYear']);
  });
});

const LEAD =
  'Commonwealth of the Independent States - Election Monitoring Organization (CIS-EMO) — is an international non-governmental organization.';
const article = (missions: string[], members: string[], activities: string[]) =>
  [
    '= CIS-EMO =',
    '',
    LEAD,
    '',
    '== CIS-EMO International Monitoring Missions ==',
    'CIS-EMO participated in observing the following elections:',
    ...missions.map((m) => `- ${m}`),
    '',
    '== EU Important Members of CIS-EMO Missions ==',
    ...members.map((m) => `- ${m}`),
    '',
    '== CIS-EMO Activities ==',
    ...activities.map((a) => `- ${a}`),
  ].join('\n');

describe('article 000: titles, venues and abbreviations', () => {
  it('files a title by what the reference table says it refers to, and one vote listed twice as one election', async () => {
    const titles: ElectionTitle[] = [
      {
        key: 'test/kostroma-duma-2009',
        source: 'corpus/000',
        title: 'Elections to Kostroma City Hall, Russia, 2009',
        area: 'Kostroma',
        type: 'MUNICIPAL',
        body: 'Kostroma City Duma',
        description: 'Kostroma City Duma election.',
        reason: 'Synthetic: the city council, not the mayor.',
      },
      {
        key: 'test/a',
        source: 'corpus/000',
        title: 'Municipal elections in Estonia, 2005',
        area: 'Estonia',
        type: 'MUNICIPAL',
        date: '2005-10-16',
        description: 'Estonian local elections of 16 October 2005.',
        reason: 'Synthetic: one local-election day.',
      },
      {
        key: 'test/b',
        source: 'corpus/000',
        title: 'Regional elections in Estonia, 2005',
        area: 'Estonia',
        type: 'MUNICIPAL',
        date: '2005-10-16',
        description: 'Estonian local elections of 16 October 2005.',
        reason: 'Synthetic: the same day.',
      },
    ];
    const text = article(
      [
        'Elections to Kostroma City Hall, Russia, 2009',
        'Elections to Moscow City Hall, Russia, 2009',
        'Municipal elections in Estonia, 2005',
        'Regional elections in Estonia, 2005',
      ],
      [],
      [],
    );
    const elections = await ingestedAndRolledBack(
      t.db,
      (store) => ingestArticle000(store, { text, titles }),
      (tx) => tx.election.findMany({ include: { area: true, missions: true }, orderBy: { key: 'asc' } }),
    );
    expect(elections.map((e) => [e.area.name, e.type, e.date])).toEqual([
      ['Estonia', 'MUNICIPAL', '2005-10-16'],
      ['Kostroma', 'MUNICIPAL', null],
      // Not in this table: the parser's reading of "City Hall" stands.
      ['Moscow', 'MAYORAL', null],
    ]);
    expect(elections.every((e) => e.missions.length === 1)).toBe(true);
  });

  it('with the bundled table, "Elections to Moscow City Hall, Russia, 2009" is the REGIONAL Moscow City Duma election', async () => {
    const text = article(['Elections to Moscow City Hall, Russia, 2009', 'Mayor elections in Kostroma, Russia, 2009'], [], []);
    const elections = await ingestedAndRolledBack(
      t.db,
      (store) => ingestArticle000(store, { text }),
      (tx) => tx.election.findMany({ include: { area: true }, orderBy: { key: 'asc' } }),
    );
    expect(elections.map((e) => [e.area.name, e.type])).toEqual([
      ['Kostroma', 'MAYORAL'],
      ['Moscow', 'REGIONAL'],
    ]);
  });

  it('a venue is read outside the quoted title, and a venue that is a known body links the event to it', async () => {
    expect(venueOf('Round table in the European Parliament ‘Controlled Democracy in Russia?’')).toBe('European Parliament');
    expect(venueOf('International conference ‘Civic institutions in the election process’ in the Public Chamber of Russia')).toBe(
      'Public Chamber of Russia',
    );
    expect(venueOf('Round table ‘Dynamics in the developing of the institutions in the Republic of South Ossetia’')).toBeNull();
    expect(parseActivity('Seminar at the OSCE Secretariat ‘Votes in the North’, May 2010, Vienna;').venue).toBe('OSCE Secretariat');

    const text = article(
      [],
      ['Jean Dupont, member of EUP, France', 'Anna Nowak, former member of EUP, Poland'],
      [
        'Round table in the European Parliament ‘Elections in the East’, May 2010, Brussels;',
        'Seminar in the Public Chamber of Russia ‘Observers in the field’, June 2010, Moscow;',
        'Forum ‘Europe and its neighbours’, EUP, 2010, Brussels;',
      ],
    );
    const read = await ingestedAndRolledBack(
      t.db,
      (store) => ingestArticle000(store, { text, titles: [] }),
      async (tx) => ({
        events: await tx.event.findMany({ include: { participants: { include: { organization: true } } }, orderBy: { key: 'asc' } }),
        memberships: await tx.membership.findMany({
          where: { role: { in: ['member', 'former member'] } },
          include: { organization: true, person: true },
        }),
        eup: await tx.organization.count({ where: { name: 'EUP' } }),
      }),
    );
    expect(read.eup).toBe(0);
    expect(read.memberships.map((m) => [m.person.name, m.role, m.organization?.key]).sort()).toEqual([
      ['Anna Nowak', 'former member', 'european-parliament'],
      ['Jean Dupont', 'member', 'european-parliament'],
    ]);
    const byName = (s: string) => read.events.find((e) => e.name.includes(s))!;
    const roles = (s: string) => byName(s).participants.map((p) => [p.organization?.key, p.role]);
    expect(byName('Elections in the East').venue).toBe('European Parliament');
    expect(roles('Elections in the East')).toContainEqual(['european-parliament', 'venue']);
    expect(byName('Observers in the field').venue).toBe('Public Chamber of Russia');
    expect(roles('Observers in the field')).toEqual([['cis-emo', 'participant or organizer']]);
    expect(roles('Europe and its neighbours')).toContainEqual(['european-parliament', 'host']);
  });

  it('refuses an abbreviation of no known body instead of making it a body of its own', async () => {
    const host = article([], [], ['Forum ‘Europe’, XYZP, 2010, Brussels;']);
    await expect(
      ingestedAndRolledBack(
        t.db,
        (store) => ingestArticle000(store, { text: host, titles: [] }),
        async () => null,
      ),
    ).rejects.toThrow(/line 11: "XYZP" abbreviates no known body/);
    const member = article([], ['Jean Dupont, member of XYZP, France'], []);
    await expect(
      ingestedAndRolledBack(
        t.db,
        (store) => ingestArticle000(store, { text: member, titles: [] }),
        async () => null,
      ),
    ).rejects.toThrow(/"XYZP" abbreviates no known body/);
  });

  it('refuses an article claim whose name does not stand at its line', async () => {
    // A mapping whose area is not written in the title would claim "Moscow" at a line that does not name it.
    const titles: ElectionTitle[] = [
      {
        key: 'test/x',
        source: 'corpus/000',
        title: 'Mayor elections in Kostroma, Russia, 2009',
        area: 'Moscow',
        type: 'MAYORAL',
        description: 'x',
        reason: 'x',
      },
    ];
    const text = article(['Mayor elections in Kostroma, Russia, 2009'], [], []);
    await expect(
      ingestedAndRolledBack(
        t.db,
        (store) => ingestArticle000(store, { text, titles }),
        async () => null,
      ),
    ).rejects.toThrow(/Area mentionedAs "Moscow" is claimed at line 7/);
  });
});
