/**
 * The HTTP application: GraphQL at /graphql and the other routes a deployment serves.
 * Routes are WHATWG fetch handlers, so tests can call `app.fetch` in-process exactly as
 * they call the GraphQL server.
 */
import { createServerAdapter } from '@whatwg-node/server';
import type { Db } from '../db/client.js';
import { createServer } from './yoga.js';
import { routes, type RouteContext } from './routes.js';

export function createApp(db: Db) {
  const yoga = createServer(db);
  const context: RouteContext = { db, yoga };
  return createServerAdapter(async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname === '/graphql' || url.pathname.startsWith('/graphql/')) return yoga.fetch(request);
    for (const route of routes) {
      if (route.matches(url, request)) return route.handle(request, url, context);
    }
    return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  });
}
