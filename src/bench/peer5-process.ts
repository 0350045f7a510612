/**
 * The peer as released today: PostGraphile 5 (Amber preset, grafserv on node:http) over the
 * benchmark's PostgreSQL database, in its own process (started by src/bench/servers.ts; reports its
 * port over IPC, exits on "stop"). Installed as the devDependency `postgraphile5` beside
 * PostGraphile 4 (peer4-process.ts), which keeps the name `postgraphile`.
 *
 * PostGraphile 5 calls Promise.withResolvers, which Node 20 lacks: the polyfill below is the
 * specification's own algorithm, installed before PostGraphile loads.
 */
import http from 'node:http';
import { serveForParent } from './child-server.js';

type Resolvers<T> = { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void };
const promises = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> };
promises.withResolvers ??= <T>() => {
  let resolve!: Resolvers<T>['resolve'];
  let reject!: Resolvers<T>['reject'];
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

// Only a devDependency, loaded here and never by the app.
const { postgraphile } = await import('postgraphile5');
const { PostGraphileAmberPreset } = await import('postgraphile5/presets/amber');
const { makePgService } = await import('postgraphile5/adaptors/pg');
const { grafserv } = await import('postgraphile5/grafserv/node');

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  // As many connections as our server's pool (pg's default of 10).
  pgServices: [makePgService({ connectionString: url, schemas: ['public'], poolConfig: { max: 10 } })],
  // Production settings: no GraphiQL, no schema watching, no mutations to build. Every column
  // orders, indexed or not, as in PostGraphile 4 by default (ignoreIndexes): the same API as the earlier peer.
  grafserv: { graphiql: false, watch: false },
  disablePlugins: ['MutationPlugin', 'PgIndexBehaviorsPlugin'],
});
const serv = pgl.createServ(grafserv);

const server = http.createServer();
serv.addTo(server);
serveForParent(server, () => pgl.release());
