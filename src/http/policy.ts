/**
 * One HTTP policy for every route, configured by the environment (documented in the README,
 * "Reliability"):
 * - CORS_ORIGINS: `*` (the default: a public read API that uses no cookies, so any page may read
 *   it) or a comma-separated list of origins, each answered with its own name, others with no
 *   CORS header at all. Credentials are never allowed: writes authenticate with a bearer token,
 *   which a browser never adds by itself.
 * - TRUST_PROXY=1: the server runs behind a reverse proxy, so `X-Forwarded-For` names the client
 *   (for rate limits) and `X-Forwarded-Host`/`-Proto` the address clients reach. Unset, those
 *   headers are ignored: any client could send them.
 */
export interface HttpPolicy {
  /** null: any origin (`*`); otherwise the origins allowed. */
  corsOrigins: ReadonlySet<string> | null;
  trustProxy: boolean;
}

export function httpPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): HttpPolicy {
  const origins = (env.CORS_ORIGINS ?? '*')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return {
    corsOrigins: origins.length === 0 || origins.includes('*') ? null : new Set(origins),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
}

/** Request headers a cross-origin script may send: a token, JSON, and the CSRF-prevention headers. */
const ALLOWED_HEADERS = 'authorization, content-type, accept, x-graphql-yoga-csrf, graphql-preflight, apollo-require-preflight';
/** Response headers a cross-origin script may read. */
const EXPOSED_HEADERS = 'retry-after, etag, content-disposition';

/** The CORS headers for a request from `origin` (null: not a cross-origin request). */
export function corsHeaders(policy: HttpPolicy, origin: string | null): Record<string, string> {
  if (policy.corsOrigins === null) return { 'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSED_HEADERS };
  const headers: Record<string, string> = { vary: 'Origin' };
  if (origin && policy.corsOrigins.has(origin))
    Object.assign(headers, { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED_HEADERS });
  return headers;
}

/** The answer to a CORS preflight, the same for every route. */
export function preflight(policy: HttpPolicy, origin: string | null): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(policy, origin),
      'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': '600',
    },
  });
}

/** The client a request counts against: the socket's address, or the proxy's word for it when trusted. */
export function clientAddress(policy: HttpPolicy, request: Request, socketAddress: string | undefined): string {
  if (policy.trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded && /^[0-9a-f.:]{2,45}$/i.test(forwarded)) return forwarded;
  }
  return socketAddress ?? 'local';
}
