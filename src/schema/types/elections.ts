import { ROUNDS_PER_ELECTION } from '../complexity.js';
import { missionInForce, statementInForce } from '../../read/in-force.js';
import { builder, NODE_ID, type Context } from '../builder.js';
import { connectionOf, edgeOf } from '../connections.js';
import { OrganizationRef } from './organizations.js';
import type { Organization, Prisma } from '../../generated/prisma/client.js';
import { DatePrecisionEnum, ElectionTypeEnum, RoundKindEnum } from '../enums.js';
import { addProvenance } from './provenance.js';
import { ElectionFilter, electionWhere, type ElectionFilterInput } from '../filters.js';
import { MISSION_ORDER, MissionOrderEnum } from '../mission-order.js';
import { organizationIdByName } from '../lookup.js';

builder.prismaNode('Election', {
  id: NODE_ID,
  // Select mode: a query reads the columns its fields ask for, never a quote or a description nobody requested.
  select: { id: true },
  description: 'An election or referendum in an area. Its rounds carry the statements.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable natural key: area, type and year.' }),
    area: t.relation('area', { description: 'Where the vote took place.' }),
    type: t.expose('type', { type: ElectionTypeEnum, description: 'Kind of vote.' }),
    year: t.exposeInt('year', { description: 'Year of the first round.' }),
    date: t.exposeString('date', {
      nullable: true,
      description: 'Polling day of the first round, ISO at its precision; null when only the year is known.',
    }),
    datePrecision: t.expose('datePrecision', {
      type: DatePrecisionEnum,
      description: 'How precisely the date is known (a year-only article date, a day-exact statement date).',
    }),
    pollingDay: t.field({
      type: 'LocalDate',
      nullable: true,
      description: 'Polling day of the first round, only when known to the day.',
      select: { date: true, datePrecision: true },
      resolve: (e) => (e.datePrecision === 'DAY' ? e.date : null),
    }),
    title: t.string({
      description: 'A readable title: "Ukraine parliamentary election 2012".',
      select: { type: true, year: true, area: { select: { name: true } } },
      resolve: (e) => `${e.area.name} ${e.type.toLowerCase()} ${e.type === 'REFERENDUM' ? '' : 'election '}${e.year}`.replace(/\s+/g, ' '),
    }),
    internationalObserverCount: t.exposeInt('internationalObserverCount', {
      nullable: true,
      description: 'International observers across all missions, when a source counts them.',
    }),
    internationalObserverCountApproximate: t.exposeBoolean('internationalObserverCountApproximate', {
      description: 'True when the source gives the count as approximate ("about 1200 observers from 49 countries").',
    }),
    internationalObserverCountries: t.exposeInt('internationalObserverCountries', {
      nullable: true,
      description: 'Countries the international observers came from, when a source counts them.',
    }),
    rounds: t.relation('rounds', {
      description: 'Rounds with statements, in order.',
      complexity: { field: 1, multiplier: ROUNDS_PER_ELECTION },
      query: { orderBy: { ordinal: 'asc' } },
    }),
    missions: t.relation('missions', {
      description: 'Observation missions to this election.',
      args: {
        order: t.arg({ type: MissionOrderEnum, required: false, defaultValue: 'BODY', description: 'How the missions are sorted.' }),
      },
      query: (args) => ({ where: missionInForce, orderBy: MISSION_ORDER[args.order ?? 'BODY'] }),
    }),
    observers: t.field({
      type: [OrganizationRef],
      description: 'Organizations with a mission to this election.',
      // The organizations' own nested selection (aliases, parent, …) is planned into this load.
      select: (_args, _ctx, nestedSelection) => ({
        missions: { select: { organization: nestedSelection(true) }, where: missionInForce, orderBy: { id: 'asc' } },
      }),
      // The select function above loaded missions with their organizations; Pothos cannot infer that type from a function.
      resolve: (e) => (e as unknown as { missions: { organization: Organization }[] }).missions.map((m) => m.organization),
    }),
  }),
});
addProvenance('Election');

builder.prismaNode('ElectionRound', {
  id: NODE_ID,
  // Select mode: a query reads the columns its fields ask for, never a quote or a description nobody requested.
  select: { id: true },
  description: 'A round of an election (first, second, rerun): statements are about rounds.',
  fields: (t) => ({
    election: t.relation('election', { description: 'The election.' }),
    round: t.expose('round', { type: RoundKindEnum, description: 'First, second or rerun.' }),
    date: t.expose('date', { type: 'LocalDate', nullable: true, description: 'Polling day of this round, when known.' }),
    statements: t.relation('statements', {
      description: 'Statements about this round.',
      query: { where: statementInForce, orderBy: [{ statementDate: 'asc' }, { id: 'asc' }] },
    }),
  }),
});
addProvenance('ElectionRound');

builder.prismaNode('Mission', {
  id: NODE_ID,
  description: 'An organization observing an election.',
  fields: (t) => ({
    organization: t.relation('organization', { description: 'The observing organization.' }),
    election: t.relation('election', { description: 'The election observed.' }),
    head: t.relation('head', { nullable: true, description: 'Head of mission, when known.' }),
    observerCount: t.exposeInt('observerCount', { nullable: true, description: 'Number of observers, when known.' }),
    observerCountApproximate: t.exposeBoolean('observerCountApproximate', {
      description: 'True when the count is approximate ("about 1200").',
    }),
    countryCount: t.exposeInt('countryCount', { nullable: true, description: 'Number of countries the observers came from.' }),
    startDate: t.exposeString('startDate', { nullable: true, description: 'Deployment start.' }),
    endDate: t.exposeString('endDate', { nullable: true, description: 'Deployment end.' }),
    members: t.relation('members', { description: 'People on the mission.' }),
  }),
});
addProvenance('Mission');

builder.queryFields((t) => ({
  elections: t.prismaConnection(
    {
      type: 'Election',
      cursor: 'id',
      description: 'Elections, newest first, filtered as a dashboard needs.',
      args: { filter: t.arg({ type: ElectionFilter, required: false }) },
      totalCount: async (_p, args, ctx) => ctx.db.election.count({ where: await electionWhere(args.filter, ctx) }),
      resolve: async (query, _p, args, ctx) =>
        ctx.db.election.findMany({ ...query, where: await electionWhere(args.filter, ctx), orderBy: [{ year: 'desc' }, { id: 'asc' }] }),
    },
    connectionOf('QueryElections'),
    edgeOf('QueryElections'),
  ),
  missions: t.prismaConnection(
    {
      type: 'Mission',
      cursor: 'id',
      description: 'Observation missions, of one body or of every body, to the elections the filter keeps, sorted as asked.',
      args: {
        observer: t.arg.string({ required: false, description: 'Only missions of this body, by any name (its parts included).' }),
        filter: t.arg({ type: ElectionFilter, required: false, description: 'Only missions to the elections this filter keeps.' }),
        order: t.arg({
          type: MissionOrderEnum,
          required: false,
          defaultValue: 'ELECTION_NEWEST_FIRST',
          description: 'How the missions are sorted.',
        }),
      },
      totalCount: async (_p, args, ctx) => ctx.db.mission.count({ where: await missionWhere(args, ctx) }),
      resolve: async (query, _p, args, ctx) =>
        ctx.db.mission.findMany({
          ...query,
          where: await missionWhere(args, ctx),
          orderBy: MISSION_ORDER[args.order ?? 'ELECTION_NEWEST_FIRST'],
        }),
    },
    connectionOf('QueryMissions'),
    edgeOf('QueryMissions'),
  ),
}));

async function missionWhere(
  args: { observer?: string | null; filter?: ElectionFilterInput | null },
  ctx: Context,
): Promise<Prisma.MissionWhereInput> {
  const and: Prisma.MissionWhereInput[] = [missionInForce, { election: await electionWhere(args.filter, ctx) }];
  if (args.observer)
    and.push({ organizationId: { in: await ctx.cache.organizationsWithParts([await organizationIdByName(ctx, args.observer)]) } });
  return { AND: and };
}
