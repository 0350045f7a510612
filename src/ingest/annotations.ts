/**
 * Loads the stand-off annotations of the narrative sources (data/annotations/*.json).
 * Every fact's evidence must occur verbatim in its source; its line becomes the locator.
 * Every claim is checked against the source text before it is queued: its excerpt must stand
 * at its locator, and a claimed name (or alias) must stand there too. The rules are listed in
 * annotation-format.ts; a file that breaks one writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../db/config.js';
import type { AnnotatedAlias, SourceAnnotations } from './annotation-format.js';
import { parseIsoPartial } from '../reconcile/dates.js';
import { COUNT_QUALIFIERS, type QualifiedCount } from '../reconcile/conflicts.js';
import { parseElectionType } from './vocabulary.js';
import type { Provenance, Store } from './store.js';
import { UnknownNameError } from './store.js';
import type { SourceSpec } from './sources.js';
import { fold, slug } from '../reconcile/normalize.js';

export const annotationsDir = path.join(projectRoot, 'data', 'annotations');

export class EvidenceError extends Error {}

// ── where a claim stands ──

/** Claim properties whose value is a name the entity is called by. */
const NAME_PROPERTIES = new Set(['name', 'mentionedAs', 'alias', 'nameOverTime']);
const NAMED_ENTITIES = new Set(['Person', 'Organization', 'Area']);

/** The name a claim asserts an entity is called by ("name", an alias, a mention, a name over time), or null. */
export function claimedName(entityType: string, property: string, value: unknown): string | null {
  if (!NAMED_ENTITIES.has(entityType) || !NAME_PROPERTIES.has(property)) return null;
  if (typeof value === 'string') return value;
  const name = (value as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : null;
}

/** The text of the lines a locator names ("line 12", "lines 7-51"), or null when it names no line of `lines`. */
export function textAtLocator(lines: string[], locator: string): string | null {
  const m = /^lines? (\d+)(?:-(\d+))?$/.exec(locator);
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (from < 1 || to < from || to > lines.length) return null;
  return lines.slice(from - 1, to).join('\n');
}

/** True when `name` stands in `text` as whole words, compared folded (case, diacritics, punctuation and markup aside). */
export function nameStandsIn(text: string, name: string): boolean {
  const n = fold(name);
  return n !== '' && ` ${fold(text)} `.includes(` ${n} `);
}

const short = (text: string, n = 90) => (text.length > n ? `${text.slice(0, n)}…` : text);

export interface ClaimAt {
  entityType: string;
  property: string;
  value: unknown;
  locator: string;
  excerpt: string;
}

/** Why a claim does not hold at its locator in a text source, or null when it does. */
export function claimLocationProblem(lines: string[], claim: ClaimAt): string | null {
  const text = textAtLocator(lines, claim.locator);
  if (text === null) return `locator "${claim.locator}" names no line of the source`;
  if (!text.includes(claim.excerpt)) return `excerpt "${short(claim.excerpt)}" does not stand at ${claim.locator}`;
  const name = claimedName(claim.entityType, claim.property, claim.value);
  if (name !== null && !nameStandsIn(text, name))
    return `${claim.entityType} ${claim.property} "${name}" is claimed at ${claim.locator}, where the source does not write it ("${short(text.trim())}")`;
  return null;
}

/** Claims that do not hold where they point, with the file and the field they came from. */
export class ClaimLocationError extends EvidenceError {
  constructor(readonly problems: string[]) {
    super(`${problems.length} claim(s) do not stand where they point; nothing was written:\n${problems.join('\n')}`);
  }
}

/**
 * Runs `body` with every claim `store` queues for `sourceId` checked against the source's
 * lines first (store methods that claim a name — resolveOrCreatePerson, resolveOrCreateArea, … —
 * go through the same check). Problems are collected and thrown together at the end; the
 * caller's transaction then writes nothing.
 */
export async function withClaimsChecked<T>(
  store: Store,
  sourceId: string,
  lines: string[],
  where: () => string,
  body: () => Promise<T>,
): Promise<T> {
  store.checkClaims(sourceId, (claim) => {
    const problem = claimLocationProblem(lines, claim);
    return problem && `${where()}: ${problem}`;
  });
  try {
    const result = await body();
    const problems = store.endClaimChecks(sourceId);
    if (problems.length) throw new ClaimLocationError(problems);
    return result;
  } finally {
    store.endClaimChecks(sourceId);
  }
}

// ── counts ──

/**
 * How a passage writes the number `n`: null when it does not; otherwise with the phrase that
 * qualifies it ("about", "more than", … see COUNT_QUALIFIERS), or null for an exact count.
 * "1200", "1,200" and "1 200" are the same number.
 */
export function readCount(text: string, n: number): { value: number; qualifier: string | null } | null {
  if (!Number.isFinite(n)) return null;
  const digits = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '[,\\s\\u00a0]?');
  const m = new RegExp(`(?<![\\d.,])${digits}(?![\\d]|[.,]\\d)`).exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index).toLowerCase().replace(/\s+/g, ' ');
  const qualifier = COUNT_QUALIFIERS.find(([phrase]) => new RegExp(`(?:^|[^a-z])${phrase} $`).test(before))?.[0] ?? null;
  return { value: n, qualifier };
}

/** A count as stored: the plain number when the source gives it exactly, else { value, qualifier, approximate: true }. */
export function countAsStated(n: number, evidence: string): number | QualifiedCount {
  const read = readCount(evidence, n);
  return read?.qualifier ? { value: n, qualifier: read.qualifier, approximate: true } : n;
}

/** A count written as text (">50", "about 50", "50+"): refused, the number and the evidence say it. */
const COUNT_AS_TEXT = new RegExp(`^\\s*(?:[<>≈~]=?\\s*\\d|\\d+\\s*\\+\\s*$|(?:${COUNT_QUALIFIERS.map(([p]) => p).join('|')})\\s+\\d)`, 'i');

// ── ingest ──

export async function ingestAnnotations(store: Store, file: string, options: { sourceText?: string } = {}): Promise<void> {
  const annotations = JSON.parse(fs.readFileSync(file, 'utf8')) as SourceAnnotations;
  const spec: SourceSpec = {
    key: `corpus/${annotations.file.slice(0, 3)}`,
    title: annotations.title,
    kind: 'WEB_PAGE',
    path: `data/sources/${annotations.file}`,
    url: annotations.url,
  };
  const text = options.sourceText ?? fs.readFileSync(path.join(projectRoot, spec.path), 'utf8');
  const sourceId = (await store.source(spec, text)).id;
  const lines = text.split('\n');
  const rel = path.isAbsolute(file) ? path.relative(projectRoot, file) : file;
  let field = '';
  const where = () => `${rel}: ${field}: ${spec.path}`;
  await withClaimsChecked(store, sourceId, lines, where, () =>
    ingestChecked(store, annotations, sourceId, lines, spec, rel, (f) => (field = f)),
  );
}

async function ingestChecked(
  store: Store,
  annotations: SourceAnnotations,
  sourceId: string,
  lines: string[],
  spec: SourceSpec,
  rel: string,
  setField: (field: string) => void,
): Promise<void> {
  const fail = (message: string): never => {
    throw new EvidenceError(`${rel}: ${message}`);
  };
  const at = (evidence: string): Provenance => {
    const line = lines.findIndex((l) => l.includes(evidence));
    if (line < 0) fail(`evidence not found verbatim in ${spec.path}: "${evidence.slice(0, 80)}"`);
    return { sourceId, locator: `line ${line + 1}`, excerpt: evidence };
  };
  const area = (name: string, p: Provenance) => store.resolveOrCreateArea(name, p);
  const org = async (name: string) => {
    const found = store.reconciler.resolveOrganization(name);
    if (found.kind !== 'match') throw new UnknownNameError('organization', `${name}" (in ${rel}`);
    await store.alias({ organizationId: found.match.id }, name, 'SOURCE', sourceId);
    return found.match.id;
  };
  const aliasesOf = (list: (string | AnnotatedAlias)[] | undefined, evidence: string): AnnotatedAlias[] =>
    (list ?? []).map((a) => (typeof a === 'string' ? { name: a, evidence } : a));
  /** Claims an alias where the source writes it, and makes it a spelling the reconciler knows. */
  const alias = async (target: { organizationId: string } | { personId: string }, a: AnnotatedAlias) => {
    await store.alias(target, a.name, 'SOURCE', sourceId);
    const [type, id] = 'personId' in target ? ['Person', target.personId] : ['Organization', target.organizationId];
    await store.claim(type, id, 'alias', a.name, at(a.evidence));
  };

  // Organizations: resolve or create first, then link parents (a parent may be listed later).
  const orgIds = new Map<string, string>();
  for (const [i, o] of (annotations.organizations ?? []).entries()) {
    setField(`organizations[${i}] "${o.name}"`);
    const p = at(o.evidence);
    const aliases = aliasesOf(o.aliases, o.evidence);
    const known = [o.name, ...aliases.map((a) => a.name)]
      .map((n) => store.reconciler.resolveOrganization(n))
      .find((r) => r.kind === 'match');
    const areaId = o.area ? await area(o.area, p) : null;
    const id =
      known?.kind === 'match'
        ? known.match.id
        : await store.upsertOrganization({ key: slug(o.name), name: o.name, kind: o.kind, description: o.description, areaId }, p);
    orgIds.set(o.name, id);
    await store.alias({ organizationId: id }, o.name, 'SOURCE', sourceId);
    for (const a of aliases) await alias({ organizationId: id }, a);
    await store.claim('Organization', id, 'mentionedAs', o.name, p);
    for (const n of o.names ?? [])
      await store.organizationName(id, n.name, n.validFrom ?? null, n.validUntil ?? null, at(n.evidence ?? o.evidence));
    if (o.memberCount !== undefined) await store.claim('Organization', id, 'memberCount', countAsStated(o.memberCount, o.evidence), p);
  }
  store.reconciler.rebuildOrganizationIndex();
  for (const [i, o] of (annotations.organizations ?? []).entries()) {
    if (!o.parent) continue;
    setField(`organizations[${i}] "${o.name}" parent`);
    const p = at(o.evidence);
    const id = orgIds.get(o.name)!;
    const parentId = await org(o.parent);
    store.setParentIfMissing(id, parentId);
    await store.claim('Organization', id, 'parent', o.parent, p);
  }

  // Persons declared here are named at their own evidence; facts elsewhere link to them.
  const declared = new Set<string>();
  for (const [i, person] of (annotations.persons ?? []).entries()) {
    setField(`persons[${i}] "${person.name}"`);
    const p = at(person.evidence);
    // The first source (in ingest order) to give a field sets it; a later one adds a claim only.
    const found = store.reconciler.resolvePerson(person.name);
    const queued = found.kind === 'match' ? store.writes.get('person', found.match.id) : undefined;
    const given = { birthYear: person.birthYear ?? null, summary: person.summary ?? null };
    const setting = Object.fromEntries(Object.entries(given).filter(([k, v]) => v !== null && (queued?.[k] ?? null) === null));
    const id = await store.resolveOrCreatePerson(person.name, p, setting);
    for (const [k, v] of Object.entries(given)) if (v !== null && !(k in setting)) await store.claim('Person', id, k, v, p);
    declared.add(id);
    for (const a of aliasesOf(person.aliases, person.evidence)) await alias({ personId: id }, a);
    if (person.birthPlace) {
      await area(person.birthPlace, p);
      await store.claim('Person', id, 'birthPlace', person.birthPlace, p);
    }
  }
  /** A person a fact names: the declared record (no name claim here), or one this fact introduces. */
  const person = async (name: string, p: Provenance) => {
    const found = store.reconciler.resolvePerson(name);
    if (found.kind === 'match' && declared.has(found.match.id)) return found.match.id;
    return store.resolveOrCreatePerson(name, p);
  };

  for (const [i, m] of (annotations.memberships ?? []).entries()) {
    setField(`memberships[${i}] "${m.person}" ${m.role}`);
    const p = at(m.evidence);
    const personId = await person(m.person, p);
    const organizationId = m.organization ? await org(m.organization) : null;
    let onBehalfOfId: string | null = null;
    let onBehalfOfOrganizationId: string | null = null;
    if (m.onBehalfOf) {
      const asArea = store.reconciler.resolveArea(m.onBehalfOf);
      if (asArea) onBehalfOfId = asArea.id;
      else onBehalfOfOrganizationId = await org(m.onBehalfOf);
    }
    await store.membership(
      {
        personId,
        organizationId,
        role: m.role,
        label: m.label ?? null,
        onBehalfOfId,
        onBehalfOfOrganizationId,
        startDate: m.startDate ?? null,
        endDate: m.endDate ?? null,
        asOf: m.asOf ?? null,
      },
      p,
    );
  }

  for (const [i, e] of (annotations.events ?? []).entries()) {
    setField(`events[${i}] "${e.key}"`);
    const p = at(e.evidence);
    const areaId = e.place ? await area(e.place, p) : null;
    const eventId = await store.event(
      {
        key: `${annotations.file.slice(0, 3)}/${e.key}`,
        name: e.name,
        kind: e.kind,
        areaId,
        venue: e.venue ?? null,
        date: e.date ?? null,
        endDate: e.endDate ?? null,
        description: e.description ?? null,
      },
      p,
    );
    // A venue that is a known body ("held at the CEC of Russia") links the event to it.
    if (e.venue && store.reconciler.resolveOrganization(e.venue).kind === 'match') {
      setField(`events[${i}] "${e.key}" venue`);
      await store.eventParticipant(eventId, { organizationId: await store.resolveOrCreateOrganization(e.venue, p) }, 'venue', p);
    }
    for (const [j, who] of (e.participants ?? []).entries()) {
      setField(`events[${i}] "${e.key}" participants[${j}]`);
      if (who.organization) await store.eventParticipant(eventId, { organizationId: await org(who.organization) }, who.role, p);
      if (who.person) await store.eventParticipant(eventId, { personId: await person(who.person, p) }, who.role, p);
    }
  }

  for (const [i, c] of (annotations.claims ?? []).entries()) {
    setField(`claims[${i}] ${c.entity.type} "${c.entity.name}" ${c.property}`);
    const p = at(c.evidence);
    if (typeof c.value === 'string' && COUNT_AS_TEXT.test(c.value))
      fail(
        `claims[${i}] ${c.property}: the count "${c.value}" is written as text; write the number and let the evidence's words qualify it`,
      );
    const entityId =
      c.entity.type === 'Organization'
        ? await org(c.entity.name)
        : c.entity.type === 'Person'
          ? await person(c.entity.name, p)
          : await area(c.entity.name, p);
    await store.claim(c.entity.type, entityId, c.property, typeof c.value === 'number' ? countAsStated(c.value, c.evidence) : c.value, p);
  }

  for (const [i, count] of (annotations.observerCounts ?? []).entries()) {
    setField(`observerCounts[${i}]`);
    const p = at(count.evidence);
    const type = parseElectionType(count.electionType);
    const date = parseIsoPartial(count.date);
    if (!type || !date) fail(`observerCounts[${i}]: bad observer count ${JSON.stringify(count)}`);
    const observers = readCount(count.evidence, count.observers);
    if (!observers) fail(`observerCounts[${i}]: the evidence does not write ${count.observers} observers: "${short(count.evidence)}"`);
    const countries = count.countries !== undefined ? readCount(count.evidence, count.countries) : null;
    if (count.countries !== undefined && !countries)
      fail(`observerCounts[${i}]: the evidence does not write ${count.countries} countries: "${short(count.evidence)}"`);
    const approximate = !!observers!.qualifier;
    if (count.approximate !== undefined && count.approximate !== approximate)
      fail(
        `observerCounts[${i}]: "approximate": ${count.approximate}, but the evidence writes ${observers!.qualifier ? `"${observers!.qualifier} ${count.observers}"` : `${count.observers} exactly`}`,
      );
    const electionId = await store.election(await area(count.area, p), type!, date!, p);
    store.updateElection(electionId, {
      internationalObserverCount: count.observers,
      internationalObserverCountApproximate: approximate,
      internationalObserverCountries: count.countries ?? null,
    });
    await store.claim(
      'Election',
      electionId,
      'internationalObserverCount',
      {
        observers: count.observers,
        countries: count.countries ?? null,
        approximate,
        qualifier: observers!.qualifier,
        ...(countries?.qualifier ? { countriesApproximate: true, countriesQualifier: countries.qualifier } : {}),
      },
      p,
    );
  }
}

export function bundledAnnotationFiles(): string[] {
  return fs
    .readdirSync(annotationsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(annotationsDir, f));
}
