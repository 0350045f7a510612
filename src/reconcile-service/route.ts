/**
 * The W3C Reconciliation Service API (version 0.2, as OpenRefine speaks it) at /reconcile:
 * manifest, batched queries, suggest, flyout, preview, data extension and property proposals.
 * Parameters come in the query string or a form body; `callback` wraps JSON as JSONP.
 * Every field is validated where it is read (validate.ts) within the limits of limits.ts; a
 * client's mistake is a 400 naming it, anything else a 500 or 503 that shows nothing internal.
 */
import type { Route, RouteContext } from '../http/route.js';
import { DATABASE_UNAVAILABLE, isUnavailable, RETRY_AFTER_SECONDS } from '../http/failures.js';
import { catalogFor } from './service.js';
import { manifest } from './manifest.js';
import { reconcile } from './query.js';
import { asType, suggestEntities, suggestProperties, suggestTypes } from './suggest.js';
import { flyoutHtml, previewHtml, escapeHtml } from './preview.js';
import { extend, proposeProperties } from './extend.js';
import { readForm } from './body.js';
import { publicOrigin } from './origin.js';
import { MAX_BODY_BYTES } from './limits.js';
import {
  BadRequest,
  PayloadTooLarge,
  callbackParam,
  cursorParam,
  extensionQuery,
  idParam,
  limitParam,
  prefixParam,
  queryBatch,
  singleQuery,
  typeParam,
} from './validate.js';

const PREFIX = '/reconcile';

function json(body: unknown, callback: string | null = null, status = 200, headers: Record<string, string> = {}): Response {
  if (callback) {
    return new Response(`/**/${callback}(${JSON.stringify(body)});`, {
      status,
      headers: { 'content-type': 'text/javascript; charset=utf-8', ...headers },
    });
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

function html(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** What a failure tells the client: its own mistake in full, anything else only its kind. */
function failure(error: unknown): Response {
  if (error instanceof BadRequest) return json({ error: error.message }, null, 400);
  if (error instanceof PayloadTooLarge) return json({ error: error.message }, null, 413, { connection: 'close' });
  if (isUnavailable(error)) {
    return json({ error: DATABASE_UNAVAILABLE }, null, 503, { 'retry-after': String(RETRY_AFTER_SECONDS) });
  }
  console.error('reconciliation service:', error);
  return json({ error: 'internal error' }, null, 500);
}

async function handle(request: Request, url: URL, context: RouteContext): Promise<Response> {
  const params = await readForm(request, url);
  const callback = callbackParam(params);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const catalog = () => {
    const { db, cache } = context.source.acquire();
    return catalogFor(db, cache);
  };

  if (path === PREFIX) {
    if (params.has('queries')) {
      const batch = queryBatch(params.get('queries')!);
      const cat = await catalog();
      // Matching is CPU work: yielding between the queries of a batch lets other requests be answered meanwhile.
      const results: [string, { result: ReturnType<typeof reconcile> }][] = [];
      for (const [key, q] of batch) {
        results.push([key, { result: reconcile(cat, q) }]);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return json(Object.fromEntries(results), callback);
    }
    if (params.has('extend')) {
      const query = extensionQuery(params.get('extend')!);
      return json(extend(await catalog(), query), callback);
    }
    if (params.has('query')) {
      // Single-query form of the older protocol: a bare string or one query object.
      const q = singleQuery(params.get('query')!);
      return json({ result: reconcile(await catalog(), q) }, callback);
    }
    return json(manifest(publicOrigin(request, url, context.policy.trustProxy)), callback);
  }
  switch (path) {
    case `${PREFIX}/suggest/entity`: {
      const [prefix, type, cursor] = [prefixParam(params), typeParam(params), cursorParam(params)];
      return json(suggestEntities(await catalog(), prefix, type, cursor), callback);
    }
    case `${PREFIX}/suggest/type`:
      return json(suggestTypes(prefixParam(params)), callback);
    case `${PREFIX}/suggest/property`:
      return json(suggestProperties(prefixParam(params), typeParam(params)), callback);
    case `${PREFIX}/flyout/entity`: {
      const id = idParam(params);
      const cat = await catalog();
      const entry = cat.get(id);
      if (!entry) return json({ error: 'no such record' }, callback, 404);
      return json({ id: entry.id, html: flyoutHtml(entry, cat) }, callback);
    }
    case `${PREFIX}/preview`: {
      const id = idParam(params);
      const cat = await catalog();
      const entry = cat.get(id);
      if (!entry) return html(`<!doctype html><p>No organization, person or area has the id ${escapeHtml(id)}.</p>`, 404);
      return html(previewHtml(entry, cat));
    }
    case `${PREFIX}/propose_properties`: {
      const type = asType(typeParam(params));
      if (!type) throw new BadRequest('type must be Organization, Person or Area');
      return json(proposeProperties(type, limitParam(params)), callback);
    }
    default:
      return json({ error: 'not found' }, callback, 404);
  }
}

export const reconcileServiceRoute: Route = {
  matches: (url) => url.pathname === PREFIX || url.pathname.startsWith(`${PREFIX}/`),
  // OpenRefine's batches are larger than a GraphQL document.
  maxBodyBytes: MAX_BODY_BYTES,
  handle: async (request, url, context) => {
    if (request.method !== 'GET' && request.method !== 'POST') {
      return json({ error: 'method not allowed: use GET or POST' }, null, 405, { allow: 'GET, POST' });
    }
    try {
      return await handle(request, url, context);
    } catch (error) {
      return failure(error);
    }
  },
};
