/**
 * CSRF prevention for /graphql: graphql-yoga's plugin, which refuses a request a browser could
 * send from another site without a preflight (a form post, a `text/plain` body) unless it
 * carries a header no form can set. GET requests are left to it only when they could change
 * something, and over GET yoga runs no mutation, so they pass: researchers' links and `curl`
 * work as they are.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';

/** Headers that mark a request as sent by a script: yoga's own, and the one Apollo's clients send. */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'graphql-preflight'];

export function csrfPrevention(): Plugin {
  const inner = useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
  return {
    onRequestParse(payload) {
      if (payload.request.method === 'GET') return;
      return inner.onRequestParse?.(payload);
    },
  };
}
