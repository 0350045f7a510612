/**
 * Disagreements between sources: two claims on the same property of the same entity with
 * values that cannot both be true. Properties that legitimately hold many values (names,
 * roles, mentions, free-text summaries) are not conflicts; dates of different precision that
 * overlap agree, and so do counts whose ranges overlap ("more than 50" and 60).
 */
import { datesCompatible } from './dates.js';

export interface ClaimLike {
  entityType: string;
  entityId: string;
  property: string;
  value: string;
}

export interface Conflict<C extends ClaimLike = ClaimLike> {
  entityType: string;
  entityId: string;
  property: string;
  values: { value: unknown; claims: C[] }[];
}

/** Properties that may carry several values at once. */
const MULTI_VALUED = new Set([
  'name',
  'mentionedAs',
  'alias',
  'role',
  'event',
  'observed',
  'quote',
  'nameOverTime',
  'composition',
  'sendsElectionMonitoringMissions',
  // Free-text descriptions: two sources describing a person or body differently are both true
  // (the record shows one of them; `claims` keeps every source's).
  'summary',
  'description',
  // What a reference table says a source's title refers to, and why.
  'identifiedAs',
]);

/**
 * How a source qualifies a number: "about 1200" (approximately), "more than 50" (a lower
 * bound), "up to 30" (an upper bound). Longer phrases first, so that "no more than" is not
 * read as "more than". The ingest parsers read these; conflicts compare by the range each gives.
 */
export const COUNT_QUALIFIERS: [phrase: string, bound: CountBound][] = [
  ['no more than', 'atMost'],
  ['no fewer than', 'atLeast'],
  ['no less than', 'atLeast'],
  ['not less than', 'atLeast'],
  ['in excess of', 'above'],
  ['upwards of', 'atLeast'],
  ['more than', 'above'],
  ['greater than', 'above'],
  ['fewer than', 'below'],
  ['less than', 'below'],
  ['at least', 'atLeast'],
  ['at most', 'atMost'],
  ['up to', 'atMost'],
  ['close to', 'nearly'],
  ['approximately', 'about'],
  ['an estimated', 'about'],
  ['roughly', 'about'],
  ['around', 'about'],
  ['about', 'about'],
  ['circa', 'about'],
  ['some', 'about'],
  ['almost', 'nearly'],
  ['nearly', 'nearly'],
  ['under', 'below'],
  ['over', 'above'],
];

export type CountBound = 'about' | 'nearly' | 'above' | 'atLeast' | 'below' | 'atMost';

/** A count as a source gives it, when the source qualifies it: { value: 50, qualifier: "more than", approximate: true }. */
export interface QualifiedCount {
  value: number;
  qualifier: string;
  approximate: true;
}

export function boundOf(qualifier: string): CountBound | null {
  return COUNT_QUALIFIERS.find(([phrase]) => phrase === qualifier.toLowerCase())?.[1] ?? null;
}

/** "About" tolerates this share either way. */
const ABOUT = 0.1;

/** The closed range of values a count can stand for, or null when the value is not a count. */
export function countRange(value: unknown): [number, number] | null {
  if (typeof value === 'number') return [value, value];
  if (!value || typeof value !== 'object') return null;
  const { value: n, qualifier } = value as { value?: unknown; qualifier?: unknown };
  if (typeof n !== 'number' || typeof qualifier !== 'string') return null;
  const step = Number.isInteger(n) ? 1 : Number.EPSILON;
  switch (boundOf(qualifier)) {
    case 'about':
      return [n * (1 - ABOUT), n * (1 + ABOUT)];
    case 'nearly':
      return [n * (1 - ABOUT), n];
    case 'above':
      return [n + step, Number.POSITIVE_INFINITY];
    case 'atLeast':
      return [n, Number.POSITIVE_INFINITY];
    case 'below':
      return [Number.NEGATIVE_INFINITY, n - step];
    case 'atMost':
      return [Number.NEGATIVE_INFINITY, n];
    default:
      return null;
  }
}

function compatible(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(a) && /^\d{4}(-\d{2}){0,2}$/.test(b))
    return datesCompatible(a, b);
  const ra = countRange(a);
  const rb = countRange(b);
  if (ra && rb && (typeof a !== 'number' || typeof b !== 'number')) return ra[0] <= rb[1] && rb[0] <= ra[1];
  return JSON.stringify(a) === JSON.stringify(b);
}

export function findConflicts<C extends ClaimLike>(claims: C[]): Conflict<C>[] {
  const groups = new Map<string, C[]>();
  for (const c of claims) {
    if (MULTI_VALUED.has(c.property)) continue;
    const key = `${c.entityType}|${c.entityId}|${c.property}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const out: Conflict<C>[] = [];
  for (const group of groups.values()) {
    const values: Conflict<C>['values'] = [];
    for (const c of group) {
      const v = JSON.parse(c.value) as unknown;
      const same = values.find((x) => JSON.stringify(x.value) === JSON.stringify(v));
      if (same) same.claims.push(c);
      else values.push({ value: v, claims: [c] });
    }
    const disagree = values.some((a, i) => values.some((b, j) => j > i && !compatible(a.value, b.value)));
    if (disagree) out.push({ entityType: group[0].entityType, entityId: group[0].entityId, property: group[0].property, values });
  }
  return out;
}
