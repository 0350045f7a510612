import { createYoga } from 'graphql-yoga';
import { schema } from '../schema/index.js';
import type { Db } from '../db/client.js';
import { ReadCache } from '../schema/read-cache.js';

/** The GraphQL server over one database; tests call `fetch` on it in-process. */
export function createServer(db: Db) {
  const cache = new ReadCache(db);
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: {
      title: 'Observer Ledger',
      defaultQuery: DEFAULT_QUERY,
    },
    context: () => ({ db, cache }),
    // Error masking stays on: clients see messages of errors made with createGraphQLError only.
    maskedErrors: true,
  });
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
