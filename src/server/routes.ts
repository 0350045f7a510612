/** Routes served beside /graphql. Each route lives in its own module and is listed here. */
import type { Db } from '../db/client.js';
import type { createServer } from './yoga.js';

export interface RouteContext {
  db: Db;
  yoga: ReturnType<typeof createServer>;
}

export interface Route {
  matches(url: URL, request: Request): boolean;
  handle(request: Request, url: URL, context: RouteContext): Promise<Response> | Response;
}

export const routes: Route[] = [];
