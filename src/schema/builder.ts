import SchemaBuilder from '@pothos/core';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { CountryCodeResolver, DateTimeResolver, JSONResolver, LocalDateResolver, URLResolver } from 'graphql-scalars';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ArgumentErrorsPlugin from './argument-errors.js';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';
import type { Db } from '../db/client.js';
import type { ReadCache } from '../read/read-cache.js';
import type { Actor } from '../curation/tokens.js';
import { userError } from './errors.js';
import { liveNodeId } from '../read/identity.js';
import { fieldComplexity, MAX_NODE_IDS } from './complexity.js';

export interface Context {
  db: Db;
  cache: ReadCache;
  /** The writer whose bearer token came with the request; null for anonymous readers. */
  actor: Actor | null;
  /** Why a token that came with the request was not accepted; null when none came or it was valid. */
  authProblem: string | null;
  /** Who the request counts against for rate limits: the token's name, else the client's address. */
  client: string;
}

/**
 * Only types that are Nodes resolve through `node`/`nodes`. An ID naming another type (an API
 * token's, say) is null whether or not such a row exists, so an ID tells nothing it should not.
 */
function isNodeType(schema: GraphQLSchema, typename: string): boolean {
  const type = schema.getType(typename);
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node');
}

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  AuthScopes: {
    /** Any valid token: editors and admins may curate. */
    editor: boolean;
    admin: boolean;
  };
  Scalars: {
    ID: { Input: string; Output: string | number };
    JSON: { Input: unknown; Output: unknown };
    DateTime: { Input: Date; Output: Date };
    URL: { Input: URL; Output: URL | string };
    CountryCode: { Input: string; Output: string };
    LocalDate: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
  // Scope auth first, so that no other plugin's wrapper runs before the check. (Arguments are mapped
  // before any wrapper: a malformed global ID is refused before the check; see argument-errors.ts.)
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, DataloaderPlugin, ComplexityPlugin, ArgumentErrorsPlugin],
  // Costs only: the limit is checked before execution, with the request's variables (src/server/cost-limit.ts).
  complexity: { fieldComplexity },
  scopeAuth: {
    authScopes: (ctx) => ({ editor: ctx.actor !== null, admin: ctx.actor?.role === 'ADMIN' }),
    unauthorizedError: (_parent, ctx, info) =>
      ctx.actor
        ? userError(
            `${info.parentType.name}.${info.fieldName} needs the admin role; the token "${ctx.actor.name}" is ${ctx.actor.role.toLowerCase()}`,
            'FORBIDDEN',
          )
        : userError(
            ctx.authProblem ?? `${info.parentType.name}.${info.fieldName} needs an API token: send "Authorization: Bearer <token>"`,
            'UNAUTHENTICATED',
          ),
  },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    // The GraphQL descriptions are written once, beside each Pothos definition (a test keeps none
    // missing: src/schema/documentation.ts). The `///` comments in prisma/schema.prisma stay as the
    // database's documentation, written for whoever reads the tables (columns the API never
    // exposes, storage details such as JSON text): exposing them would put a second, differently
    // worded text behind any field that lacks its own. (The generated datamodel carries no
    // documentation either, so `true` exposed nothing.)
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // What the plugin builds itself is described here; each node type's own `id` says more (NODE_ID).
    nodeTypeOptions: { description: 'A record with a global ID (Relay).' },
    idFieldOptions: { description: 'Global ID.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection (Relay).' },
    hasNextPageFieldOptions: { description: 'True when more records follow.' },
    hasPreviousPageFieldOptions: { description: 'True when records precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first record on the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last record on the page.' },
    edgesFieldOptions: { description: 'The records on this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Where this page sits.' },
    cursorFieldOptions: { description: 'Opaque cursor: pass as `after` or `before` to page from here.' },
    nodeFieldOptions: { description: 'The record.' },
    // IDs of merged records resolve to the surviving record, and an ID of no record to null. The
    // plugin's resolveNode callbacks load `args.id` / `args.ids` whatever they are passed, so the
    // ids are rewritten in place.
    nodeQueryOptions: {
      description: "Any record by its global ID (a merged record's ID resolves to the surviving record).",
      resolve: async (_root, args, ctx, info, resolveNode) => {
        if (!isNodeType(info.schema, args.id.typename)) return null;
        const live = await liveNodeId(ctx.db, args.id.typename, args.id.id);
        if (live === null) return null;
        if (live) args.id.id = live;
        return resolveNode(args.id);
      },
    },
    nodesQueryOptions: {
      description: 'Several records by global ID.',
      resolve: async (_root, args, ctx, info, resolveNodes) => {
        if (args.ids.length > MAX_NODE_IDS)
          throw userError(`nodes takes at most ${MAX_NODE_IDS} ids; ${args.ids.length} were given`, 'BAD_USER_INPUT', { field: 'ids' });
        // Each distinct record is looked up and loaded once, however often its id is repeated.
        const key = (ref: { typename: string; id: string }) => `${ref.typename}:${ref.id}`;
        const distinct = [...new Map(args.ids.map((ref) => [key(ref), ref])).values()];
        const live = await Promise.all(
          distinct.map((ref) => (isNodeType(info.schema, ref.typename) ? liveNodeId(ctx.db, ref.typename, ref.id) : null)),
        );
        const kept = distinct.flatMap((ref, i) => (live[i] === null ? [] : [{ ...ref, id: live[i] ?? ref.id }]));
        const asked = args.ids.map(key);
        args.ids.splice(0, args.ids.length, ...kept);
        const loaded = kept.length ? await resolveNodes(args.ids) : [];
        const byKey = new Map<string, unknown>();
        let next = 0;
        for (const [i, ref] of distinct.entries()) byKey.set(key(ref), live[i] === null ? null : loaded[next++]);
        return asked.map((k) => byKey.get(k) ?? null);
      },
    },
  },
});

/** The `id` of every node type: `id: NODE_ID` in `builder.prismaNode`. */
export const NODE_ID = { field: 'id', description: 'Global ID (Relay): pass to `node` to fetch this record again.' } as const;

builder.addScalarType('JSON', JSONResolver);
builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('URL', URLResolver);
builder.addScalarType('CountryCode', CountryCodeResolver);
builder.addScalarType('LocalDate', LocalDateResolver);

builder.queryType({ description: 'Read access to the Observer Ledger read model: open to everyone.' });
