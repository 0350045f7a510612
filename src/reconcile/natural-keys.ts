/**
 * The natural keys records are identified by. Ingestion derives ids from them, and curation
 * re-derives them when a merge moves rows: both must agree, so both use these functions.
 */
import { stableId } from './ids.js';
import { normalizeName } from './normalize.js';

export const aliasId = (ownerId: string, normalized: string) => stableId('alias', ownerId, normalized);

export const electionKey = (areaKey: string, type: string, year: number | string) => `${areaKey}:${type.toLowerCase()}:${year}`;

export const roundId = (electionId: string, round: string) => stableId('round', electionId, round);

export const missionId = (organizationId: string, electionId: string) => stableId('mission', organizationId, electionId);

export interface MembershipIdentity {
  personId: string;
  organizationId?: string | null;
  missionId?: string | null;
  role: string;
  label?: string | null;
  startDate?: string | null;
  asOf?: string | null;
}

/** A role stated as of a date is its own record: a speaker speaking for a body on two dates is two facts. */
export function membershipKey(m: MembershipIdentity): string {
  return [
    m.personId,
    m.organizationId ?? m.missionId ?? '-',
    normalizeName(m.role),
    normalizeName(m.label ?? ''),
    m.startDate ?? '',
    m.asOf ?? '',
  ].join('|');
}
