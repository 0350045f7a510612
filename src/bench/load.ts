/** HTTP load with autocannon: a bounded run against one endpoint, reduced to the figures reported. */
import autocannon from 'autocannon';

export interface LoadTarget {
  url: string;
  /** The JSON request body (POST). */
  body: string;
  /** When given, every request's body instead: the varied mode, no two requests alike. */
  next?: () => string;
}

export interface LoadSettings {
  connections: number;
  /** Seconds; autocannon stops by itself. */
  duration: number;
  /** A number of requests instead of a duration, for a request too slow to finish within it. */
  amount?: number;
}

export interface LoadResult {
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Milliseconds. */
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Responses that were not 2xx, and connection errors or timeouts: any of these spoils a run. */
  non2xx: number;
  errors: number;
  bytesPerResponse: number;
}

export async function runLoad(target: LoadTarget, settings: LoadSettings): Promise<LoadResult> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: target.body,
    ...(target.next ? { requests: [{ setupRequest: (request: object) => ({ ...request, body: target.next!() }) }] } : {}),
    connections: settings.connections,
    ...(settings.amount ? { amount: settings.amount } : { duration: settings.duration }),
    // A request slower than this counts as an error rather than stalling the run.
    timeout: 120,
  });
  const completed = result['2xx'] + result.non2xx;
  return {
    connections: settings.connections,
    durationSeconds: result.duration,
    requests: completed,
    requestsPerSecond: completed / result.duration,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    bytesPerResponse: completed ? Math.round(result.throughput.total / completed) : 0,
  };
}

/**
 * Sends the request a few times before measuring (JIT, caches, prepared statements) and returns
 * the last answer. A varied target sends its next requests, so that the warm-up is timed as the
 * run will be, never answered from a cache.
 */
export async function warmUp(target: LoadTarget, times = 5): Promise<string> {
  let text = '';
  for (let i = 0; i < times; i++) {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: target.next && i > 0 ? target.next() : target.body,
    });
    text = await response.text();
    if (!response.ok) throw new Error(`${target.url} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return text;
}
