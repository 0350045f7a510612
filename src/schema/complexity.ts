/**
 * What a field costs, for the request cost limit (src/server/cost-limit.ts). Pothos' complexity
 * plugin calls this with the field's arguments as the request gives them, variables included,
 * so `first: $n` costs what `$n` asks for.
 *
 * Every field costs 1. A field's sub-selection is multiplied by how many records it can return:
 * a page (`first`/`last`, or the default page when neither is given, never more than the cap),
 * the number of ids given to `nodes`, and for other lists a fixed estimate.
 */
import type { GraphQLField } from 'graphql';
import { getNamedType, isListType, isNonNullType, type GraphQLOutputType } from 'graphql';

/** Pothos' Prisma plugin pages: 20 records unless asked, never more than 100. */
export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;
/** `nodes(ids:)` loads at most this many ids in one request. */
export const MAX_NODE_IDS = 100;
/** Lists without paging (bodies in a round, codings of a statement, missions to an election) are short. */
export const LIST_ESTIMATE = 5;
/** First round, second round, rerun. */
export const ROUNDS_PER_ELECTION = 3;

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function pageSize(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 0), MAX_PAGE) : DEFAULT_PAGE;
}

export function fieldComplexity<Context>(
  args: Record<string, unknown>,
  _ctx: Context,
  field: GraphQLField<unknown, Context, Record<string, unknown>>,
) {
  if (field.args.some((arg) => arg.name === 'first')) return { field: 1, multiplier: pageSize(args.first ?? args.last) };
  if (Array.isArray(args.ids)) return { field: 1, multiplier: args.ids.length };
  // A connection's edges are its page, already counted on the connection field.
  if (getNamedType(field.type).name.endsWith('Edge')) return { field: 1, multiplier: 1 };
  if (isList(field.type)) return { field: 1, multiplier: LIST_ESTIMATE };
  return { field: 1, multiplier: 1 };
}
