/**
 * The comparison dashboard: the page at /, its ES modules, styles and GraphQL operations
 * under /dashboard/, and Chart.js (its UMD build, straight from node_modules) at /vendor/chart.js.
 * Only files listed at start-up are served, so no path can reach outside this folder.
 * /dashboard/persisted-documents.json gives the id of each operation in the server's store of
 * persisted documents, which the page sends instead of the operation's text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Route } from '../http/route.js';
import { PERSISTED_IDS_PATH, persistedDocuments } from '../http/persisted-documents.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const chartJs = path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.graphql': 'text/plain; charset=utf-8',
};

const files = new Map<string, string>([
  ['/', path.join(here, 'index.html')],
  ['/vendor/chart.js', chartJs],
]);
for (const name of fs.readdirSync(here)) {
  if (CONTENT_TYPES[path.extname(name)] && name !== 'index.html') files.set(`/dashboard/${name}`, path.join(here, name));
}

/** Operation name → document id, from the same store the server answers from, so the two always agree. */
function persistedIds(request: Request): Response {
  const store = persistedDocuments();
  if (!store)
    return new Response('no persisted documents: run npm run codegen\n', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  return new Response(request.method === 'HEAD' ? null : JSON.stringify(store.idByOperation), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' },
  });
}

export const dashboardRoute: Route = {
  matches: (url, request) =>
    (request.method === 'GET' || request.method === 'HEAD') && (files.has(url.pathname) || url.pathname === PERSISTED_IDS_PATH),
  handle: async (request, url) => {
    if (url.pathname === PERSISTED_IDS_PATH) return persistedIds(request);
    const file = files.get(url.pathname)!;
    const body = await fs.promises.readFile(file);
    return new Response(request.method === 'HEAD' ? null : body, {
      headers: {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        // The page and its modules change with the server; the vendored library only with npm ci.
        'cache-control': url.pathname.startsWith('/vendor/') ? 'public, max-age=86400' : 'no-cache',
      },
    });
  },
};
