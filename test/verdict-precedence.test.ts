/** A verdict from a person or the source always wins over the rule coder's; all codings are kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { recodeAll } from '../src/ingest/recode.js';
import { refreshVerdicts } from '../src/verdicts/effective.js';
import { codeVerdict } from '../src/verdicts/coder.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

describe('verdict precedence', () => {
  it("every statement carries the rule coder's coding beside the source's, with evidence", async () => {
    const r = await t.gql<{
      statements: {
        edges: {
          node: {
            quote: string;
            quoteLanguage: string;
            kind: string;
            verdict: string;
            verdictCoding: { coder: string };
            codings: {
              coder: string;
              machineCoded: boolean;
              rule: string | null;
              confidence: number | null;
              evidence: { phrase: string }[];
            }[];
          };
        }[];
      };
    }>(
      `{ statements(first: 100, filter: { organization: "CIS-EMO" }) { edges { node { quote quoteLanguage kind verdict verdictCoding { coder } codings { coder machineCoded rule confidence evidence { phrase } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    let ruled = 0;
    for (const { node } of r.data!.statements.edges) {
      expect(node.verdictCoding.coder).toBe('SOURCE');
      const rule = node.codings.find((c) => c.coder === 'RULE');
      // Where the rule coder abstains (codebook R15: a remark that assesses no election) it stores no coding.
      const coded = codeVerdict({ quote: node.quote, language: node.quoteLanguage, statementKind: node.kind.toLowerCase() });
      if (coded.verdict === null) {
        expect(rule, node.quote).toBeUndefined();
        continue;
      }
      ruled++;
      expect(rule!.machineCoded).toBe(true);
      expect(rule!.rule).toBeTruthy();
      expect(rule!.evidence.length).toBeGreaterThan(0);
    }
    expect(ruled).toBeGreaterThan(0);
  });

  it('a human verdict wins, and re-coding after a rule change never overwrites it', async () => {
    const statement = await t.db.statement.findFirstOrThrow({ where: { quote: 'cannot be recognized as fully democratic' } });
    expect(statement.verdict).toBe('CRITICAL');
    await t.db.verdictCoding.create({
      data: { id: 'human-test', statementId: statement.id, verdict: 'MIXED', coder: 'HUMAN', codedBy: 'a curator', codedAt: new Date() },
    });
    await t.db.$transaction((tx) => refreshVerdicts(tx, [statement.id]));
    const report = await recodeAll(t.db);
    // 52 rows in the two bundled spreadsheets; two of them are further texts of a statement (Statement.texts).
    expect(report.statements).toBeGreaterThanOrEqual(50);
    const after = await t.db.statement.findUniqueOrThrow({ where: { id: statement.id }, include: { codings: true } });
    expect(after.verdict).toBe('MIXED');
    expect(after.verdictScore).toBe(3);
    expect(after.codings.map((c) => c.coder).sort()).toEqual(['HUMAN', 'RULE', 'SOURCE']);
    // Re-coding twice in a row changes no verdict the second time.
    const again = await recodeAll(t.db);
    expect([again.ruleVerdictsChanged, again.verdictsInForceChanged]).toEqual([0, 0]);
  });

  it("a statement without a source verdict takes the rule coder's", async () => {
    const s = await t.db.statement.findFirstOrThrow({ where: { quote: 'transparent ... reflects the will of the Ukrainian people' } });
    await t.db.verdictCoding.deleteMany({ where: { statementId: s.id, coder: 'SOURCE' } });
    await t.db.$transaction((tx) => refreshVerdicts(tx, [s.id]));
    const after = await t.db.statement.findUniqueOrThrow({ where: { id: s.id } });
    expect(after.verdict).toBe('ENDORSED');
  });
});
