/** Routes served beside /graphql. Each route lives in its own module and is listed here. */
import type { Db } from '../db/client.js';
import type { createServer } from './yoga.js';
import type { DatabaseSource } from './database-source.js';
import type { HttpPolicy } from './http-policy.js';
import { healthRoute } from './health.js';
import { dashboardRoute } from '../dashboard/route.js';
import { reconcileServiceRoute } from '../reconcile-service/route.js';
import { comparisonCsvRoute, popoloRoute } from '../exports/route.js';

export interface RouteContext {
  db: Db;
  yoga: ReturnType<typeof createServer>;
  /** The database as the server watches it (database-source.ts); `db` is its current client. */
  source: DatabaseSource;
  /** CORS and proxy trust (http-policy.ts), one for every route. */
  policy: HttpPolicy;
}

export interface Route {
  matches(url: URL, request: Request): boolean;
  handle(request: Request, url: URL, context: RouteContext): Promise<Response> | Response;
}

export const routes: Route[] = [healthRoute, dashboardRoute, reconcileServiceRoute, comparisonCsvRoute, popoloRoute];
