/** Command-line options of `npm run bench`, with defaults that finish in a few minutes. */
import { parseArgs } from 'node:util';

export type Engine = 'sqlite' | 'postgresql';

export interface BenchOptions {
  /** Dataset sizes in statements; each is built once and cached under data/bench/. */
  sizes: number[];
  engines: Engine[];
  /** Seconds of load per measurement. */
  duration: number;
  /** Concurrent connections autocannon keeps open. */
  connections: number;
  /** Elections on the comparison's page under load (the target is stated for 50). */
  page: number;
  /** Elections on the deep query's page (20 is the size the peer's known figures are for). */
  deepPage: number;
  /** Page sizes at which SQL statements per request are counted. */
  countPages: number[];
  seed: number;
  /** Statements per synthetic election: the density the synth generator is asked for. */
  statementsPerElection: number;
  /** Rows of the spreadsheet the ingest line loads (0: no ingest line). */
  ingestRows: number;
  /** Skip the PostGraphile peer (it needs PostgreSQL). */
  skipPeer: boolean;
  /** Write V8 CPU profiles of the server processes to artifacts/profiles/. */
  profile: boolean;
  /** Where the JSON report goes. */
  out: string;
  /** Where built datasets are cached. */
  cacheDir: string;
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function positiveInts(name: string, text: string): number[] {
  const values = list(text).map((s) => Number(s.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000')));
  for (const v of values) if (!Number.isInteger(v) || v < 1) throw new Error(`--${name}: "${text}" is not a list of positive integers`);
  return values;
}

function nonNegativeInt(name: string, text: string): number {
  const value = Number(text.replace(/_/g, '').replace(/k$/i, '000'));
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name}: "${text}" is not a whole number`);
  return value;
}

export function parseBenchOptions(argv: string[], defaults: { out: string; cacheDir: string }): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      engines: { type: 'string', default: 'sqlite,postgresql' },
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      page: { type: 'string', default: '50' },
      'deep-page': { type: 'string', default: '20' },
      'count-pages': { type: 'string', default: '10,100,1000' },
      seed: { type: 'string', default: '1' },
      'statements-per-election': { type: 'string', default: '25' },
      'ingest-rows': { type: 'string', default: '50000' },
      'skip-peer': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      out: { type: 'string', default: defaults.out },
      'cache-dir': { type: 'string', default: defaults.cacheDir },
    },
  });
  const engines = list(values.engines!);
  for (const e of engines)
    if (e !== 'sqlite' && e !== 'postgresql') throw new Error(`--engines: unknown engine "${e}" (sqlite, postgresql)`);
  const [duration] = positiveInts('duration', values.duration!);
  const [connections] = positiveInts('connections', values.connections!);
  const [page] = positiveInts('page', values.page!);
  const [deepPage] = positiveInts('deep-page', values['deep-page']!);
  const [seed] = positiveInts('seed', values.seed!);
  const [statementsPerElection] = positiveInts('statements-per-election', values['statements-per-election']!);
  return {
    sizes: positiveInts('sizes', values.sizes!),
    engines: engines as Engine[],
    duration,
    connections,
    page,
    deepPage,
    countPages: positiveInts('count-pages', values['count-pages']!),
    seed,
    statementsPerElection,
    ingestRows: nonNegativeInt('ingest-rows', values['ingest-rows']!),
    skipPeer: values['skip-peer']!,
    profile: values.profile!,
    out: values.out!,
    cacheDir: values['cache-dir']!,
  };
}
