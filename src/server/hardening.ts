/**
 * What keeps the API standing under abuse: limits on the shape of a document (GraphQL Armor),
 * a request body limit checked before anything is parsed, a per-client rate limit on writes,
 * and error masking that lets no stack, SQL or file path reach a client.
 * The limits are documented in the README ("Reliability"); change both together.
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { PothosError } from '@pothos/core';
import { GraphQLError, Kind, getOperationAST, type DocumentNode, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import { createGraphQLError, maskError as yogaMaskError, type Plugin } from 'graphql-yoga';
import type { Context } from '../schema/builder.js';
import { readBounded } from '../http/body.js';
import { DATABASE_UNAVAILABLE, isDatabaseFailure, RETRY_AFTER_SECONDS } from '../http/failures.js';

export const LIMITS = {
  /** Nesting of selections. The deepest dashboard query (comparison → elections → edges → node → rounds → others → organization → name) is 8. */
  maxDepth: 10,
  /**
   * Cost of one operation (src/schema/complexity.ts): 1 per field, a page multiplying what it
   * selects by its size, variables included. The dashboard's largest operation at its default
   * page of 100 costs 18,500 (a test keeps every dashboard operation under the limit); two pages
   * of 100 nested in each other are over it.
   */
  maxCost: 25_000,
  /** Milliseconds one GraphQL operation may run before it is stopped. */
  maxExecutionMs: 10_000,
  /** Bytes of JSON one GraphQL answer may have: the dashboard's largest is far below. */
  maxResponseBytes: 10_000_000,
  /** Aliases per document: enough for a dashboard asking for a few panels side by side. */
  maxAliases: 15,
  /** Directives per document (@include/@skip). */
  maxDirectives: 10,
  /** Lexical tokens per document; GraphiQL's introspection query and the dashboard's operations stay far below. */
  maxTokens: 2_000,
  /** Request body, checked before parsing. */
  maxBodyBytes: 100_000,
  /** Writes per client (token name, or address for requests without a valid token): a burst, then a steady rate. */
  writeBurst: 30,
  writesPerMinute: 60,
  /** Requests per client address on every route: generous for a dashboard or a script, so that one client cannot starve the rest. */
  readBurst: 600,
  readsPerMinute: 1_200,
} as const;

export type Limits = { -readonly [K in keyof typeof LIMITS]: number };

/**
 * The per-client request rate as a deployment sets it: REQUESTS_PER_MINUTE (0 turns the limit
 * off, as a benchmark or a private deployment may want) and REQUEST_BURST.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Limits> {
  const limits: Partial<Limits> = {};
  const perMinute = Number(env.REQUESTS_PER_MINUTE);
  const burst = Number(env.REQUEST_BURST);
  if (env.REQUESTS_PER_MINUTE && Number.isFinite(perMinute) && perMinute >= 0) limits.readsPerMinute = perMinute;
  if (env.REQUEST_BURST && Number.isFinite(burst) && burst > 0) limits.readBurst = burst;
  return limits;
}

/** Armor's messages start "Syntax Error:" for the token limit (it refuses while parsing); say plainly that a limit refused it. */
function plainRefusal(message: string): string {
  return `Document refused by a limit: ${message.replace(/^Syntax Error:\s*/, '').replace(/\.$/, '')}.`;
}

/** GraphQL Armor's validation rules with the limits above; rejections count toward `stats`. */
export function armorPlugins(limits: Limits, stats: HardeningStats): Plugin[] {
  // Armor's errors carry no code: a refused document is the client's, with a code and a 400.
  const onReject = [
    (_context: unknown, error: GraphQLError) => {
      stats.rejectedDocuments++;
      Object.defineProperty(error, 'message', { value: plainRefusal(error.message), enumerable: true, writable: true });
      Object.assign(error.extensions as Record<string, unknown>, { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } });
    },
  ];
  const armor = new EnvelopArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, onReject },
    // The cost limit is the schema's own, computed with the request's variables (cost-limit.ts).
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases, onReject },
    maxDirectives: { n: limits.maxDirectives, onReject },
    maxTokens: { n: limits.maxTokens, onReject },
    // "Did you mean …?" hints map the schema for an attacker; the schema is public anyway, but guessing is slower.
    blockFieldSuggestion: { enabled: true },
  });
  return armor.protect().plugins as Plugin[];
}

/** Counters for the README's figures and for /healthz. */
export interface HardeningStats {
  rejectedDocuments: number;
  rateLimited: number;
  readLimited: number;
  oversizedBodies: number;
  oversizedResponses: number;
  timedOut: number;
}

export function newStats(): HardeningStats {
  return { rejectedDocuments: 0, rateLimited: 0, readLimited: 0, oversizedBodies: 0, oversizedResponses: 0, timedOut: 0 };
}

// ── body limit ──

function tooLarge(maxBytes: number): Response {
  return new Response(
    JSON.stringify({ errors: [{ message: `request body is larger than ${maxBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }),
    {
      status: 413,
      headers: { 'content-type': 'application/json', connection: 'close' },
    },
  );
}

/**
 * The request with its body read into memory, or a 413 response when the body is over the limit.
 * A declared Content-Length over the limit is refused without reading; a body without one
 * (chunked) is read only up to the limit.
 */
export async function limitBody(request: Request, maxBytes: number, stats: HardeningStats): Promise<Request | Response> {
  if (!request.body) return request;
  const bytes = await readBounded(request, maxBytes);
  if (!bytes) {
    stats.oversizedBodies++;
    return tooLarge(maxBytes);
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: bytes });
}

// ── write rate limit ──

/** One token bucket per client: `burst` writes at once, refilled at `perMinute`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    private readonly maxClients = 10_000,
  ) {}

  /** Takes `count` units for `client` (all or none); when too few are left, how many seconds until enough are. */
  take(client: string, count = 1, now = Date.now()): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.delete(client); // re-inserted last: the map's order is least recently used first
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    if (count > this.burst) return { allowed: false, retryAfterSeconds: Math.ceil(this.burst / rate / 1000) };
    if (bucket.tokens >= count) {
      bucket.tokens -= count;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((count - bucket.tokens) / rate / 1000)) };
  }
}

/** The root fields an operation runs, fragments and aliases included: each mutation field is one write. */
export function rootFieldCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const count = (selections: readonly SelectionNode[], seen: Set<string>): number =>
    selections.reduce((n, selection) => {
      if (selection.kind === Kind.FIELD) return n + (selection.name.value.startsWith('__') ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return n + count(selection.selectionSet.selections, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return n;
      return n + count(fragment.selectionSet.selections, new Set([...seen, fragment.name.value]));
    }, 0);
  return count(operation.selectionSet.selections, new Set());
}

/** Refuses mutations over the client's rate with 429 before they execute, counting every mutation field; reads are not counted here. */
export function writeRateLimit(limiter: RateLimiter, stats: HardeningStats): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const writes = rootFieldCount(args.document, operation);
      const verdict = limiter.take((args.contextValue as Context).client, writes);
      if (verdict.allowed) return;
      stats.rateLimited++;
      setResultAndStopExecution({
        errors: [
          createGraphQLError(`too many writes: this request has ${writes}; try again in ${verdict.retryAfterSeconds} s`, {
            extensions: {
              code: 'RATE_LIMITED',
              retryAfterSeconds: verdict.retryAfterSeconds,
              http: { status: 429, headers: { 'retry-after': String(verdict.retryAfterSeconds) } },
            },
          }),
        ],
      });
    },
  };
}

// ── error masking ──

/**
 * Yoga's masking, with two kinds of errors made useful without exposing anything: Pothos'
 * errors at execution (a malformed global ID or cursor, a negative page size) are the client's,
 * and database failures say so, so that a client knows to retry.
 */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? null) : error;
  const where = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
  // Pothos' errors at execution are about what the client sent (an ID naming no type, a bad cursor).
  // The error itself is returned, labelled, so that the server's log is not filled with clients' mistakes.
  if (original instanceof PothosError && error instanceof GraphQLError) {
    (error.extensions as Record<string, unknown>).code = 'BAD_USER_INPUT';
    return error;
  }
  // Client errors (createGraphQLError) pass as they are; their messages may quote anything a client sent.
  if (original instanceof GraphQLError || (error instanceof GraphQLError && !original)) return yogaMaskError(error, message, false);
  if (isDatabaseFailure(original))
    return createGraphQLError(DATABASE_UNAVAILABLE, {
      ...where,
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } } },
    });
  // isDev stays false whatever NODE_ENV says: no original error, stack or SQL in any response.
  // (Yoga's logger still writes the original error to the server's log.)
  return yogaMaskError(error, message, false);
}
