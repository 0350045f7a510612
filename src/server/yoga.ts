import { createYoga } from 'graphql-yoga';
import { schema } from '../schema/index.js';
import type { Db } from '../db/client.js';
import type { Context } from '../schema/builder.js';
import { authenticate } from '../curation/tokens.js';
import { asSource, unavailable, type DatabaseSource } from '../http/database-source.js';
import { graphiqlOptions, renderGraphiQL } from './graphiql.js';
import { persistedOperations } from './persisted-operations.js';
import { clientAddress, httpPolicyFromEnv, type HttpPolicy } from '../http/policy.js';
import { costLimit } from './cost-limit.js';
import { csrfPrevention } from './csrf.js';
import { executionBounds } from './execution-bounds.js';
import { responseCache } from './response-cache.js';
import {
  armorPlugins,
  limitsFromEnv,
  LIMITS,
  maskError,
  newStats,
  RateLimiter,
  writeRateLimit,
  type HardeningStats,
  type Limits,
} from './hardening.js';

export interface ServerOptions {
  /** Overrides of the documented limits (tests use tight ones). */
  limits?: Partial<Limits>;
  stats?: HardeningStats;
  /** Accept only the persisted documents (persisted-operations.ts); PERSISTED_OPERATIONS_ONLY when not given. */
  persistedOperationsOnly?: boolean;
  /** CORS and proxy trust; from the environment when not given. */
  policy?: HttpPolicy;
  /** Answer repeated anonymous reads from the response cache (on unless false: tests that count SQL turn it off). */
  responseCache?: boolean;
}

/** The GraphQL server over one database; tests call `fetch` on it in-process. */
export function createServer(database: Db | DatabaseSource, options: ServerOptions = {}) {
  const source = asSource(database);
  const limits: Limits = { ...LIMITS, ...limitsFromEnv(), ...options.limits };
  const stats = options.stats ?? newStats();
  const policy = options.policy ?? httpPolicyFromEnv();
  const limiter = new RateLimiter(limits.writeBurst, limits.writesPerMinute);
  const yoga = createYoga<{ req?: { socket?: { remoteAddress?: string } } }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: graphiqlOptions,
    renderGraphiQL,
    // The token is resolved once per request; the role it carries decides the schema's authScopes.
    context: async ({ request, ...serverContext }): Promise<Context> => {
      const { db, cache } = source.acquire();
      const auth = await authenticate(db, request.headers.get('authorization')).catch(() => {
        throw unavailable();
      });
      return {
        db,
        cache,
        actor: auth.actor,
        authProblem: auth.problem,
        client: auth.actor
          ? `token:${auth.actor.name}`
          : `address:${clientAddress(policy, request, serverContext.req?.socket?.remoteAddress)}`,
      };
    },
    plugins: [
      csrfPrevention(),
      ...armorPlugins(limits, stats),
      costLimit(limits.maxCost, stats),
      writeRateLimit(limiter, stats),
      executionBounds(limits, stats),
      persistedOperations(options),
      // Last: a persisted operation's document is known by the time the cache key is built.
      ...(options.responseCache === false ? [] : [responseCache(source)]),
    ],
    // Error masking stays on: clients see messages of errors made with createGraphQLError only.
    maskedErrors: { maskError },
    // No uploads here: multipart bodies are refused rather than parsed.
    multipart: false,
    // CORS is the app's, the same for every route (http-policy.ts).
    cors: false,
  });
  return Object.assign(yoga, { stats, limits });
}
