/**
 * Matching of the reconciliation service at its cost bounds: the word index (word-index.ts)
 * finds exactly the candidates the plain word-overlap definition does, and a worst-case batch
 * within every limit of limits.ts answers within the time budget.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { Reconciler } from '../src/reconcile/reconciler.js';
import { Catalog, ENTITY_TYPES, type Entry, type EntityType } from '../src/reconcile-service/catalog.js';
import { nameSimilarity, wordOverlaps } from '../src/reconcile-service/match.js';
import { catalogFor } from '../src/reconcile-service/service.js';
import { ReadCache } from '../src/read/read-cache.js';
import {
  MAX_BATCH_PROPERTY_VALUES,
  MAX_BATCH_QUERIES,
  MAX_PROPERTY_VALUE_LENGTH,
  MAX_QUERY_LENGTH,
} from '../src/reconcile-service/limits.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

const FLOOR = 0.34; // query.ts WORD_OVERLAP_FLOOR

/** The definition: every record of the type, its overlap computed word by word. */
function bruteForce(catalog: Catalog, type: EntityType, query: string, floor: number): Map<Entry, number> {
  const found = new Map<Entry, number>();
  for (const entry of catalog.entries(type)) {
    const similarity = nameSimilarity(query, entry.names);
    if (similarity >= floor) found.set(entry, similarity);
  }
  return found;
}

function entry(type: EntityType, i: number, names: string[]): Entry {
  const base = { id: `${type}:${i}`, dbId: `${type.toLowerCase()}_${i}`, name: names[0], names };
  if (type === 'Organization')
    return { ...base, type, kind: 'NGO', description: null, areaId: null, parentId: null, missionCount: 0, statementCount: 0 };
  if (type === 'Area') return { ...base, type, kind: 'COUNTRY', isoCode: null, parentId: null, claimedById: null };
  return { ...base, type, birthYear: null, summary: null, memberships: [] };
}

/** Words that meet each other often: shared stems, prefixes, one-letter typos, stopwords, diacritics. */
const word = fc.constantFrom(
  'osce',
  'odihr',
  'observ',
  'observer',
  'observers',
  'observation',
  'obsrvation',
  'mission',
  'missions',
  'misson',
  'election',
  'elections',
  'electoral',
  'monitoring',
  'monitor',
  'mon',
  'cis',
  'emo',
  'cis-emo',
  'the',
  'of',
  'and',
  'europe',
  'european',
  'parliament',
  'parliamentary',
  'assembly',
  'kishinev',
  'chisinau',
  'moldova',
  'moldovа',
  'Čarnogurský',
  'carnogursky',
  'ipa',
  'int',
  'international',
  'internationa',
  'a',
  'ab',
  'abc',
);
const text = fc.array(word, { minLength: 0, maxLength: 25 }).map((ws) => ws.join(' '));

describe('word overlap through the index', () => {
  it('finds exactly what the word-by-word definition finds (random catalogs and queries)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ENTITY_TYPES), fc.array(text, { minLength: 1, maxLength: 3 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(text, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(FLOOR, 0, 0.5, 1),
        (records, queries, floor) => {
          const catalog = new Catalog(new Reconciler());
          for (const [i, [type, names]] of records.entries()) catalog.add(entry(type, i, names));
          for (const query of queries) {
            for (const type of ENTITY_TYPES) {
              const indexed = wordOverlaps(catalog, type, query, floor);
              const expected = bruteForce(catalog, type, query, floor);
              // floor 0 admits every record whatever its overlap; the index looks only at records sharing a word.
              if (floor === 0) for (const [e, s] of [...expected]) if (s === 0) expected.delete(e);
              expect(new Map([...indexed].map(([e, s]) => [e.id, s]))).toEqual(new Map([...expected].map(([e, s]) => [e.id, s])));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('against the bundled data', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let vocabulary: string[];
  let catalog: Catalog;
  // Seeded, so a failure can be replayed; new texts each test, so no memo answers for them.
  let seed = 20_261_201;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const fill = (length: number, next: () => string) => {
    let s = '';
    while (s.length < length) s += (s ? ' ' : '') + next();
    return s.slice(0, length);
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    app = createApp(t.db);
    catalog = await catalogFor(t.db, new ReadCache(t.db));
    const names = [...catalog.organizations.values(), ...catalog.areas.values(), ...catalog.persons.values()].flatMap((e) => e.names);
    vocabulary = [...new Set(names.flatMap((n) => n.split(/[\s,()/]+/)).filter(Boolean))];
    // The app's first request loads its own catalog from the database: not part of what is timed.
    await app.fetch('http://observer.test/reconcile?query=OSCE');
  });
  afterAll(() => t?.close());

  it('finds what the definition finds for queries made of the catalog’s own words, prefixes and typos', () => {
    const typo = (w: string) => (w.length > 4 ? w.slice(0, 2) + w.slice(3) : w);
    const words = [() => pick(vocabulary), () => pick(vocabulary).slice(0, 3), () => typo(pick(vocabulary))];
    for (let i = 0; i < 150; i++) {
      const query = fill(5 + Math.floor(random() * 80), pick(words));
      for (const type of ENTITY_TYPES) {
        const indexed = new Map([...wordOverlaps(catalog, type, query, FLOOR)].map(([e, s]) => [e.id, s]));
        const expected = new Map([...bruteForce(catalog, type, query, FLOOR)].map(([e, s]) => [e.id, s]));
        expect(indexed, query).toEqual(expected);
      }
    }
  });

  async function timed(queries: Record<string, unknown>): Promise<number> {
    const body = new URLSearchParams({ queries: JSON.stringify(queries) }).toString();
    const started = performance.now();
    const response = await app.fetch('http://observer.test/reconcile', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(response.status, (await response.clone().text()).slice(0, 200)).toBe(200);
    await response.text();
    return performance.now() - started;
  }

  // The time these take is measured by `npm run probe:limits`, not asserted here.
  const batch = (query: (i: number) => Record<string, unknown>) =>
    Object.fromEntries(Array.from({ length: MAX_BATCH_QUERIES }, (_, i) => [`q${i}`, query(i)]));

  it('answers a full batch of the longest queries', async () => {
    const prefixes = () => pick(vocabulary).slice(0, 3);
    for (const [type, next] of [
      [undefined, prefixes],
      ['Organization', () => pick(vocabulary)],
    ] as const) {
      const ms = await timed(batch(() => ({ query: fill(MAX_QUERY_LENGTH, next), ...(type ? { type } : {}), limit: 50 })));
      console.log(
        `worst-case batch, ${MAX_BATCH_QUERIES} queries × ${MAX_QUERY_LENGTH} characters (${type ?? 'any type'}): ${Math.round(ms)} ms`,
      );
    }
  });

  it('answers a batch selecting by the most property values alone', async () => {
    const perQuery = MAX_BATCH_PROPERTY_VALUES / MAX_BATCH_QUERIES;
    const value = () => fill(MAX_PROPERTY_VALUE_LENGTH, () => pick(vocabulary).slice(0, 3));
    const pids = ['parent', 'organization'];
    const ms = await timed(batch(() => ({ properties: Array.from({ length: perQuery }, (_, k) => ({ pid: pids[k % 2], v: value() })) })));
    console.log(
      `worst-case batch, ${MAX_BATCH_PROPERTY_VALUES} property values × ${MAX_PROPERTY_VALUE_LENGTH} characters, no query text: ${Math.round(ms)} ms`,
    );
  });
});
