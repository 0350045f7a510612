/** Downloads: /export/comparison.csv (the comparison, filtered as the dashboard filters) and /export/popolo.json. */
import type { Route } from '../http/route.js';
import { comparisonParams, ParameterError } from './comparison-params.js';
import { comparisonCsv } from './comparison-csv.js';
import { GraphQLRequestError } from './graphql-client.js';
import { popolo } from './popolo.js';

function problem(message: string, status = 400): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export const comparisonCsvRoute: Route = {
  matches: (url) => url.pathname === '/export/comparison.csv',
  handle: async (_request, url, context) => {
    try {
      const csv = await comparisonCsv(context, comparisonParams(url.searchParams));
      return new Response(csv, {
        headers: {
          'content-type': 'text/csv; charset=utf-8; header=present',
          'content-disposition': 'attachment; filename="comparison.csv"',
        },
      });
    } catch (error) {
      // Bad parameters and names the read model does not know are the client's to fix.
      if (error instanceof ParameterError) return problem(error.message);
      if (error instanceof GraphQLRequestError) return problem(error.message, error.status);
      throw error;
    }
  },
};

export const popoloRoute: Route = {
  matches: (url) => url.pathname === '/export/popolo.json',
  handle: async (_request, _url, context) =>
    new Response(JSON.stringify(await popolo(context.db), null, 2), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'inline; filename="popolo.json"' },
    }),
};
