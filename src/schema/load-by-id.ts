/**
 * Batched loading of the organizations and statements the comparison refers to by id (or, for
 * statements, by round). Requests are grouped by (model, selection) and each group becomes one
 * `findMany` per request tick, however many elections are on the page.
 *
 * These are not the dataloader plugin's `t.loadable` fields, which the comparison uses where a
 * field is the only one loading its model (ElectionComparison.election, RoundComparison.electionRound):
 * a `t.loadable` loader belongs to one field (with `byPath`, to one path of it), and these are
 * shared across fields. Five fields load organizations (the report's and each election's subject,
 * every other body, the missing assessments, the agreement figures) and two load a round's
 * statements (the subject's, the other bodies'); sharing a loader between the fields that ask for
 * the same selection makes them one SQL statement rather than one per field. The per-request
 * loaders and plans are kept in Pothos' own per-request cache (`createContextCache`, as the
 * plugins keep theirs), not in a map of our own.
 */
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { createContextCache } from '@pothos/core';
import { queryFromInfo } from '@pothos/plugin-prisma';
import type { Context } from './builder.js';
import type { Claim, Organization, Statement } from '../generated/prisma/client.js';

interface Rows {
  claim: Claim;
  organization: Organization;
  statement: Statement;
}
type Model = keyof Rows;
type Finder = (args: { where: { id: { in: string[] } } } & Record<string, unknown>) => Promise<{ id: string }[]>;

/** This request's loaders, by model (or purpose) and selection. */
const requestLoaders = createContextCache(() => new Map<string, DataLoader<string, unknown>>());
/** Planned queries are shared objects (see plannedQuery): serialise each once. */
const queryKeys = new WeakMap<object, string>();

function loaderKey(kind: string, query: object): string {
  let key = queryKeys.get(query);
  if (key === undefined) queryKeys.set(query, (key = JSON.stringify(query)));
  return `${kind}|${key}`;
}

export function loadById<M extends Model>(ctx: Context, model: M, query: object, id: string): Promise<Rows[M]> {
  const perRequest = requestLoaders(ctx);
  const key = loaderKey(model, query);
  let loader = perRequest.get(key);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const find = (ctx.db[model] as unknown as { findMany: Finder }).findMany;
      const rows = await find({ ...query, where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((i) => byId.get(i) ?? new Error(`${model} ${i} not found`));
    });
    perRequest.set(key, loader);
  }
  return loader.load(id) as Promise<Rows[M]>;
}

/**
 * A round's statements in id order, loaded per round: a page's statements are then one
 * `roundId IN (…)` query over its few hundred rounds at most, where loading them by id would
 * send thousands of ids — which Prisma splits into one statement per 999 on SQLite.
 */
export function loadRoundStatements(ctx: Context, query: object, roundId: string): Promise<Statement[]> {
  const perRequest = requestLoaders(ctx);
  const key = loaderKey('round-statements', query);
  let loader = perRequest.get(key) as DataLoader<string, Statement[]> | undefined;
  if (!loader) {
    // A select must carry the columns the rows are grouped and ordered by.
    const select = 'select' in query ? { select: { ...(query.select as object), id: true, roundId: true } } : {};
    loader = new DataLoader(async (roundIds: readonly string[]) => {
      // The query is whatever the selection planned: the rows are as full as it asks.
      const find = ctx.db.statement.findMany as unknown as (args: object) => Promise<Statement[]>;
      const rows = await find({ ...query, ...select, where: { roundId: { in: [...roundIds] } }, orderBy: { id: 'asc' } });
      const byRound = new Map<string, Statement[]>(roundIds.map((id) => [id, []]));
      for (const row of rows) byRound.get(row.roundId)!.push(row);
      return roundIds.map((id) => byRound.get(id)!);
    });
    perRequest.set(key, loader);
  }
  return loader.load(roundId);
}

/** This request's planned queries, by response path. */
const plans = createContextCache(() => new Map<string, object>());

/** The response path without list indices: every item of a list shares one plan. */
function pathKey(info: GraphQLResolveInfo): string {
  const keys: string[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) if (typeof p.key === 'string') keys.push(p.key);
  return `${info.parentType.name}@${keys.reverse().join('.')}`;
}

/**
 * The Prisma query for the selection under a field, planned once per request and response path.
 * `t.prismaField` plans it on every call — for a field inside lists of lists (every body on
 * every round of every election) that planning cost more than the loading. The plan records
 * its loader mappings under the same index-free path, so planning once serves every item.
 */
export function plannedQuery(ctx: Context, info: GraphQLResolveInfo): object {
  const perRequest = plans(ctx);
  const key = pathKey(info);
  let query = perRequest.get(key);
  if (!query) perRequest.set(key, (query = queryFromInfo({ context: ctx, info })));
  return query;
}
