/**
 * Loads the stand-off annotations of the narrative sources (data/annotations/*.json).
 * Every fact's evidence must occur verbatim in its source; its line becomes the locator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../db/config.js';
import type { SourceAnnotations } from './annotation-format.js';
import { parseIsoPartial } from '../reconcile/dates.js';
import { parseElectionType } from './vocabulary.js';
import type { Provenance, Store } from './store.js';
import { UnknownNameError } from './store.js';
import { registerSource, type SourceSpec } from './sources.js';
import { slug } from '../reconcile/normalize.js';

export const annotationsDir = path.join(projectRoot, 'data', 'annotations');

export class EvidenceError extends Error {}

export async function ingestAnnotations(store: Store, file: string): Promise<void> {
  const annotations = JSON.parse(fs.readFileSync(file, 'utf8')) as SourceAnnotations;
  const spec: SourceSpec = {
    key: `corpus/${annotations.file.slice(0, 3)}`,
    title: annotations.title,
    kind: 'WEB_PAGE',
    path: `data/sources/${annotations.file}`,
    url: annotations.url,
  };
  const text = fs.readFileSync(path.join(projectRoot, spec.path), 'utf8');
  const sourceId = await registerSource(store.tx, spec, text);
  const lines = text.split('\n');
  const rel = path.relative(projectRoot, file);
  const at = (evidence: string): Provenance => {
    const line = lines.findIndex((l) => l.includes(evidence));
    if (line < 0) throw new EvidenceError(`${rel}: evidence not found verbatim in ${spec.path}: "${evidence.slice(0, 80)}"`);
    return { sourceId, locator: `line ${line + 1}`, excerpt: evidence };
  };
  const area = (name: string, p: Provenance) => store.resolveOrCreateArea(name, p);
  const org = async (name: string) => {
    const found = store.reconciler.resolveOrganization(name);
    if (found.kind !== 'match') throw new UnknownNameError('organization', `${name}" (in ${rel}`);
    await store.alias({ organizationId: found.match.id }, name, 'SOURCE', sourceId);
    return found.match.id;
  };

  // Organizations: resolve or create first, then link parents (a parent may be listed later).
  const orgIds = new Map<string, string>();
  for (const o of annotations.organizations ?? []) {
    const p = at(o.evidence);
    const known = [o.name, ...(o.aliases ?? [])].map((n) => store.reconciler.resolveOrganization(n)).find((r) => r.kind === 'match');
    const areaId = o.area ? await area(o.area, p) : null;
    const id =
      known?.kind === 'match'
        ? known.match.id
        : await store.upsertOrganization({ key: slug(o.name), name: o.name, kind: o.kind, description: o.description, areaId }, p);
    orgIds.set(o.name, id);
    for (const n of [o.name, ...(o.aliases ?? [])]) await store.alias({ organizationId: id }, n, 'SOURCE', sourceId);
    await store.claim('Organization', id, 'mentionedAs', o.name, p);
    for (const n of o.names ?? []) await store.organizationName(id, n.name, n.validFrom ?? null, n.validUntil ?? null, p);
    if (o.memberCount !== undefined) await store.claim('Organization', id, 'memberCount', o.memberCount, p);
  }
  store.reconciler.rebuildOrganizationIndex();
  for (const o of annotations.organizations ?? []) {
    if (!o.parent) continue;
    const p = at(o.evidence);
    const id = orgIds.get(o.name)!;
    const parentId = await org(o.parent);
    store.setParentIfMissing(id, parentId);
    await store.claim('Organization', id, 'parent', o.parent, p);
  }

  for (const person of annotations.persons ?? []) {
    const p = at(person.evidence);
    const id = await store.resolveOrCreatePerson(person.name, p, { birthYear: person.birthYear ?? null, summary: person.summary ?? null });
    for (const alias of person.aliases ?? []) await store.alias({ personId: id }, alias, 'SOURCE', sourceId);
    if (person.birthPlace) {
      await area(person.birthPlace, p);
      await store.claim('Person', id, 'birthPlace', person.birthPlace, p);
    }
  }

  for (const m of annotations.memberships ?? []) {
    const p = at(m.evidence);
    const personId = await store.resolveOrCreatePerson(m.person, p);
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

  for (const e of annotations.events ?? []) {
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
    for (const who of e.participants ?? []) {
      if (who.organization) await store.eventParticipant(eventId, { organizationId: await org(who.organization) }, who.role, p);
      if (who.person) await store.eventParticipant(eventId, { personId: await store.resolveOrCreatePerson(who.person, p) }, who.role, p);
    }
  }

  for (const c of annotations.claims ?? []) {
    const p = at(c.evidence);
    const entityId =
      c.entity.type === 'Organization'
        ? await org(c.entity.name)
        : c.entity.type === 'Person'
          ? await store.resolveOrCreatePerson(c.entity.name, p)
          : await area(c.entity.name, p);
    await store.claim(c.entity.type, entityId, c.property, c.value, p);
  }

  for (const count of annotations.observerCounts ?? []) {
    const p = at(count.evidence);
    const type = parseElectionType(count.electionType);
    const date = parseIsoPartial(count.date);
    if (!type || !date) throw new EvidenceError(`${rel}: bad observer count ${JSON.stringify(count)}`);
    const electionId = await store.election(await area(count.area, p), type, date, p);
    store.updateElection(electionId, {
      internationalObserverCount: count.observers,
      internationalObserverCountries: count.countries ?? null,
    });
    await store.claim(
      'Election',
      electionId,
      'internationalObserverCount',
      { observers: count.observers, countries: count.countries ?? null, approximate: count.approximate },
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
