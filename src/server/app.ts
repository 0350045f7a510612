/**
 * The HTTP application: GraphQL at /graphql and the other routes a deployment serves.
 * Routes are WHATWG fetch handlers, so tests can call `app.fetch` in-process exactly as
 * they call the GraphQL server.
 *
 * Every route passes through the same policy here: CORS, a per-client request rate, a bounded
 * body, and masking: a route's unexpected failure answers a plain 500 (or a 503 while the
 * database is away), never a stack, SQL or a path.
 */
import { createServerAdapter } from '@whatwg-node/server';
import type { Db } from '../db/client.js';
import { createServer, type ServerOptions } from './yoga.js';
import type { RouteContext } from '../http/route.js';
import { routes } from './routes.js';
import { asSource, type DatabaseSource } from '../http/database-source.js';
import { DATABASE_UNAVAILABLE, isUnavailable, RETRY_AFTER_SECONDS } from '../http/failures.js';
import { limitBody, RateLimiter } from './hardening.js';
import { clientAddress, corsHeaders, httpPolicyFromEnv, preflight } from '../http/policy.js';

/** What Node's HTTP server hands the adapter beside the request: the socket tells the client's address. */
type ServerContext = Record<string, unknown> & { req?: { socket?: { remoteAddress?: string } } };

function jsonError(status: number, message: string, code: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** A body that does not parse as its content type says (a form without its boundary, broken urlencoding): the client's to fix. */
function isUnreadableBody(error: unknown): boolean {
  return error instanceof TypeError && /parse body|FormData|Unexpected end of form|boundary/i.test(error.message);
}

/** A failure no route handled: the log keeps it, the client learns only what kind it was. */
function failure(request: Request, error: unknown): Response {
  if (isUnreadableBody(error))
    return jsonError(
      400,
      `the request body could not be read as ${request.headers.get('content-type')?.split(';')[0] ?? 'its content type'}`,
      'BAD_REQUEST',
    );
  if (isUnavailable(error))
    return jsonError(503, DATABASE_UNAVAILABLE, 'SERVICE_UNAVAILABLE', { 'retry-after': String(RETRY_AFTER_SECONDS) });
  console.error(error);
  return jsonError(500, 'Unexpected error.', 'INTERNAL_SERVER_ERROR');
}

/** The response with the policy's headers set (responses from fetch handlers may have immutable headers). */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  const copy = new Response(response.body, response);
  for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
  return copy;
}

export function createApp(database: Db | DatabaseSource, options: ServerOptions = {}) {
  const source = asSource(database);
  const policy = options.policy ?? httpPolicyFromEnv();
  const yoga = createServer(source, { ...options, policy });
  const { limits, stats } = yoga;
  const requests = limits.readsPerMinute > 0 ? new RateLimiter(limits.readBurst, limits.readsPerMinute) : null;
  const served = routes(stats);
  const context: RouteContext = {
    source,
    graphql: yoga,
    policy,
    // The client of the moment: a watched database reconnects when its file is replaced.
    get db() {
      return source.acquire().db;
    },
  };

  async function route(request: Request, serverContext: ServerContext): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === 'OPTIONS') return preflight(policy, request.headers.get('origin'));
    // Load balancers poll the health check, and in-process callers (no socket) are no network client: neither is limited.
    const client = clientAddress(policy, request, serverContext.req?.socket?.remoteAddress);
    if (requests && url.pathname !== '/healthz' && client !== 'local') {
      const verdict = requests.take(client);
      if (!verdict.allowed) {
        stats.readLimited++;
        const wait = String(verdict.retryAfterSeconds);
        return jsonError(429, `too many requests from this client: try again in ${wait} s`, 'RATE_LIMITED', { 'retry-after': wait });
      }
    }
    const isGraphQL = url.pathname === '/graphql' || url.pathname.startsWith('/graphql/');
    const target = isGraphQL ? null : served.find((candidate) => candidate.matches(url, request));
    if (!isGraphQL && !target) return jsonError(404, `nothing at ${url.pathname}`, 'NOT_FOUND');
    // The body is bounded before the route reads (and parses) it: by the route's own bound, or the server's.
    const limited = await limitBody(request, target?.maxBodyBytes ?? limits.maxBodyBytes, stats);
    if (limited instanceof Response) return limited;
    return target ? target.handle(limited, url, context) : yoga.fetch(limited, serverContext);
  }

  return createServerAdapter(async (request: Request, serverContext: Record<string, unknown>): Promise<Response> => {
    let response: Response;
    try {
      response = await route(request, serverContext as ServerContext);
    } catch (error) {
      response = failure(request, error);
    }
    return withHeaders(response, corsHeaders(policy, request.headers.get('origin')));
  });
}
