/**
 * The HTTP application: GraphQL at /graphql and the other routes a deployment serves.
 * Routes are WHATWG fetch handlers, so tests can call `app.fetch` in-process exactly as
 * they call the GraphQL server.
 */
import { createServerAdapter } from '@whatwg-node/server';
import type { Db } from '../db/client.js';
import { createServer, type ServerOptions } from './yoga.js';
import { routes, type RouteContext } from './routes.js';
import { asSource, type DatabaseSource } from './database-source.js';
import { limitBody } from './hardening.js';

export function createApp(database: Db | DatabaseSource, options: ServerOptions = {}) {
  const source = asSource(database);
  const yoga = createServer(source, options);
  const context: RouteContext = {
    source,
    yoga,
    // The client of the moment: a watched database reconnects when its file is replaced.
    get db() {
      return source.acquire().db;
    },
  };
  return createServerAdapter(async (request: Request, serverContext: Record<string, unknown>): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname === '/graphql' || url.pathname.startsWith('/graphql/')) {
      // The body is bounded before yoga reads (and parses) any of it.
      const limited = await limitBody(request, yoga.limits.maxBodyBytes, yoga.stats);
      if (limited instanceof Response) return limited;
      return yoga.fetch(limited, serverContext);
    }
    for (const route of routes) {
      if (route.matches(url, request)) return route.handle(request, url, context);
    }
    return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  });
}
