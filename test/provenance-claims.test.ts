/**
 * Provenance over the whole read model built from the bundled sources: every claim's excerpt
 * stands in its source at its locator, and every claimed name stands there too. Then the
 * audited facts, each as the read model now answers it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { projectRoot } from '../src/db/config.js';
import { stableId } from '../src/reconcile/ids.js';
import { fold } from '../src/reconcile/normalize.js';
import { countRange } from '../src/reconcile/conflicts.js';
import { claimedName, nameStandsIn, readCount, textAtLocator } from '../src/ingest/annotations.js';
import { loadElectionTitles } from '../src/ingest/article-000.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const org = (key: string) => stableId('org', key);

/**
 * statements-csv.ts writes a CSV mission's claim with the excerpt "statement as observer: <quote>":
 * a label before the row's words, not the words alone. Checked on the quote after the label;
 * see the report of the provenance audit.
 */
const CSV_OBSERVER_LABEL = 'statement as observer: ';

/** The text a locator points at, per kind of source: lines of a document, a CSV row, a reference entry. */
function makeLocator() {
  const files = new Map<string, string>();
  const read = (p: string) => {
    if (!files.has(p)) files.set(p, fs.readFileSync(path.join(projectRoot, p), 'utf8'));
    return files.get(p)!;
  };
  const rows = new Map<string, Map<number, string>>();
  const csvRow = (p: string, line: number) => {
    if (!rows.has(p)) {
      const records = parse(read(p), { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true }) as {
        record: Record<string, string>;
        info: { lines: number };
      }[];
      rows.set(p, new Map(records.map((r) => [r.info.lines, Object.values(r.record).join('\n')])));
    }
    return rows.get(p)!.get(line) ?? null;
  };
  const entry = (p: string, key: string): string | null => {
    const data = JSON.parse(read(p)) as unknown;
    const list: Record<string, unknown>[] = Array.isArray(data)
      ? data
      : (Object.values(data as Record<string, unknown>).find((v): v is Record<string, unknown>[] => Array.isArray(v)) ?? []);
    const found = list.find((e) => e.key === key || (typeof e.cca2 === 'string' && e.cca2.toLowerCase() === key));
    return found ? JSON.stringify(found) : null;
  };
  return (source: { path: string | null }, locator: string): { text: string; json: boolean } | null => {
    if (!source.path) return null;
    if (/^lines? /.test(locator)) {
      const text = textAtLocator(read(source.path).split('\n'), locator);
      return text === null ? null : { text, json: false };
    }
    const row = /^row (\d+)$/.exec(locator);
    if (row) {
      const text = csvRow(source.path, Number(row[1]));
      return text === null ? null : { text, json: false };
    }
    const key = /^key (.+)$/.exec(locator);
    if (key) {
      const text = entry(source.path, key[1]);
      return text === null ? null : { text, json: true };
    }
    return null;
  };
}

describe('every claim stands where it points', () => {
  it('its excerpt occurs in its source at its locator, and a claimed name or alias stands there', async () => {
    const claims = await t.db.claim.findMany({ include: { source: true } });
    expect(claims.length).toBeGreaterThan(1000);
    const at = makeLocator();
    const problems: string[] = [];
    let labelled = 0;
    for (const c of claims) {
      const where = `${c.source.key} ${c.locator} ${c.entityType}.${c.property}`;
      const found = at(c.source, c.locator);
      if (!found) {
        problems.push(`${where}: the locator names nothing in ${c.source.path}`);
        continue;
      }
      let excerpt = c.excerpt;
      if (c.source.kind === 'DATASET' && c.entityType === 'Mission' && excerpt.startsWith(CSV_OBSERVER_LABEL)) {
        excerpt = excerpt.slice(CSV_OBSERVER_LABEL.length);
        labelled++;
      }
      // A reference entry is JSON: its strings are compared as JSON writes them.
      const needle = found.json ? JSON.stringify(excerpt).slice(1, -1) : excerpt;
      if (!found.text.includes(needle)) problems.push(`${where}: excerpt "${excerpt.slice(0, 60)}" is not there`);
      const name = claimedName(c.entityType, c.property, JSON.parse(c.value));
      if (name !== null && !nameStandsIn(found.text, name)) problems.push(`${where}: the name "${name}" is not there`);
    }
    expect(problems).toEqual([]);
    // The one labelled kind of excerpt is the CSV's mission claims, nothing else.
    expect(labelled).toBeGreaterThan(0);
  });

  it('a name claim of a person cites a line that names them, never one that says only "he"', async () => {
    const claims = await t.db.claim.findMany({
      where: { entityType: 'Person', property: 'name', source: { key: { in: ['corpus/002', 'corpus/003', 'corpus/004'] } } },
      include: { source: true },
    });
    const person = await t.db.person.findMany({ where: { id: { in: claims.map((c) => c.entityId) } } });
    const nameOf = new Map(person.map((p) => [p.id, p.name]));
    const where = (name: string) => claims.filter((c) => nameOf.get(c.entityId) === name).map((c) => `${c.source.key} ${c.locator}`);
    expect(where('Aleksey Kochetkov')).toEqual(['corpus/002 line 7']);
    expect(where('Sergei Pospelov')).toEqual(['corpus/004 line 17']);
    for (const name of ['Viktor Kogut', 'Ivan Mushket', 'Alexandr Losyakin', 'Sergei Shmarlovski'])
      expect(
        where(name).filter((w) => w.startsWith('corpus/003')),
        name,
      ).toEqual(['corpus/003 line 13']);
    // The facts of the "he" sentences still cite those sentences.
    const kochetkov = await t.db.person.findFirstOrThrow({ where: { name: 'Aleksey Kochetkov' } });
    const arrest = await t.db.event.findUniqueOrThrow({ where: { key: '002/kochetkov-arrest-1993' }, include: { participants: true } });
    expect(arrest.participants.map((p) => p.personId)).toContain(kochetkov.id);
    const arrestClaim = await t.db.claim.findFirstOrThrow({ where: { entityType: 'Event', entityId: arrest.id } });
    expect(arrestClaim.locator).toBe('line 9');
  });

  it('a count the source qualifies ("about", "more than", …) is stored as approximate, everywhere', async () => {
    const claims = await t.db.claim.findMany({ where: { source: { kind: { in: ['ARTICLE', 'WEB_PAGE'] } } } });
    const problems: string[] = [];
    let qualified = 0;
    for (const c of claims) {
      const v = JSON.parse(c.value) as unknown;
      const counts: [number, boolean][] =
        typeof v === 'number'
          ? [[v, false]]
          : v && typeof v === 'object' && typeof (v as { observers?: unknown }).observers === 'number'
            ? [[(v as { observers: number }).observers, (v as { approximate: boolean }).approximate]]
            : countRange(v)
              ? [[(v as { value: number }).value, (v as { approximate: boolean }).approximate]]
              : [];
      for (const [n, approximate] of counts) {
        const read = readCount(c.excerpt, n);
        if (read?.qualifier) qualified++;
        if (read?.qualifier && !approximate)
          problems.push(`${c.entityType}.${c.property} ${c.locator}: "${read.qualifier} ${n}" stored as exact`);
      }
    }
    expect(problems).toEqual([]);
    expect(qualified).toBe(3); // about 1200, about 800 (001); more than 50 (002)
  });
});

describe('the audited facts', () => {
  it('"more than 50 missions" is Kochetkov\'s, as head of missions, approximate; CIS-EMO keeps only its founding-year conflict', async () => {
    const r = await t.gql<{
      organization: { conflicts: { property: string; values: { value: unknown; claims: { source: { key: string } }[] }[] }[] };
      person: { claims: { value: unknown; excerpt: string; source: { key: string } }[]; conflicts: { property: string }[] };
    }>(`{
      organization(name: "CIS-EMO") { conflicts { property values { value claims { source { key } } } } }
      person(name: "Aleksey Kochetkov") { claims(property: "missionsLed") { value excerpt source { key } } conflicts { property } }
    }`);
    expect(r.errors).toBeUndefined();
    const conflicts = r.data!.organization.conflicts;
    expect(conflicts.map((c) => c.property)).not.toContain('missionCount');
    const founded = conflicts.find((c) => c.property === 'foundedYear')!;
    expect(founded.values.map((v) => [v.value, v.claims.map((c) => c.source.key)])).toEqual(
      expect.arrayContaining([
        [2003, ['corpus/000']],
        [2004, ['corpus/002']],
      ]),
    );
    expect(r.data!.person.claims).toEqual([
      {
        value: { value: 50, qualifier: 'more than', approximate: true },
        excerpt: expect.stringContaining('more than 50 missions'),
        source: { key: 'corpus/002' },
      },
    ]);
    expect(r.data!.person.conflicts).toEqual([]);
    const cisEmoMissionCounts = await t.db.claim.findMany({ where: { entityId: org('cis-emo'), property: 'missionCount' } });
    expect(cisEmoMissionCounts.map((c) => c.value)).toEqual(['44']);
  });

  it('"Elections to Moscow City Hall, Russia, 2009" is the Moscow City Duma election, with the source\'s words and the reason', async () => {
    const elections = await t.db.election.findMany({ where: { area: { key: 'moscow' }, year: 2009 } });
    expect(elections.map((e) => [e.type, e.date, e.datePrecision])).toEqual([['REGIONAL', '2009-10-11', 'DAY']]);
    const [moscow] = elections;
    expect(moscow.description).toContain('Moscow City Duma');
    const claims = await t.db.claim.findMany({ where: { entityId: moscow.id }, include: { source: true } });
    const byProperty = (p: string) => claims.filter((c) => c.property === p);
    expect(byProperty('mentionedAs').map((c) => [c.source.key, c.locator, c.excerpt])).toEqual([
      ['corpus/000', 'line 28', '- Elections to Moscow City Hall, Russia, 2009'],
    ]);
    const [identified] = byProperty('identifiedAs');
    expect(identified.source.key).toBe('reference/election-titles');
    expect(JSON.parse(identified.value)).toMatchObject({ type: 'REGIONAL', body: 'Moscow City Duma' });
    expect(identified.excerpt).toMatch(/no mayoral election in 2009/);
    expect(await t.db.election.count({ where: { area: { key: 'moscow' }, type: 'MAYORAL' } })).toBe(0);
    const mission = await t.db.mission.findFirstOrThrow({ where: { electionId: moscow.id } });
    expect(mission.organizationId).toBe(org('cis-emo'));
  });

  it("Ukraine's municipal and regional elections of 2010 are one local election, with both lines as claims", async () => {
    const elections = await t.db.election.findMany({
      where: { area: { isoCode: 'UA' }, year: 2010, type: { in: ['MUNICIPAL', 'REGIONAL'] } },
      include: { missions: true },
    });
    expect(elections.map((e) => [e.type, e.date])).toEqual([['MUNICIPAL', '2010-10-31']]);
    const observed = await t.db.claim.findMany({ where: { entityId: elections[0].missions[0].id, property: 'observed' } });
    expect(observed.map((c) => [c.locator, c.excerpt]).sort()).toEqual([
      ['line 38', '- Municipal elections in Ukraine, 2010'],
      ['line 39', '- Regional elections in Ukraine, 2010'],
    ]);
    // 44 listed items, 43 distinct elections: the article's count stays what it lists.
    const listed = await t.db.claim.findMany({ where: { source: { key: 'corpus/000' }, entityType: 'Mission', property: 'observed' } });
    expect(listed).toHaveLength(44);
    expect(new Set(listed.map((c) => c.entityId)).size).toBe(43);
  });

  it('every entry of data/reference/election-titles.json names an item of the article', async () => {
    const article = fs.readFileSync(path.join(projectRoot, 'data/sources/000_7b72a6127d6d3097.txt'), 'utf8');
    const items = article
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => fold(l.slice(2)));
    for (const title of loadElectionTitles().filter((x) => x.source === 'corpus/000'))
      expect(items, title.key).toContain(fold(title.title));
  });

  it('the activity venues are places, not pieces of titles; "in the European Parliament" links the event to it; EUP is the European Parliament', async () => {
    const events = await t.db.event.findMany({
      where: { key: { startsWith: '000/' } },
      include: { participants: { include: { organization: true } } },
    });
    expect(
      events
        .filter((e) => e.venue)
        .map((e) => e.venue)
        .sort(),
    ).toEqual(['European Parliament', 'Public Chamber of Russia']);
    const roundTable = events.find((e) => e.name.includes('Controlled Democracy in Russia'))!;
    expect(roundTable.participants.map((p) => [p.organization?.key, p.role])).toContainEqual(['european-parliament', 'venue']);
    const eupHosted = events.filter((e) => /‘Global Europe’|European Union and Russia/.test(e.name));
    expect(eupHosted).toHaveLength(2);
    for (const e of eupHosted)
      expect(e.participants.map((p) => [p.organization?.key, p.role])).toContainEqual(['european-parliament', 'host']);
    expect(await t.db.organization.count({ where: { name: 'EUP' } })).toBe(0);
    expect(await t.db.organization.count({ where: { aliases: { some: { normalized: 'eup' } } } })).toBe(1);
    const r = await t.gql<{ organization: { key: string } }>(`{ organization(name: "EUP") { key } }`);
    expect(r.data?.organization.key).toBe('european-parliament');
  });

  it("Viktor Kogut keeps both summaries as claims; the record shows the first source's", async () => {
    const r = await t.gql<{
      person: { summary: string; claims: { value: string; source: { key: string } }[]; conflicts: { property: string }[] };
    }>(`{ person(name: "Viktor Kogut") { summary claims(property: "summary") { value source { key } } conflicts { property } } }`);
    expect(r.errors).toBeUndefined();
    const { summary, claims, conflicts } = r.data!.person;
    expect(claims.map((c) => c.source.key).sort()).toEqual(['corpus/003', 'corpus/004']);
    expect(summary).toBe(claims.find((c) => c.source.key === 'corpus/003')!.value);
    expect(claims.find((c) => c.source.key === 'corpus/004')!.value).toMatch(/CSTO PA/);
    expect(conflicts.map((c) => c.property)).not.toContain('summary');
  });

  it('"about 1200" and "about 800" observers are approximate counts', async () => {
    const counts = await t.db.claim.findMany({ where: { property: 'internationalObserverCount' } });
    expect(counts.map((c) => JSON.parse(c.value)).sort((a, b) => a.observers - b.observers)).toEqual([
      { observers: 800, countries: 50, approximate: true, qualifier: 'about' },
      { observers: 1200, countries: 49, approximate: true, qualifier: 'about' },
    ]);
  });
});
