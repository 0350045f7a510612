import SchemaBuilder from '@pothos/core';
import { CountryCodeResolver, DateTimeResolver, JSONResolver, LocalDateResolver, URLResolver } from 'graphql-scalars';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';
import type { Db } from '../db/client.js';
import type { ReadCache } from './read-cache.js';
import type { Actor } from '../curation/tokens.js';
import { userError } from './errors.js';
import { liveNodeId } from '../curation/merge.js';

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
  // Scope auth first, so that no other plugin's wrapper runs before the check.
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, DataloaderPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({ editor: ctx.actor !== null, admin: ctx.actor?.role === 'ADMIN' }),
    unauthorizedError: (_parent, ctx, info) =>
      ctx.actor
        ? userError(`${info.parentType.name}.${info.fieldName} needs the admin role; the token "${ctx.actor.name}" is ${ctx.actor.role.toLowerCase()}`, 'FORBIDDEN')
        : userError(ctx.authProblem ?? `${info.parentType.name}.${info.fieldName} needs an API token: send "Authorization: Bearer <token>"`, 'UNAUTHENTICATED'),
  },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // IDs of merged records resolve to the surviving record, and an ID of no record to null. The
    // plugin's resolveNode callbacks load `args.id` / `args.ids` whatever they are passed, so the
    // ids are rewritten in place.
    nodeQueryOptions: {
      resolve: async (_root, args, ctx, _info, resolveNode) => {
        const live = await liveNodeId(ctx.db, args.id.typename, args.id.id);
        if (live === null) return null;
        if (live) args.id.id = live;
        return resolveNode(args.id);
      },
    },
    nodesQueryOptions: {
      resolve: async (_root, args, ctx, _info, resolveNodes) => {
        const live = await Promise.all(args.ids.map((ref) => liveNodeId(ctx.db, ref.typename, ref.id)));
        const kept = args.ids.flatMap((ref, i) => (live[i] === null ? [] : [{ ...ref, id: live[i] ?? ref.id }]));
        args.ids.splice(0, args.ids.length, ...kept);
        const loaded = args.ids.length ? await resolveNodes(args.ids) : [];
        let next = 0;
        return live.map((id) => (id === null ? null : loaded[next++]));
      },
    },
  },
});

builder.addScalarType('JSON', JSONResolver);
builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('URL', URLResolver);
builder.addScalarType('CountryCode', CountryCodeResolver);
builder.addScalarType('LocalDate', LocalDateResolver);

builder.queryType({ description: 'Read access to the Observer Ledger read model: open to everyone.' });
