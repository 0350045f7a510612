/**
 * Disagreements between sources: two claims on the same property of the same entity with
 * values that cannot both be true. Properties that legitimately hold many values (names,
 * roles, mentions) are not conflicts; dates of different precision that overlap agree.
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
  'role',
  'event',
  'observed',
  'quote',
  'nameOverTime',
  'composition',
  'sendsElectionMonitoringMissions',
]);

function compatible(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(a) && /^\d{4}(-\d{2}){0,2}$/.test(b))
    return datesCompatible(a, b);
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
