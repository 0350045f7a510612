/** How a list of missions is sorted: one home for the orders every missions list offers. */
import { builder } from './builder.js';
import type { Prisma } from '../generated/prisma/client.js';

export const MissionOrderEnum = builder.enumType('MissionOrder', {
  description: 'How a list of missions is sorted (ties by id, so pages never overlap).',
  values: {
    ELECTION_NEWEST_FIRST: {
      description: "By the election's year and polling day, newest first (within a year, elections known only by year last).",
    },
    ELECTION_OLDEST_FIRST: {
      description: "By the election's year and polling day, oldest first (within a year, elections known only by year last).",
    },
    BODY: { description: "By the observing body's name, then the election, newest first." },
  } as const,
});

export type MissionOrder = 'ELECTION_NEWEST_FIRST' | 'ELECTION_OLDEST_FIRST' | 'BODY';

const NEWEST: Prisma.MissionOrderByWithRelationInput[] = [
  { election: { year: 'desc' } },
  { election: { date: { sort: 'desc', nulls: 'last' } } },
];

export const MISSION_ORDER = {
  ELECTION_NEWEST_FIRST: [...NEWEST, { id: 'asc' }],
  ELECTION_OLDEST_FIRST: [{ election: { year: 'asc' } }, { election: { date: { sort: 'asc', nulls: 'last' } } }, { id: 'asc' }],
  BODY: [{ organization: { name: 'asc' } }, ...NEWEST, { id: 'asc' }],
} satisfies Record<MissionOrder, Prisma.MissionOrderByWithRelationInput[]>;
