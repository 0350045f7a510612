/**
 * Stand-off annotations of the narrative sources (001–004): each fact names the exact
 * span of source text (`evidence`) it was read from. Ingestion checks every span is
 * present verbatim in the bundled source and records its line as the claim's locator,
 * so a fact can never drift from its source. Names are written as the source spells
 * them; reconciliation (src/reconcile) resolves them to known entities.
 */

import type { OrganizationKindName } from '../reconcile/reference.js';

export type { OrganizationKindName };

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export type PartialDate = string;

export type EventKindName =
  | 'CONFERENCE'
  | 'ROUND_TABLE'
  | 'MEETING'
  | 'FORUM'
  | 'SCHOOL'
  | 'ARREST'
  | 'DEPORTATION'
  | 'CRISIS'
  | 'SIGNING'
  | 'PRESS_CENTRE'
  | 'OTHER';

export interface AnnotatedOrganization {
  name: string;
  kind: OrganizationKindName;
  /** Name of the parent body, as any known spelling. */
  parent?: string;
  /** Country or area the body belongs to (national commissions, parliaments, delegations). */
  area?: string;
  /** Other spellings used in this source. */
  aliases?: string[];
  /** Former or later names with their validity. */
  names?: { name: string; validFrom?: PartialDate; validUntil?: PartialDate }[];
  /** Size in members, when the source gives it (e.g. a delegation of 11 deputies). */
  memberCount?: number;
  description?: string;
  evidence: string;
}

export interface AnnotatedPerson {
  name: string;
  aliases?: string[];
  birthYear?: number;
  birthPlace?: string;
  summary?: string;
  evidence: string;
}

export interface AnnotatedMembership {
  person: string;
  /** The organization the role is in; omit for a role with no body in the read model. */
  organization?: string;
  role: string;
  /** The standing as stated ("Plenipotentiary Representative of the National Assembly ..."). */
  label?: string;
  onBehalfOf?: string;
  startDate?: PartialDate;
  endDate?: PartialDate;
  /** Date at which the source states the role holds (its publication date, say). */
  asOf?: PartialDate;
  evidence: string;
}

export interface AnnotatedEvent {
  /** Stable, unique within the source: lower-case words joined by hyphens. */
  key: string;
  name: string;
  kind: EventKindName;
  /** City or country as spelled in the source. */
  place?: string;
  venue?: string;
  date?: PartialDate;
  endDate?: PartialDate;
  description?: string;
  participants?: { organization?: string; person?: string; role: string }[];
  evidence: string;
}

/** A property of an entity as this source states it; differing values across sources are conflicts. */
export interface AnnotatedClaim {
  entity: { type: 'Organization' | 'Person' | 'Area'; name: string };
  property: string;
  value: string | number | boolean;
  evidence: string;
}

/** Observers present at an election, counted across all international missions. */
export interface AnnotatedObserverCount {
  area: string;
  electionType: 'presidential' | 'parliamentary' | 'referendum' | 'mayoral' | 'municipal' | 'regional';
  date: PartialDate;
  observers: number;
  countries?: number;
  approximate: boolean;
  evidence: string;
}

export interface SourceAnnotations {
  /** Bundled file name under data/sources/. */
  file: string;
  title: string;
  url?: string;
  /** Publication date of the source, when it states one. */
  published?: PartialDate;
  organizations?: AnnotatedOrganization[];
  persons?: AnnotatedPerson[];
  memberships?: AnnotatedMembership[];
  events?: AnnotatedEvent[];
  claims?: AnnotatedClaim[];
  observerCounts?: AnnotatedObserverCount[];
}
