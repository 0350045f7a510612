/** Filters a dashboard needs, shared by elections, statements, people and the comparison. */
import { builder, type Context } from './builder.js';
import { CoderKindEnum, ElectionTypeEnum, OrganizationKindEnum, StatementKindEnum, VerdictEnum } from './enums.js';
import { areaIdByName, organizationIdByName } from './lookup.js';
import type { Prisma } from '../generated/prisma/client.js';
import { userError } from './errors.js';
import { normalizeName } from '../reconcile/normalize.js';
import { seatRoleSpellings } from '../reconcile/roles.js';
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
    uncoded: t.boolean({
      description:
        'Only statements with no verdict in force: no coder gave one, or the coding in force gives none on purpose (`VerdictCoding.abstained`).',
    }),
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

export const PersonFilter = builder.inputType('PersonFilter', {
  description:
    'Filters for people by the bodies they are linked to; names may be any known spelling. Conditions combine with AND: `{ memberOf: ["CIS-EMO"], satIn: [PARLIAMENT, PARLIAMENTARY_ASSEMBLY] }` is the people linked to CIS-EMO who also sat in a parliament or a parliamentary assembly.',
  fields: (t) => ({
    nameContains: t.string({ description: 'A name or spelling of it contains this text (case and diacritics aside).' }),
    memberOf: t.stringList({
      description:
        'Only people with a membership in each of these bodies. A body includes its parts: the OSCE Parliamentary Assembly includes its national delegations.',
    }),
    memberOfKind: t.field({
      type: [OrganizationKindEnum],
      description: 'Only people with a membership, in any role, in a body of one of these kinds (see satIn for seats).',
    }),
    satIn: t.field({
      type: [OrganizationKindEnum],
      description:
        'Only people who held a seat (member, senator, head of delegation, plenipotentiary representative; former ones too) in a body of one of these kinds or in a part of one (PARLIAMENTARY_ASSEMBLY includes the national delegations to an assembly). A consultant or a spokesperson holds no seat.',
    }),
    onBehalfOf: t.string({ description: 'Only people who stood for this country (or an area in it) in some role.' }),
    excludeFormer: t.boolean({
      description: 'With memberOf, memberOfKind or satIn: count only roles held at the time the source speaks of, not "former member".',
    }),
  }),
});

export type PersonFilterInput = typeof PersonFilter.$inferInput;

/** Roles a source states as no longer held at the time it speaks of ("former member"). */
const FORMER_ROLE: Prisma.MembershipWhereInput = { role: { startsWith: 'former ' } };

export async function personWhere(filter: PersonFilterInput | null | undefined, ctx: Context): Promise<Prisma.PersonWhereInput> {
  const and: Prisma.PersonWhereInput[] = [{ mergedIntoId: null }];
  if (!filter) return and[0];
  and.push(aliasContains(filter.nameContains));
  const held: Prisma.MembershipWhereInput = filter.excludeFormer ? { NOT: FORMER_ROLE } : {};
  for (const name of filter.memberOf ?? []) {
    const bodies = await ctx.cache.organizationsWithParts([await organizationIdByName(ctx, name)]);
    and.push({ memberships: { some: { organizationId: { in: bodies }, ...held } } });
  }
  if (filter.memberOfKind?.length) and.push({ memberships: { some: { organization: { kind: { in: filter.memberOfKind } }, ...held } } });
  if (filter.satIn?.length) {
    const bodies = await ctx.db.organization.findMany({ where: { kind: { in: filter.satIn }, mergedIntoId: null }, select: { id: true } });
    const withParts = await ctx.cache.organizationsWithParts(bodies.map((b) => b.id));
    const seats = seatRoleSpellings().filter((role) => !filter.excludeFormer || !role.toLowerCase().startsWith('former '));
    and.push({ memberships: { some: { organizationId: { in: withParts }, role: { in: seats } } } });
  }
  if (filter.onBehalfOf)
    and.push({
      memberships: { some: { onBehalfOfId: { in: await ctx.cache.areaWithDescendants(await areaIdByName(ctx, filter.onBehalfOf)) } } },
    });
  return { AND: and };
}
