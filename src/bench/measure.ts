/**
 * Everything measured on one dataset: our server and the floor in one process, the peer in
 * another, the same requests, connections and duration for each.
 */
import { firstDifference } from './equivalence.js';
import { runLoad, warmUp, type LoadResult, type LoadTarget } from './load.js';
import type { Dataset } from './datasets.js';
import type { BenchOptions } from './options.js';
import { peerDeepAsOurs } from './peer.js';
import { graphqlBody, peerBody, peerVariedBody, variedBody, variedRequests, type BenchQuery } from './queries.js';
import { startServer, type RunningServer } from './servers.js';
import { FLOOR_PREFIX, type FloorName } from './floor-route.js';

/**
 * ours: our server. floor: one hand-written SQL statement over the facts; projection-floor: one
 * over the projection tables (the comparison only). peer: PostGraphile 5; peer4: PostGraphile
 * 4.14 (the deep query on PostgreSQL only).
 */
export type Implementation = 'ours' | 'floor' | 'projection-floor' | 'peer' | 'peer4';
export type Against = Exclude<Implementation, 'ours'>;

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
  mode: Measurement['mode'];
  against: Against;
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
  const [, warmMs] = await timed(() => warmUp(target.next ? { ...target, body: target.next() } : target, 3));
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
    `  ${labels.implementation.padEnd(16)} ${labels.query.padEnd(10)} ${mode.padEnd(6)} ${load.requestsPerSecond.toFixed(1).padStart(7)} req/s  p50 ${load.latency.p50} ms  p99 ${load.latency.p99} ms${reducedConnections ? '  (1 connection)' : ''}` +
      (load.non2xx + load.errors ? `  ${load.non2xx} not 2xx, ${load.errors} errors` : ''),
  );
  return { measurement: { ...labels, mode, firstRequestMs, load, reducedConnections }, answer: first };
}

function compare(query: BenchQuery, mode: Measurement['mode'], against: Against, ours: unknown, theirs: unknown): Equivalence {
  const difference = firstDifference(ours, theirs);
  if (difference) log(`  ! ${query} (${mode}): ours and the ${against} differ at ${difference}`);
  return { query, mode, against, same: difference === null, difference };
}

/** Where each implementation is asked, and how it words a request. */
interface Contender {
  implementation: Implementation;
  server: RunningServer;
  path: string;
  /** The peer names things its own way: its body, and its answer in our shape. */
  peer: boolean;
}

export async function measureDataset(dataset: Dataset, options: BenchOptions, profileDir?: string): Promise<DatasetResult> {
  const withPeer = dataset.engine === 'postgresql' && !options.skipPeer;
  const ours = await startServer('ours', dataset.url, { profileDir });
  const peers = withPeer ? await Promise.all([startServer('peer', dataset.url), startServer('peer4', dataset.url)]) : [];
  const measurements: Measurement[] = [];
  const equivalence: Equivalence[] = [];
  const floor = (name: FloorName) => `${FLOOR_PREFIX}${name}`;
  try {
    for (const query of ['comparison', 'deep'] as const) {
      const first = query === 'comparison' ? options.page : options.deepPage;
      const contenders: Contender[] = [
        { implementation: 'ours', server: ours, path: '/graphql', peer: false },
        { implementation: 'floor', server: ours, path: floor(query), peer: false },
        ...(query === 'comparison'
          ? [{ implementation: 'projection-floor' as const, server: ours, path: floor('comparison-projection'), peer: false }]
          : []),
        ...(query === 'deep' && peers.length
          ? [
              { implementation: 'peer' as const, server: peers[0], path: '/graphql', peer: true },
              { implementation: 'peer4' as const, server: peers[1], path: '/graphql', peer: true },
            ]
          : []),
      ];
      for (const mode of ['repeat', 'varied'] as const) {
        let answerOfOurs: unknown = null;
        for (const c of contenders) {
          // Varied: no two requests alike, and every contender is sent the same sequence (same seed).
          const requests = variedRequests(query, first);
          const target =
            mode === 'repeat'
              ? { url: `${c.server.url}${c.path}`, body: c.peer ? peerBody(first) : graphqlBody(query, first) }
              : (() => {
                  const next = () => (c.peer ? peerVariedBody(requests.next()) : variedBody(query, requests.next()));
                  return { url: `${c.server.url}${c.path}`, body: next(), next };
                })();
          const labels = {
            query,
            first,
            implementation: c.implementation,
            mode,
            ...(mode === 'varied' ? { distinctRequests: requests.distinct } : {}),
          };
          const { measurement, answer } = await measure(c.server, target, labels, options);
          measurements.push(measurement);
          const parsed = c.peer ? peerDeepAsOurs(JSON.parse(answer)) : JSON.parse(answer);
          if (c.implementation === 'ours') answerOfOurs = parsed;
          else equivalence.push(compare(query, mode, c.implementation, answerOfOurs, parsed));
        }
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
    await Promise.all([ours.stop(), ...peers.map((p) => p.stop())]);
  }
}
