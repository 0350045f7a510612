/** GraphQL over a fetch handler (yoga, the app, or a real server), with a bearer token when given. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

type Handler = { fetch: (input: string, init: RequestInit) => Promise<Response> | Response };

export async function postGraphQL<T = Record<string, unknown>>(
  handler: Handler | string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GraphQLResponse<T>> {
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  };
  const response =
    typeof handler === 'string' ? await fetch(`${handler}/graphql`, init) : await handler.fetch('http://localhost/graphql', init);
  const body = (await response.json()) as { data?: T; errors?: GraphQLResponse['errors'] };
  return { status: response.status, ...body };
}

/** The code of the first error, for terse assertions. */
export function errorCode(r: GraphQLResponse<unknown>): unknown {
  return r.errors?.[0]?.extensions?.code;
}
