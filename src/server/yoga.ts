import { createYoga } from 'graphql-yoga';
import { schema } from '../schema/index.js';
import type { Db } from '../db/client.js';
import type { Context } from '../schema/builder.js';
import { authenticate } from '../curation/tokens.js';
import { asSource, unavailable, type DatabaseSource } from './database-source.js';
import { armorPlugins, LIMITS, maskError, newStats, RateLimiter, writeRateLimit, type HardeningStats, type Limits } from './hardening.js';

export interface ServerOptions {
  /** Overrides of the documented limits (tests use tight ones). */
  limits?: Partial<Limits>;
  stats?: HardeningStats;
}

/** The client's address as the socket reports it; in-process requests have none. */
function clientAddress(serverContext: { req?: { socket?: { remoteAddress?: string } } }): string {
  return serverContext.req?.socket?.remoteAddress ?? 'local';
}

/** The GraphQL server over one database; tests call `fetch` on it in-process. */
export function createServer(database: Db | DatabaseSource, options: ServerOptions = {}) {
  const source = asSource(database);
  const limits: Limits = { ...LIMITS, ...options.limits };
  const stats = options.stats ?? newStats();
  const limiter = new RateLimiter(limits.writeBurst, limits.writesPerMinute);
  const yoga = createYoga<{ req?: { socket?: { remoteAddress?: string } } }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: {
      title: 'Observer Ledger',
      defaultQuery: DEFAULT_QUERY,
    },
    // The token is resolved once per request; the role it carries decides the schema's authScopes.
    context: async ({ request, ...serverContext }): Promise<Context> => {
      const { db, cache } = source.acquire();
      const auth = await authenticate(db, request.headers.get('authorization')).catch(() => {
        throw unavailable();
      });
      return { db, cache, actor: auth.actor, authProblem: auth.problem, client: auth.actor ? `token:${auth.actor.name}` : `address:${clientAddress(serverContext)}` };
    },
    plugins: [...armorPlugins(limits, stats), writeRateLimit(limiter, stats)],
    // Error masking stays on: clients see messages of errors made with createGraphQLError only.
    maskedErrors: { maskError },
    // No uploads here: multipart bodies are refused rather than parsed.
    multipart: false,
  });
  return Object.assign(yoga, { stats, limits });
}

const DEFAULT_QUERY = /* GraphQL */ `# Observer Ledger: CIS-EMO's assessments beside other monitoring bodies'.
query Ukraine2012 {
  comparison(filter: { area: "Ukraine", yearFrom: 2012, yearTo: 2012 }) {
    elections(first: 5) {
      edges {
        node {
          election { title date }
          rounds {
            round
            subjectVerdict
            others { organization { name } verdict gap agrees status }
          }
          missing { kind organization { name } }
        }
      }
    }
  }
}
`;
