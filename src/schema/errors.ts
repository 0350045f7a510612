import { createGraphQLError } from 'graphql-yoga';

/** An error the client caused and can fix; its message reaches the client unmasked. */
export function userError(message: string, code = 'BAD_USER_INPUT', extra: Record<string, unknown> = {}) {
  return createGraphQLError(message, { extensions: { code, ...extra } });
}
