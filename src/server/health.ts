/**
 * GET /healthz: whether the database answers, the process's memory, and the hardening counters.
 * Load balancers poll it; the soak test reads the server's heap from it. `?gc=1` collects garbage
 * first, for a heap figure without uncollected garbage in it, but only in a process started with
 * --expose-gc (as the soak test starts it); elsewhere the parameter does nothing.
 */
import type { Route } from '../http/route.js';
import type { HardeningStats } from './hardening.js';

export const healthRoute = (stats: HardeningStats): Route => ({
  matches: (url, request) => url.pathname === '/healthz' && request.method === 'GET',
  async handle(_request, url, { source }) {
    let database: 'up' | 'down' = 'up';
    try {
      await source.acquire().db.$queryRawUnsafe('SELECT 1');
    } catch {
      database = 'down';
    }
    const gc = (globalThis as { gc?: () => void }).gc;
    if (url.searchParams.get('gc') === '1' && gc) gc();
    const { rss, heapUsed } = process.memoryUsage();
    const body = { status: database === 'up' ? 'ok' : 'degraded', database, memory: { rss, heapUsed }, hardening: stats };
    return new Response(JSON.stringify(body), {
      status: database === 'up' ? 200 : 503,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  },
});
