/**
 * npm run bench:search [-- --requests 200] — full-text search as one client uses it, against
 * DATABASE_URL (a synthetic world, say: `npm run synth -- --elections 4000 --statements 100000`).
 *
 * Prints the index's build time (the first search after a change to the data), then latency of
 * `searchStatements` through the GraphQL server in this process, one request at a time:
 * *varied* (a different word each time, drawn from the statements' own words, half of them with a
 * filter, pages of 5 to 50) and *repeated* (one search again and again), beside the SQL floor run
 * in the same process on the same words: a `LIKE '%word%'` scan over the quotes in force, one page
 * by id (no word forms, no ranking, no other field).
 */
import { parseArgs } from 'node:util';
import { databaseUrl } from '../src/db/config.js';
import { createDb, providerOfClient } from '../src/db/client.js';
import { createServer } from '../src/server/yoga.js';
import { termsOf } from '../src/reconcile/search-terms.js';
import { Random } from '../src/synth/random.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' } } });
const requests = Number(values.requests);

const db = createDb({ url: databaseUrl() });
const yoga = createServer(db, { responseCache: false });
const random = new Random(Number(values.seed));

async function searchOnce(query: string, filter: object | null, first: number): Promise<number> {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      query:
        'query ($q: String!, $f: StatementFilter, $n: Int) { searchStatements(query: $q, filter: $f, first: $n) { totalCount edges { node { score snippets { text highlights { start end } } statement { id quote organization { name } } } } } }',
      variables: { q: query, f: filter, n: first },
    }),
  });
  const body = (await response.json()) as { errors?: { message: string }[]; data?: { searchStatements: { totalCount: number } } };
  if (body.errors?.length) throw new Error(`search "${query}": ${body.errors[0].message}`);
  return body.data!.searchStatements.totalCount;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
function summary(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p99: quantile(s, 0.99) };
}
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
}

async function main() {
  const statements = await db.statement.count();
  const sample = await db.statement.findMany({ select: { quote: true }, take: 2000, skip: Math.floor(statements / 3) });
  const words = [...new Set(sample.flatMap((s) => termsOf(s.quote).map((t) => s.quote.slice(t.start, t.end).toLowerCase())))].filter(
    (w) => w.length >= 5 && !/\d/.test(w),
  );
  const bodies = (await db.organization.findMany({ select: { name: true }, take: 50, orderBy: { id: 'asc' } })).map((o) => o.name);
  if (!words.length) throw new Error('no statements to search in DATABASE_URL');

  const [build] = await timed(() => searchOnce(words[0], null, 20));
  console.log(
    `${statements.toLocaleString('en')} statements, ${words.length} distinct words sampled; index built by the first search: ${ms(build)}`,
  );

  const plan = Array.from({ length: requests }, (_, i) => ({
    word: words[random.int(0, words.length - 1)],
    filter:
      i % 2 === 1 ? (i % 4 === 1 ? { organization: bodies[random.int(0, bodies.length - 1)] } : { yearFrom: 2005, yearTo: 2015 }) : null,
    first: [5, 10, 20, 50][i % 4],
  }));

  const varied: number[] = [];
  let hits = 0;
  for (const p of plan) {
    const [t, total] = await timed(() => searchOnce(p.word, p.filter, p.first));
    varied.push(t);
    hits += total;
  }
  const repeated: number[] = [];
  for (let i = 0; i < requests; i++) repeated.push((await timed(() => searchOnce(plan[0].word, null, 20)))[0]);

  const floor: number[] = [];
  for (const p of plan) {
    const [t] = await timed(() =>
      db.$queryRawUnsafe(
        `SELECT "id" FROM "Statement" WHERE "quote" LIKE ${providerOfClient(db) === 'postgresql' ? '$1' : '?'} AND "retiredAt" IS NULL AND "withdrawnAt" IS NULL ORDER BY "id" LIMIT ${p.first}`,
        `%${p.word}%`,
      ),
    );
    floor.push(t);
  }
  const v = summary(varied);
  const r = summary(repeated);
  const f = summary(floor);
  console.log(`varied   p50 ${ms(v.p50)}  p99 ${ms(v.p99)}  (${Math.round(hits / requests)} hits a search on average, half with a filter)`);
  console.log(`repeated p50 ${ms(r.p50)}  p99 ${ms(r.p99)}`);
  console.log(`SQL floor (LIKE scan, one page) p50 ${ms(f.p50)}  p99 ${ms(f.p99)}`);
  console.log(`varied ÷ floor (time): p50 ${(v.p50 / f.p50).toFixed(2)}×, p99 ${(v.p99 / f.p99).toFixed(2)}×`);
  console.log(`target: one client, a search over 100k statements under 50 ms — ${v.p99 < 50 ? 'met' : 'missed'} (p99 ${ms(v.p99)})`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
