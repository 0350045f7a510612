/** Runs an operation against the app's own GraphQL server in-process: exports see exactly what API clients see. */
import type { RouteContext } from '../http/route.js';
import { internalOperationHeaders } from '../http/persisted-documents.js';

/** Error codes the API gives for what the client asked (an unknown name, a bad year range). */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'AMBIGUOUS_NAME']);

export class GraphQLRequestError extends Error {
  /** The HTTP status an export answers with: 400 for the client's mistakes, 503 while the database is away, else 500. */
  readonly status: number;

  constructor(errors: { message: string; extensions?: { code?: string } }[]) {
    super(errors.map((e) => e.message).join('; '));
    const codes = errors.map((e) => e.extensions?.code ?? '');
    this.status = codes.every((c) => CLIENT_CODES.has(c)) ? 400 : codes.includes('SERVICE_UNAVAILABLE') ? 503 : 500;
  }
}

export async function runOperation<T>(context: RouteContext, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await context.graphql.fetch('http://localhost/graphql', {
    method: 'POST',
    // The export's own document is not a persisted one: the header lets it through a locked deployment.
    headers: { 'content-type': 'application/json', accept: 'application/json', ...internalOperationHeaders },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!body.data) throw new GraphQLRequestError([{ message: `the GraphQL server answered ${response.status} without data` }]);
  return body.data;
}
