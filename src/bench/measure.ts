/**
 * Everything measured on one dataset: our server and the floor in one process, the peer in
 * another, the same requests, connections and duration for each.
 */
import { firstDifference } from './equivalence.js';
import { runLoad, warmUp, type LoadResult, type LoadTarget } from './load.js';
import type { Dataset } from './datasets.js';
import type { BenchOptions } from './options.js';
import { peerDeepAsOurs } from './peer.js';
import { graphqlBody, peerBody, variedBodies, type BenchQuery } from './queries.js';
import { startServer, type RunningServer } from './servers.js';
import { FLOOR_PREFIX } from './floor-route.js';

export type Implementation = 'ours' | 'floor' | 'peer';

export interface Measurement {
  query: BenchQuery;
  implementation: Implementation;
  /** repeat: the same request every time (a cache may answer it); varied: no two requests alike. */
  mode: 'repeat' | 'varied';
  /** For the varied mode: how many different requests there are to send (more than a run sends). */
  distinctRequests?: number;
  /** Elections asked for per request. */
  first: number;
  /** The first request on a fresh server: ours computes and memoises the aggregates there. */
  firstRequestMs: number;
  load: LoadResult;
  /** One connection rather than the configured number: a request took over a second alone (and,
   * when it took over half the duration, a fixed few requests rather than a duration). */
  reducedConnections: boolean;
}

export interface Equivalence {
  query: BenchQuery;
  against: 'floor' | 'peer';
  same: boolean;
  difference: string | null;
}

export interface DatasetResult {
  dataset: Omit<Dataset, 'url'>;
  measurements: Measurement[];
  /** Our comparison with a single client: latency without queueing behind other requests. */
  comparisonAlone: LoadResult;
  equivalence: Equivalence[];
}

/** A request taking longer than this alone is measured with one connection, not queued tenfold. */
const SLOW_REQUEST_MS = 1000;
const SLOW_REQUEST_SAMPLES = 3;

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Waits until the server has worked off whatever a finished load run left queued. */
async function settle(server: RunningServer): Promise<void> {
  await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } }).then(
    (r) => r.text(),
  );
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

async function measure(
  server: RunningServer,
  target: LoadTarget,
  labels: { query: BenchQuery; implementation: Implementation; first: number; mode?: Measurement['mode']; distinctRequests?: number },
  options: BenchOptions,
): Promise<{ measurement: Measurement; answer: string }> {
  const [first, firstRequestMs] = await timed(() => warmUp(target, 1));
  // A GraphQL error comes back as 200: measuring it would measure the error path.
  const errors = (JSON.parse(first) as { errors?: { message: string }[] }).errors;
  if (errors?.length) throw new Error(`${labels.implementation} ${labels.query} answered with an error: ${errors[0].message}`);
  const [, warmMs] = await timed(() => warmUp(target, 3));
  const alone = warmMs / 3;
  const reducedConnections = alone > SLOW_REQUEST_MS && options.connections > 1;
  // Slower than half the duration alone: a fixed few requests, or the run would hold one or none.
  const amount = alone * 2 > options.duration * 1000 ? SLOW_REQUEST_SAMPLES : undefined;
  const load = await runLoad(target, { connections: reducedConnections ? 1 : options.connections, duration: options.duration, amount });
  await settle(server);
  const mode = labels.mode ?? 'repeat';
  if (labels.distinctRequests && load.requests > labels.distinctRequests)
    throw new Error(`the varied run sent ${load.requests} requests but has only ${labels.distinctRequests} different ones`);
  log(
    `  ${labels.implementation.padEnd(5)} ${labels.query.padEnd(10)} ${mode.padEnd(6)} ${load.requestsPerSecond.toFixed(1).padStart(7)} req/s  p50 ${load.latency.p50} ms  p99 ${load.latency.p99} ms${reducedConnections ? '  (1 connection)' : ''}`,
  );
  return { measurement: { ...labels, mode, firstRequestMs, load, reducedConnections }, answer: first };
}

function compare(query: BenchQuery, against: 'floor' | 'peer', ours: unknown, theirs: unknown): Equivalence {
  const difference = firstDifference(ours, theirs);
  if (difference) log(`  ! ${query}: ours and the ${against} differ at ${difference}`);
  return { query, against, same: difference === null, difference };
}

export async function measureDataset(dataset: Dataset, options: BenchOptions, profileDir?: string): Promise<DatasetResult> {
  const withPeer = dataset.engine === 'postgresql' && !options.skipPeer;
  const ours = await startServer('ours', dataset.url, { profileDir });
  const peer = withPeer ? await startServer('peer', dataset.url) : null;
  const measurements: Measurement[] = [];
  const equivalence: Equivalence[] = [];
  try {
    for (const query of ['comparison', 'deep'] as const) {
      const first = query === 'comparison' ? options.page : options.deepPage;
      const body = graphqlBody(query, first);
      const labels = { query, first };
      const mine = await measure(ours, { url: `${ours.url}/graphql`, body }, { ...labels, implementation: 'ours' }, options);
      const floor = await measure(
        ours,
        { url: `${ours.url}${FLOOR_PREFIX}${query}`, body },
        { ...labels, implementation: 'floor' },
        options,
      );
      // No two requests alike: a different filter each time, so the response cache cannot answer any.
      const varied = variedBodies(query, first);
      const mineVaried = await measure(
        ours,
        { url: `${ours.url}/graphql`, body: varied.next(), next: varied.next },
        { ...labels, implementation: 'ours', mode: 'varied', distinctRequests: varied.distinct },
        options,
      );
      measurements.push(mine.measurement, floor.measurement, mineVaried.measurement);
      equivalence.push(compare(query, 'floor', JSON.parse(mine.answer), JSON.parse(floor.answer)));
      if (peer && query === 'deep') {
        const theirs = await measure(
          peer,
          { url: `${peer.url}/graphql`, body: peerBody(first) },
          { ...labels, implementation: 'peer' },
          options,
        );
        measurements.push(theirs.measurement);
        equivalence.push(compare(query, 'peer', JSON.parse(mine.answer), peerDeepAsOurs(JSON.parse(theirs.answer))));
      }
    }
    const comparisonAlone = await runLoad(
      { url: `${ours.url}/graphql`, body: graphqlBody('comparison', options.page) },
      { connections: 1, duration: options.duration },
    );
    await settle(ours);
    log(`  ours  comparison, 1 connection: p50 ${comparisonAlone.latency.p50} ms  p99 ${comparisonAlone.latency.p99} ms`);
    const { url: _url, ...described } = dataset;
    return { dataset: described, measurements, comparisonAlone, equivalence };
  } finally {
    await Promise.all([ours.stop(), peer?.stop()]);
  }
}
