/** Filters a dashboard needs, shared by elections, statements and the comparison. */
import { builder, type Context } from './builder.js';
import { CoderKindEnum, ElectionTypeEnum, StatementKindEnum, VerdictEnum } from './enums.js';
import { areaIdByName, organizationIdByName } from './lookup.js';
import type { Prisma } from '../generated/prisma/client.js';
import { userError } from './errors.js';
import { normalizeName } from '../reconcile/normalize.js';
import { verdictInForceFrom } from '../verdicts/effective.js';
import { assessedBy, observedBy } from '../read/observation.js';
import { statementInForce } from '../read/in-force.js';
import { StatementStatusEnum } from './enums.js';

export const ElectionFilter = builder.inputType('ElectionFilter', {
  description: 'Names may be any spelling or alias the read model knows.',
  fields: (t) => ({
    area: t.string({ description: 'Country, region or city; includes the areas inside it ("Russia" includes Volgograd Oblast).' }),
    yearFrom: t.int({ description: 'From this year on.' }),
    yearTo: t.int({ description: 'Up to this year.' }),
    types: t.field({ type: [ElectionTypeEnum], description: 'Only these kinds of vote.' }),
    observedBy: t.string({ description: 'Only elections this organization observed (mission) or assessed.' }),
    assessedBy: t.string({ description: 'Only elections with a statement by this organization.' }),
    verdicts: t.field({ type: [VerdictEnum], description: 'Only elections with a statement carrying one of these verdicts.' }),
  }),
});

export type ElectionFilterInput = typeof ElectionFilter.$inferInput;

function yearRange(from?: number | null, to?: number | null) {
  if (from && to && from > to) throw userError(`yearFrom (${from}) is after yearTo (${to})`);
  return from || to ? { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } : undefined;
}

export async function electionWhere(filter: ElectionFilterInput | null | undefined, ctx: Context): Promise<Prisma.ElectionWhereInput> {
  if (!filter) return {};
  const and: Prisma.ElectionWhereInput[] = [];
  if (filter.area) and.push({ areaId: { in: await ctx.cache.areaWithDescendants(await areaIdByName(ctx, filter.area)) } });
  const years = yearRange(filter.yearFrom, filter.yearTo);
  if (years) and.push({ year: years });
  if (filter.types?.length) and.push({ type: { in: filter.types } });
  if (filter.observedBy) and.push(observedBy(await organizationIdByName(ctx, filter.observedBy)));
  if (filter.assessedBy) and.push(assessedBy(await organizationIdByName(ctx, filter.assessedBy)));
  if (filter.verdicts?.length)
    and.push({ rounds: { some: { statements: { some: { verdict: { in: filter.verdicts }, ...statementInForce } } } } });
  return and.length ? { AND: and } : {};
}

export const StatementFilter = builder.inputType('StatementFilter', {
  description: 'Filters for statements; names may be any known spelling.',
  fields: (t) => ({
    organization: t.string({ description: 'The body that made the statement, by any name.' }),
    area: t.string({ description: 'Where the election was held; includes areas inside it.' }),
    yearFrom: t.int({ description: 'Elections from this year on.' }),
    yearTo: t.int({ description: 'Elections up to this year.' }),
    electionTypes: t.field({ type: [ElectionTypeEnum], description: 'Only statements on these kinds of vote.' }),
    verdicts: t.field({ type: [VerdictEnum], description: 'Only statements whose verdict in force is one of these.' }),
    kinds: t.field({ type: [StatementKindEnum], description: 'Only these kinds of statement.' }),
    codedBy: t.field({ type: CoderKindEnum, description: 'Only statements whose verdict in force comes from this kind of coder.' }),
    uncoded: t.boolean({ description: 'Only statements with no verdict at all.' }),
    source: t.string({ description: 'Only statements read from this source, by its key (as `Source.key`: "dataset/assessments.csv").' }),
    statuses: t.field({
      type: [StatementStatusEnum],
      description: 'Only statements with one of these statuses; without it, only those in force (IN_FORCE).',
    }),
  }),
});

export async function statementWhere(
  filter: typeof StatementFilter.$inferInput | null | undefined,
  ctx: Context,
): Promise<Prisma.StatementWhereInput> {
  if (!filter) return statementInForce;
  const and: Prisma.StatementWhereInput[] = [statusWhere(filter.statuses)];
  if (filter.organization) and.push({ organizationId: await organizationIdByName(ctx, filter.organization) });
  const election: Prisma.ElectionWhereInput[] = [];
  if (filter.area) election.push({ areaId: { in: await ctx.cache.areaWithDescendants(await areaIdByName(ctx, filter.area)) } });
  const years = yearRange(filter.yearFrom, filter.yearTo);
  if (years) election.push({ year: years });
  if (filter.electionTypes?.length) election.push({ type: { in: filter.electionTypes } });
  if (election.length) and.push({ round: { election: { AND: election } } });
  if (filter.verdicts?.length) and.push({ verdict: { in: filter.verdicts } });
  if (filter.kinds?.length) and.push({ kind: { in: filter.kinds } });
  if (filter.uncoded) and.push({ verdict: null });
  if (filter.codedBy) and.push(verdictInForceFrom(filter.codedBy));
  if (filter.source) and.push({ source: { key: filter.source } });
  return { AND: and };
}

function statusWhere(statuses: readonly ('IN_FORCE' | 'RETIRED' | 'WITHDRAWN')[] | null | undefined): Prisma.StatementWhereInput {
  if (!statuses?.length) return statementInForce;
  const or: Prisma.StatementWhereInput[] = [];
  if (statuses.includes('IN_FORCE')) or.push(statementInForce);
  if (statuses.includes('RETIRED')) or.push({ retiredAt: { not: null }, withdrawnAt: null });
  if (statuses.includes('WITHDRAWN')) or.push({ withdrawnAt: { not: null } });
  return { OR: or };
}

/**
 * `nameContains`: records with a name or alias containing the text, compared in the names'
 * normalised form (case, diacritics, punctuation and Cyrillic folded, as the reconciler
 * compares them). The normalised form holds only letters, digits and spaces, so nothing a
 * client types can act as a LIKE wildcard; text with no letters or digits matches nothing.
 */
export function aliasContains(
  text: string | null | undefined,
): { aliases: { some: { normalized: { contains: string } } } } | { id: { in: [] } } | Record<string, never> {
  if (text === null || text === undefined || text === '') return {};
  const needle = normalizeName(text);
  return needle ? { aliases: { some: { normalized: { contains: needle } } } } : { id: { in: [] } };
}
