/**
 * Bundled knowledge of the field: ISO 3166-1 countries (the world-countries package),
 * de-facto states, regions and cities (data/reference/areas.json), and the bodies of the
 * field (data/reference/organizations.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { romanize } from './normalize.js';

/** The bundled knowledge ships with the code: data/reference/ beside src/. */
const referenceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'reference');

/** Kinds of organization, as the reference data and the annotations name them. */
export type OrganizationKindName =
  | 'NGO'
  | 'INTERGOVERNMENTAL'
  | 'PARLIAMENTARY_ASSEMBLY'
  | 'ELECTION_COMMISSION'
  | 'AD_HOC_MISSION'
  | 'PROFESSIONAL_ASSOCIATION'
  | 'PARLIAMENT'
  | 'DELEGATION'
  | 'GOVERNMENT_BODY'
  | 'MEDIA'
  | 'OTHER';

export interface ReferenceArea {
  key: string;
  name: string;
  kind: 'COUNTRY' | 'DE_FACTO_STATE' | 'REGION' | 'CITY';
  isoCode: string | null;
  /** Key of the parent area (ISO alpha-2 for countries). */
  parent: string | null;
  claimedBy: string | null;
  names: string[];
  note?: string;
}

export interface ReferenceOrganization {
  key: string;
  name: string;
  kind: OrganizationKindName;
  parent?: string;
  area?: string;
  aliases?: string[];
  names?: { name: string; validFrom?: string; validUntil?: string }[];
  description?: string;
  distinctFrom?: string[];
  /**
   * Titles that hold a seat in this body in its area ("senator" in Poland: the Senate of Poland),
   * with the role a membership gets: a source that writes only the title names the body through it.
   */
  titles?: { title: string; role: string }[];
}

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  translations: Record<string, { common: string; official: string } | undefined>;
}

export const referenceFiles = {
  areas: path.join(referenceDir, 'areas.json'),
  organizations: path.join(referenceDir, 'organizations.json'),
};

/** A name and, when it is written in Cyrillic, its romanisation. */
function withRomanized(names: string[]): string[] {
  return [...new Set(names.flatMap((n) => (/[а-яё]/i.test(n) ? [n, romanize(n)] : [n])))];
}

export function loadReferenceAreas(): ReferenceArea[] {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as WorldCountry[];
  const out: ReferenceArea[] = countries.map((c) => ({
    key: c.cca2.toLowerCase(),
    name: c.name.common,
    kind: 'COUNTRY',
    isoCode: c.cca2,
    parent: null,
    claimedBy: null,
    // Two- and three-letter codes are left out as names: "PA" (Panama) must not swallow "OSCE PA".
    names: withRomanized([
      c.name.official,
      ...c.altSpellings.filter((s) => s.length > 3),
      ...[c.translations.rus?.common, c.translations.rus?.official].filter((s): s is string => !!s),
    ]),
  }));
  const extra = JSON.parse(fs.readFileSync(referenceFiles.areas, 'utf8')) as {
    areas: {
      key: string;
      name: string;
      kind: ReferenceArea['kind'];
      parent?: string;
      claimedBy?: string;
      iso?: string;
      ru?: string[];
      aliases?: string[];
      note?: string;
    }[];
  };
  for (const a of extra.areas) {
    out.push({
      key: a.key,
      name: a.name,
      kind: a.kind,
      isoCode: a.iso ?? null,
      parent: a.parent ? a.parent.toLowerCase() : null,
      claimedBy: a.claimedBy ? a.claimedBy.toLowerCase() : null,
      names: withRomanized([...(a.aliases ?? []), ...(a.ru ?? [])]),
      note: a.note,
    });
  }
  return out;
}

export function loadReferenceOrganizations(): ReferenceOrganization[] {
  const data = JSON.parse(fs.readFileSync(referenceFiles.organizations, 'utf8')) as { organizations: ReferenceOrganization[] };
  return data.organizations.map((o) => ({ ...o, aliases: withRomanized(o.aliases ?? []) }));
}
