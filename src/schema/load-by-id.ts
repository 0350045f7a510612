/**
 * Batched loading of records the comparison refers to by id. Sibling fields ask for the same
 * nested selection, so requests are grouped by (model, selection) and each group becomes one
 * `findMany` per request tick, however many elections are on the page.
 */
import DataLoader from 'dataloader';
import type { Context } from './builder.js';
import type { Election, ElectionRound, Organization, Statement } from '../generated/prisma/client.js';

interface Rows {
  organization: Organization;
  statement: Statement;
  election: Election;
  electionRound: ElectionRound;
}
type Model = keyof Rows;
type Finder = (args: { where: { id: { in: string[] } } } & Record<string, unknown>) => Promise<{ id: string }[]>;

const loaders = new WeakMap<Context, Map<string, DataLoader<string, unknown>>>();

export function loadById<M extends Model>(ctx: Context, model: M, query: object, id: string): Promise<Rows[M]> {
  let perRequest = loaders.get(ctx);
  if (!perRequest) loaders.set(ctx, (perRequest = new Map()));
  const key = `${model}|${JSON.stringify(query)}`;
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
