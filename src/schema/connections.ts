/**
 * The descriptions of the connection and edge types that the Relay and Prisma plugins build for a
 * connection field, given where the field is defined:
 * `t.prismaConnection({ … }, connectionOf('QueryElections'), edgeOf('QueryElections'))`.
 */
import type { MaybePromise } from '@pothos/core';
import type { builder } from './builder.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type ConnectionFields = PothosSchemaTypes.ObjectFieldBuilder<Types, object>;

/** What a connection's `totalCount` says (ElectionComparisonConnection counts for itself, with it too). */
export const TOTAL_COUNT_DESCRIPTION = 'Number of records in the whole connection, not just this page.';

/**
 * Options for the connection type `<name>Connection`: its description, and a `totalCount` that says
 * what it counts. The Prisma plugin's own `totalCount` (added by the field's `totalCount` option,
 * which also plans the count) takes no description, so this one replaces it as the plugin's README
 * shows for custom connection objects: the connection carries the count, or a function giving it.
 * The extension keeps the plugin's shortcut for a selection of only `totalCount` (no rows loaded).
 */
export function connectionOf(name: string) {
  return {
    description: `A page of ${name} records (Relay connection).`,
    fields: (t: ConnectionFields) => ({
      totalCount: t.int({
        description: TOTAL_COUNT_DESCRIPTION,
        extensions: { pothosPrismaTotalCount: true },
        resolve: (connection) => {
          const { totalCount } = connection as { totalCount?: number | (() => MaybePromise<number>) };
          return (typeof totalCount === 'function' ? totalCount() : totalCount) as MaybePromise<number>;
        },
      }),
    }),
  };
}

/**
 * Options for a connection type a resolver builds from an array with `resolveArrayConnection`:
 * the resolver returns the page with `total`, the length of the whole array.
 */
export function arrayConnectionOf(typeName: string, records: string) {
  return {
    name: typeName,
    description: `A page of ${records} records (Relay connection).`,
    fields: (t: ConnectionFields) => ({
      totalCount: t.int({
        description: TOTAL_COUNT_DESCRIPTION,
        resolve: (connection) => (connection as { total?: number }).total ?? 0,
      }),
    }),
  };
}

/** Options for the edge type of the connection `<name>Connection`. */
export function edgeOf(name: string) {
  return { description: `A record in a page of ${name} (Relay edge).` };
}
