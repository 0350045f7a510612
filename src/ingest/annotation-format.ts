/**
 * Stand-off annotations of the narrative sources (001–004): each fact names the exact
 * span of source text (`evidence`) it was read from. Ingestion checks every span is
 * present verbatim in the bundled source and records its line as the claim's locator,
 * so a fact can never drift from its source. Names are written as the source spells
 * them; reconciliation (src/reconcile) resolves them to known entities.
 *
 * Rules ingestion enforces (a file that breaks one writes nothing; the error names the file,
 * the field and the source line):
 * - Every claim's excerpt stands at its locator.
 * - A name is claimed only where it stands. An entry's `name` and its plain-string `aliases`
 *   must occur in its `evidence` (compared folded: case, diacritics and punctuation aside); an
 *   alias or a former name that the source writes elsewhere names its own `evidence`. An area
 *   named by an entry (`area`, `place`, `birthPlace`, an observer count's `area`) must stand in
 *   the entry's evidence line too.
 * - A person is named where `persons` declares them. Memberships, events and claims that name
 *   a declared person link to that record and claim only their own fact: their evidence may
 *   say "he". A person not declared is introduced by the first fact naming them, whose
 *   evidence must then contain the name.
 * - When several sources give a person's `summary` or `birthYear`, the record shows the value
 *   of the first source in ingest order (the article, then these files by name); every
 *   source's value stays a claim (`claims(property: "summary")`).
 * - Counts are written as the number the source gives. Its wording in the evidence says
 *   whether it is exact: "about 1200", "some 300" are approximate, "more than 50" a lower
 *   bound, "up to 30" an upper bound (see COUNT_QUALIFIERS in src/reconcile/conflicts.ts). A
 *   qualified count is stored as { value, qualifier, approximate: true }; an annotation that
 *   calls a qualified count exact, or writes a count as text (">50"), is refused.
 * - A `venue` that names a known body links the event to it (participant role "venue").
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

/** An alias the source writes on another line than the entry's evidence. */
export interface AnnotatedAlias {
  name: string;
  evidence: string;
}

export interface AnnotatedOrganization {
  name: string;
  kind: OrganizationKindName;
  /** Name of the parent body, as any known spelling. */
  parent?: string;
  /** Country or area the body belongs to (national commissions, parliaments, delegations). */
  area?: string;
  /** Other spellings used in this source: a plain string stands in `evidence`, else give its own. */
  aliases?: (string | AnnotatedAlias)[];
  /** Former or later names with their validity; `evidence` where the source writes that name, when not in the entry's. */
  names?: { name: string; validFrom?: PartialDate; validUntil?: PartialDate; evidence?: string }[];
  /** Size in members, when the source gives it (e.g. a delegation of 11 deputies); qualified by the evidence's wording. */
  memberCount?: number;
  description?: string;
  evidence: string;
}

export interface AnnotatedPerson {
  name: string;
  /** Other spellings used in this source: a plain string stands in `evidence`, else give its own. */
  aliases?: (string | AnnotatedAlias)[];
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

/**
 * A property of an entity as this source states it; differing values across sources are conflicts.
 * A fact about a person is claimed on the Person (Kochetkov's "more than 50 missions" as head of
 * missions is `missionsLed` on him, not a mission count of CIS-EMO). A number whose evidence
 * qualifies it ("more than 50") is stored as { value, qualifier, approximate: true }.
 */
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
  /** The number as written; "about 1200" makes it approximate. */
  observers: number;
  countries?: number;
  /** Read from the evidence's wording ("about", "more than", ...); when given, it must agree. */
  approximate?: boolean;
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
