/**
 * What a route beside /graphql is, and what it is given. Each route lives in its own module;
 * the server lists them (src/server/routes.ts) and no route imports the server.
 */
import type { Db } from '../db/client.js';
import type { DatabaseSource } from './database-source.js';
import type { HttpPolicy } from './policy.js';

/** The GraphQL endpoint in-process: routes that read through the public API (the exports) call it. */
export interface GraphQLEndpoint {
  fetch(url: string, init: RequestInit): Promise<Response> | Response;
}

export interface RouteContext {
  db: Db;
  graphql: GraphQLEndpoint;
  /** The database as the server watches it (database-source.ts); `db` is its current client. */
  source: DatabaseSource;
  /** CORS and proxy trust (policy.ts), one for every route. */
  policy: HttpPolicy;
}

export interface Route {
  /** The largest request body the route takes, in bytes; the server's limit when not given. */
  maxBodyBytes?: number;
  matches(url: URL, request: Request): boolean;
  handle(request: Request, url: URL, context: RouteContext): Promise<Response> | Response;
}
