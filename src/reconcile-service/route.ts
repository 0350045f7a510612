/**
 * The W3C Reconciliation Service API (version 0.2, as OpenRefine speaks it) at /reconcile:
 * manifest, batched queries, suggest, flyout, preview, data extension and property proposals.
 * Parameters come in the query string or a form body; `callback` wraps JSON as JSONP.
 */
import type { Route, RouteContext } from '../server/routes.js';
import { catalogFor } from './service.js';
import { manifest } from './manifest.js';
import { reconcile, type ReconciliationQuery } from './query.js';
import { asType, suggestEntities, suggestProperties, suggestTypes } from './suggest.js';
import { flyoutHtml, previewHtml, escapeHtml } from './preview.js';
import { extend, proposeProperties, type ExtensionQuery } from './extend.js';

const PREFIX = '/reconcile';
const JSONP_CALLBACK = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const CORS = { 'access-control-allow-origin': '*' };

class BadRequest extends Error {}

async function parameters(request: Request, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.searchParams);
  if (request.method === 'POST') {
    const type = request.headers.get('content-type') ?? '';
    if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
      const form = await request.formData();
      form.forEach((value, key) => {
        if (typeof value === 'string') params.set(key, value);
      });
    }
  }
  return params;
}

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new BadRequest(`${what} is not valid JSON`);
  }
}

function json(body: unknown, params: URLSearchParams, status = 200): Response {
  const callback = params.get('callback');
  if (callback) {
    if (!JSONP_CALLBACK.test(callback)) return new Response('bad callback name', { status: 400, headers: { 'content-type': 'text/plain' } });
    return new Response(`/**/${callback}(${JSON.stringify(body)});`, { status, headers: { 'content-type': 'text/javascript; charset=utf-8', ...CORS } });
  }
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...CORS } });
}

function html(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...CORS } });
}

function origin(request: Request, url: URL): string {
  // Behind a proxy the forwarded host and scheme are the ones clients can reach.
  const host = request.headers.get('x-forwarded-host');
  const proto = request.headers.get('x-forwarded-proto');
  return host ? `${proto ?? url.protocol.replace(':', '')}://${host}` : url.origin;
}

function queryBatch(text: string): Record<string, ReconciliationQuery> {
  const batch = parseJson<unknown>(text, 'queries');
  if (!batch || typeof batch !== 'object' || Array.isArray(batch)) throw new BadRequest('queries must be an object of named queries');
  for (const [key, q] of Object.entries(batch)) {
    if (!q || typeof q !== 'object') throw new BadRequest(`query ${key} must be an object`);
  }
  return batch as Record<string, ReconciliationQuery>;
}

async function handle(request: Request, url: URL, context: RouteContext): Promise<Response> {
  const params = await parameters(request, url);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const catalog = () => {
    const { db, cache } = context.source.acquire();
    return catalogFor(db, cache);
  };

  if (path === PREFIX) {
    if (params.has('queries')) {
      const batch = queryBatch(params.get('queries')!);
      const cat = await catalog();
      return json(Object.fromEntries(Object.entries(batch).map(([key, q]) => [key, { result: reconcile(cat, q) }])), params);
    }
    if (params.has('extend')) {
      const query = parseJson<ExtensionQuery>(params.get('extend')!, 'extend');
      if (!Array.isArray(query?.ids) || !Array.isArray(query?.properties)) throw new BadRequest('extend needs "ids" and "properties" lists');
      return json(extend(await catalog(), query), params);
    }
    if (params.has('query')) {
      // Single-query form of the older protocol: a bare string or one query object.
      const raw = params.get('query')!;
      const q: ReconciliationQuery = raw.trim().startsWith('{') ? parseJson<ReconciliationQuery>(raw, 'query') : { query: raw };
      return json({ result: reconcile(await catalog(), q) }, params);
    }
    return json(manifest(origin(request, url)), params);
  }
  const cursor = Math.max(0, Number(params.get('cursor') ?? 0) || 0);
  switch (path) {
    case `${PREFIX}/suggest/entity`:
      return json(suggestEntities(await catalog(), params.get('prefix') ?? '', params.get('type'), cursor), params);
    case `${PREFIX}/suggest/type`:
      return json(suggestTypes(params.get('prefix') ?? ''), params);
    case `${PREFIX}/suggest/property`:
      return json(suggestProperties(params.get('prefix') ?? '', params.get('type')), params);
    case `${PREFIX}/flyout/entity`: {
      const cat = await catalog();
      const entry = cat.get(params.get('id') ?? '');
      if (!entry) return json({ error: 'no such record' }, params, 404);
      return json({ id: entry.id, html: flyoutHtml(entry, cat) }, params);
    }
    case `${PREFIX}/preview`: {
      const cat = await catalog();
      const id = params.get('id') ?? '';
      const entry = cat.get(id);
      if (!entry) return html(`<!doctype html><p>No organization, person or area has the id ${escapeHtml(id)}.</p>`, 404);
      return html(previewHtml(entry, cat));
    }
    case `${PREFIX}/propose_properties`: {
      const type = asType(params.get('type'));
      if (!type) throw new BadRequest('type must be Organization, Person or Area');
      return json(proposeProperties(type, Math.max(0, Number(params.get('limit') ?? 0) || 0)), params);
    }
    default:
      return json({ error: 'not found' }, params, 404);
  }
}

export const reconcileServiceRoute: Route = {
  matches: (url) => url.pathname === PREFIX || url.pathname.startsWith(`${PREFIX}/`),
  handle: async (request, url, context) => {
    if (request.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: { ...CORS, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type' } });
    }
    if (request.method !== 'GET' && request.method !== 'POST') return new Response('method not allowed', { status: 405, headers: { allow: 'GET, POST' } });
    try {
      return await handle(request, url, context);
    } catch (error) {
      if (error instanceof BadRequest) return json({ error: error.message }, url.searchParams, 400);
      throw error;
    }
  },
};
