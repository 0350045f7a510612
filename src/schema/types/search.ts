/**
 * `searchStatements`: full-text search over what was said, in English and Russian word forms,
 * ranked, with highlighted passages, combined with the statements filter and paged as a
 * connection. The index is src/read/search-index.ts; the filter is the statements field's own.
 */
import { getRefFromModel } from '@pothos/plugin-prisma';
import { resolveArrayConnection } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import type { Prisma } from '../../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import { StatementFilter, statementWhere } from '../filters.js';
import { userError } from '../errors.js';
import { loadById, plannedQuery } from '../load-by-id.js';
import { DEFAULT_PAGE, MAX_PAGE } from '../complexity.js';
import { arrayConnectionOf, edgeOf } from '../connections.js';
import { parseSearch, type SearchQuery, type Snippet } from '../../reconcile/search-terms.js';
import { searchIndexOf, type SearchField, type SearchHit } from '../../read/search-index.js';

/** Longest search text taken, and most words: a search is a few words, not a document. */
const MAX_QUERY_LENGTH = 500;
const MAX_QUERY_WORDS = 20;

const SearchFieldEnum = builder.enumType('SearchField', {
  description: 'Where in a statement a search found its words.',
  values: {
    QUOTE: { description: 'The words of the statement.' },
    TEXT: { description: 'A further text of it: a translation, or the same words another source published.' },
    SPEAKER: { description: 'Who spoke, as the source names them.' },
    NOTE: { description: 'The note of the dataset on the statement.' },
    SOURCE_TITLE: { description: 'The title of the publication it comes from.' },
    EXCERPT: { description: "A claim's excerpt: the words of its source document the fact stands on." },
  } satisfies Record<SearchField, { description: string }>,
});

const TextRange = builder.objectRef<{ start: number; end: number }>('TextRange').implement({
  description: 'A stretch of a text, as UTF-16 offsets (end exclusive), as JavaScript strings count them.',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'Offset of its first character.' }),
    end: t.exposeInt('end', { description: 'Offset just after its last character.' }),
  }),
});

const SearchSnippetRef = builder.objectRef<Snippet & { field: SearchField }>('SearchSnippet').implement({
  description: 'A passage of a statement that holds words of the search, with where they stand in it.',
  fields: (t) => ({
    field: t.field({ type: SearchFieldEnum, description: 'The field the passage is from.', resolve: (s) => s.field }),
    text: t.exposeString('text', { description: 'The passage: the whole field, or about 200 characters of it with "…" where cut.' }),
    highlights: t.field({
      type: [TextRange],
      description: 'The words in the passage that match the search (in any of their forms).',
      resolve: (s) => s.highlights,
    }),
  }),
});

const StatementRef = getRefFromModel('Statement', builder);

interface Found extends SearchHit {
  query: SearchQuery;
}

/** A hit's score to three decimals: more says nothing a reader can use. */
const roundedScore = (hit: Found) => Math.round(hit.score * 1000) / 1000;

const StatementSearchHit = builder.objectRef<Found>('StatementSearchHit').implement({
  description: 'A statement a search found, with its rank and the passages that matched.',
  fields: (t) => ({
    statement: t.field({
      type: StatementRef,
      description: 'The statement.',
      resolve: (hit, _a, ctx, info) => loadById(ctx, 'statement', plannedQuery(ctx, info), hit.id),
    }),
    score: t.float({
      description: 'BM25 relevance over all its fields (higher is better); comparable within one search only.',
      resolve: roundedScore,
    }),
    snippets: t.field({
      type: [SearchSnippetRef],
      description: 'Passages of each field that holds words of the search, the quote first.',
      resolve: async (hit, _a, ctx) => (await searchIndexOf(ctx)).snippets(hit.id, hit.query),
    }),
  }),
});

const ClaimRef = getRefFromModel('Claim', builder);

const ClaimSearchHit = builder.objectRef<Found>('ClaimSearchHit').implement({
  description: 'A claim of a source document a search found by its excerpt, with its rank and the passage that matched.',
  fields: (t) => ({
    claim: t.field({
      type: ClaimRef,
      description: 'The claim: the fact, its source and its locator.',
      resolve: (hit, _a, ctx, info) => loadById(ctx, 'claim', plannedQuery(ctx, info), hit.id),
    }),
    score: t.float({
      description: 'BM25 relevance of the excerpt (higher is better); comparable within one search only.',
      resolve: roundedScore,
    }),
    snippet: t.field({
      type: SearchSnippetRef,
      nullable: true,
      description: 'The passage of the excerpt that holds words of the search.',
      resolve: async (hit, _a, ctx) => (await searchIndexOf(ctx, 'claims')).snippets(hit.id, hit.query)[0] ?? null,
    }),
  }),
});

type Filter = typeof StatementFilter.$inferInput;

/** A filter that asks nothing beyond the default (statements in force). */
const isDefault = (filter: Filter | null | undefined) =>
  !filter || Object.values(filter).every((v) => v === null || v === undefined || (Array.isArray(v) && v.length === 0));

function parsed(text: string): SearchQuery {
  if (text.length > MAX_QUERY_LENGTH) throw userError(`query is longer than ${MAX_QUERY_LENGTH} characters`);
  const query = parseSearch(text);
  if (!query.anyOf.length) throw userError('query has no words to search for');
  if (query.stems.length > MAX_QUERY_WORDS) throw userError(`query has more than ${MAX_QUERY_WORDS} distinct words`);
  return query;
}

/**
 * Hits up to this many are checked against a filter by their ids; beyond it, the ids the filter
 * keeps are read once and met with the hits in memory (a ten-year span keeps some 50,000
 * statements of 100,000: reading those for a search of a few hundred hits was most of its time).
 */
const HITS_CHECKED_BY_ID = 2_000;

/**
 * The hits of a search that the filter keeps, best first; memoised while the data is unchanged.
 * A filter is applied as the statements field applies it: to the hits themselves when they are
 * few, else once per filter (the ids it keeps are memoised too: a reader tries many words under
 * one filter), then met with the hits in memory.
 */
async function filteredHits(ctx: Context, query: SearchQuery, filter: Filter | null | undefined): Promise<Found[]> {
  const key = `search|${JSON.stringify(query)}|${JSON.stringify(filter ?? null)}`;
  return ctx.cache.memo(key, async () => {
    const hits = (await searchIndexOf(ctx)).search(query);
    if (isDefault(filter)) return hits.filter((h) => h.inForce).map((h) => ({ ...h, query }));
    const filterKey = `statement-ids|${JSON.stringify(filter)}`;
    const kept =
      hits.length <= HITS_CHECKED_BY_ID
        ? await idsKept(ctx, filter, { id: { in: hits.map((h) => h.id) } })
        : await ctx.cache.memo(filterKey, () => idsKept(ctx, filter));
    return hits.filter((h) => kept.has(h.id)).map((h) => ({ ...h, query }));
  });
}

/** The ids of the statements the filter keeps (of those `among` names). */
async function idsKept(ctx: Context, filter: Filter | null | undefined, among?: Prisma.StatementWhereInput): Promise<Set<string>> {
  const where = await statementWhere(filter, ctx);
  const rows = await ctx.db.statement.findMany({ where: among ? { AND: [where, among] } : where, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

builder.queryFields((t) => ({
  searchClaims: t.connection(
    {
      type: ClaimSearchHit,
      description:
        'The source documents\' claims (articles, web pages) whose excerpts hold every word of the query, as `searchStatements` reads a query (word forms in English and Russian, "phrases", OR); best match first. Only claims in force.',
      args: {
        query: t.arg.string({ required: true, description: 'Words to search for, "phrases in double quotes", alternatives joined by OR.' }),
      },
      resolve: async (_root, args, ctx: Context) => {
        const query = parsed(args.query);
        const hits = await ctx.cache.memo(`search-claims|${JSON.stringify(query)}`, async () =>
          (await searchIndexOf(ctx, 'claims')).search(query).map((h) => ({ ...h, query })),
        );
        const page = resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE }, hits);
        return { ...page, total: hits.length };
      },
    },
    arrayConnectionOf('ClaimSearchConnection', 'ClaimSearchHit'),
    edgeOf('ClaimSearchHit'),
  ),
  searchStatements: t.connection(
    {
      type: StatementSearchHit,
      description:
        'Statements whose words (quote, further texts, speaker, note, source title) hold every word of the query, in English or Russian and in any of their forms ("transparent" finds "transparency", «прозрачными» finds «прозрачные»); words in double quotes must stand together in that order; OR (in capitals) or | joins alternatives (`transparent OR прозрачные`). Best match first (BM25), combined with the statements filter (only statements in force unless `filter.statuses` says otherwise).',
      args: {
        query: t.arg.string({ required: true, description: 'Words to search for, "phrases in double quotes", alternatives joined by OR.' }),
        filter: t.arg({ type: StatementFilter, required: false }),
      },
      resolve: async (_root, args, ctx: Context, _info: GraphQLResolveInfo) => {
        const hits = await filteredHits(ctx, parsed(args.query), args.filter);
        const page = resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE }, hits);
        return { ...page, total: hits.length };
      },
    },
    arrayConnectionOf('StatementSearchConnection', 'StatementSearchHit'),
    edgeOf('StatementSearchHit'),
  ),
}));
