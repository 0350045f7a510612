/**
 * Downloads: /export/comparison.csv (the comparison, filtered as the dashboard filters),
 * /export/agreement.csv (its agreement figures with their intervals, same filter) and /export/popolo.json.
 */
import type { Route, RouteContext } from '../http/route.js';
import type { ComparisonParams } from './comparison-params.js';
import { comparisonParams, fileNameOf, ParameterError } from './comparison-params.js';
import { comparisonCsv } from './comparison-csv.js';
import { agreementCsv } from './agreement-csv.js';
import { GraphQLRequestError } from './graphql-client.js';
import { popolo } from './popolo.js';

function problem(message: string, status = 400): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** A CSV download of the comparison's filter: bad parameters and unknown names are the client's to fix. */
function csvRoute(pathname: string, base: string, build: (context: RouteContext, params: ComparisonParams) => Promise<string>): Route {
  return {
    matches: (url) => url.pathname === pathname,
    handle: async (_request, url, context) => {
      try {
        const params = comparisonParams(url.searchParams);
        const csv = await build(context, params);
        return new Response(csv, {
          headers: {
            'content-type': 'text/csv; charset=utf-8; header=present',
            'content-disposition': `attachment; filename="${fileNameOf(base, params, 'csv')}"`,
          },
        });
      } catch (error) {
        if (error instanceof ParameterError) return problem(error.message);
        if (error instanceof GraphQLRequestError) return problem(error.message, error.status);
        throw error;
      }
    },
  };
}

export const comparisonCsvRoute = csvRoute('/export/comparison.csv', 'comparison', comparisonCsv);
export const agreementCsvRoute = csvRoute('/export/agreement.csv', 'agreement', agreementCsv);

export const popoloRoute: Route = {
  matches: (url) => url.pathname === '/export/popolo.json',
  handle: async (_request, _url, context) =>
    new Response(JSON.stringify(await popolo(context.db), null, 2), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'inline; filename="popolo.json"' },
    }),
};
