/**
 * A statement's translations and re-publications are one statement with several texts and
 * sources: the same body, round and day in another language is another text, never a second
 * statement, so the comparison and its aggregates count it once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestStatementsFile } from '../src/ingest/pipeline.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { snapshot } from './helpers/snapshot.js';
import { HEADER } from '../src/synth/world.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

interface Texts {
  statements: {
    totalCount: number;
    edges: {
      node: {
        quote: string;
        quoteLanguage: string;
        texts: { quote: string; quoteLanguage: string; translated: boolean; kind: string; locator: string; source: { key: string } }[];
      };
    }[];
  };
}

const statementsOf = (organization: string, area: string, year: number) =>
  t.gql<Texts>(
    `query ($f: StatementFilter) { statements(filter: $f, first: 20) { totalCount edges { node { quote quoteLanguage
      texts { quote quoteLanguage translated kind locator source { key } } } } } }`,
    { f: { organization, area, yearFrom: year, yearTo: year } },
  );

describe('the bundled statements in two languages', () => {
  it('CIS-EMO on Ukraine 2012 is one statement: the English translation with the Russian original as a further text', async () => {
    const r = (await statementsOf('CIS-EMO', 'Ukraine', 2012)).data!.statements;
    expect(r.totalCount).toBe(1);
    const [s] = r.edges.map((e) => e.node);
    expect(s.quoteLanguage).toBe('en');
    expect(s.texts).toHaveLength(1);
    expect(s.texts[0]).toMatchObject({
      quoteLanguage: 'ru',
      translated: false,
      source: { key: expect.stringContaining('assessments-extra.csv') },
    });
    expect(s.texts[0].quote).toMatch(/^По нашему мнению/);
  });

  it("ODIHR's press conference in Russian on Ukraine 2004 is a text of its preliminary statement, keeping its own kind", async () => {
    const r = (await statementsOf('ODIHR', 'Ukraine', 2004)).data!.statements;
    const withTexts = r.edges.map((e) => e.node).filter((s) => s.texts.length);
    expect(withTexts).toHaveLength(1);
    expect(withTexts[0].texts[0]).toMatchObject({ quoteLanguage: 'ru', translated: true, kind: 'PRESS' });
    // Four rounds' statements in English, the Russian one counted with the first.
    expect(r.edges.every((e) => e.node.quoteLanguage === 'en')).toBe(true);
  });

  it('the comparison counts each statement once', async () => {
    const rows = (await t.db.statement.count()) + (await t.db.statementText.count());
    const csvRows = ['assessments.csv', 'assessments-extra.csv']
      .map((f) => fs.readFileSync(path.join('data', 'sources', f), 'utf8'))
      .reduce((n, text) => n + text.trim().split('\n').length - 1, 0);
    expect(rows).toBe(csvRows);
    expect(await t.db.statementText.count()).toBe(2);
  });
});

describe("texts of one statement from a user's spreadsheet", () => {
  const write = (name: string, rows: string[]) => {
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
    return file;
  };

  it('the same day in another language is a text; the same language is another statement; a second ingest changes nothing', async () => {
    const file = write('armenia.csv', [
      'PACE,Armenia,parliamentary,2017-04-02,1,2017-04-03,press,,the elections were well administered,en,false,LARGELY_POSITIVE,test,,',
      'PACE,Armenia,parliamentary,2017-04-02,1,2017-04-03,press,,выборы были хорошо организованы,ru,true,LARGELY_POSITIVE,test,,Russian translation',
      'PACE,Armenia,parliamentary,2017-04-02,1,2017-04-03,interview,,but vote buying was widespread,en,false,MIXED,test,,',
    ]);
    const report = await ingestStatementsFile(t.db, file);
    expect(report.statements).toBe(2);
    const r = (await statementsOf('PACE', 'Armenia', 2017)).data!.statements;
    expect(r.totalCount).toBe(2);
    const texts = r.edges.flatMap((e) => e.node.texts);
    expect(texts).toEqual([expect.objectContaining({ quoteLanguage: 'ru', translated: true, locator: 'row 3' })]);
    const before = await snapshot(t.db);
    await ingestStatementsFile(t.db, file);
    expect({ ...(await snapshot(t.db)), Source: undefined }).toEqual({ ...before, Source: undefined });
  });

  it('two originals in two languages on one day, neither a translation, stay two statements', async () => {
    const file = write('georgia-two.csv', [
      'PACE,Georgia,parliamentary,2016-10-08,1,2016-10-09,press,,the vote was competitive,en,false,LARGELY_POSITIVE,test,,',
      'PACE,Georgia,parliamentary,2016-10-08,1,2016-10-09,interview,,голосование было спокойным,ru,false,LARGELY_POSITIVE,test,,',
    ]);
    expect((await ingestStatementsFile(t.db, file)).statements).toBe(2);
    const r = (await statementsOf('PACE', 'Georgia', 2016)).data!.statements;
    expect(r.totalCount).toBe(2);
    expect(r.edges.flatMap((e) => e.node.texts)).toEqual([]);
  });
});
