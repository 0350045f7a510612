/**
 * GraphiQL at /graphql in a browser, served whole by this server. graphql-yoga's default page loads
 * GraphiQL's script, styles and editor workers from unpkg.com, so offline it never gets past
 * "Loading…"; @graphql-yoga/render-graphiql inlines all of them (and the favicon, as a data: URL)
 * into the one HTML page, so the page needs nothing beyond this server.
 */
import type { GraphiQLOptions } from 'graphql-yoga';

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

export const graphiqlOptions: GraphiQLOptions = {
  title: 'Observer Ledger',
  defaultQuery: DEFAULT_QUERY,
};

// The page is about 9 MB (the bundle and three editor workers). It is imported on the first
// GraphiQL request rather than at start-up, since most servers (and every test) never render it,
// and kept once rendered: the options are the same on every request.
const rendered = new Map<string, Promise<string>>();

export function renderGraphiQL(options: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options);
  let page = rendered.get(key);
  if (!page) {
    page = import('@graphql-yoga/render-graphiql').then((m) => m.renderGraphiQL(options));
    // A failed import is not remembered, so the next request tries again.
    page.catch(() => rendered.delete(key));
    rendered.set(key, page);
  }
  return page;
}
