/**
 * The earlier peer: PostGraphile 4.14 in library mode over the benchmark's PostgreSQL database, in its own
 * process (started by src/bench/servers.ts; reports its port over IPC, exits on "stop").
 *
 * As installed, PostGraphile 4.14.1 carries two copies of graphql 15 (its own and
 * graphile-build-pg's); a schema built with one and arguments read with the other fail every
 * query with "Unexpected input type". Here every `graphql` import resolves to PostGraphile's
 * copy — what `npm dedupe` would make of it — before PostGraphile loads.
 */
import http from 'node:http';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { serveForParent } from './child-server.js';

const require = createRequire(import.meta.url);
const postgraphileDir = path.dirname(require.resolve('postgraphile/package.json'));
const graphqlDir = path.dirname(require.resolve('graphql/package.json', { paths: [postgraphileDir] }));

// Node's CommonJS resolver is not part of its typed API; this is its documented-by-use signature.
type Resolve = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
const internals = Module as unknown as { _resolveFilename: Resolve };
const resolve = internals._resolveFilename;
internals._resolveFilename = (request, parent, isMain, options) =>
  request === 'graphql' || request.startsWith('graphql/')
    ? resolve(path.join(graphqlDir, request.slice('graphql'.length)), parent, isMain, options)
    : resolve(request, parent, isMain, options);

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

// postgraphile is CommonJS and only a devDependency: loaded here, never by the app.
const { postgraphile } = require('postgraphile') as typeof import('postgraphile');
const pool = new pg.Pool({ connectionString: url, max: 10 });
const middleware = postgraphile(pool, 'public', {
  // Production settings: no GraphiQL, no query log, no schema watching, no mutations to build.
  graphiql: false,
  disableQueryLog: true,
  watchPg: false,
  disableDefaultMutations: true,
  retryOnInitFail: false,
});

serveForParent(http.createServer(middleware), () => pool.end());
