/**
 * The bundled sources and their registration as Source rows. A source's id derives from
 * its key, so claims keep pointing at it across re-ingests; its hash records which
 * content the facts were read from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../db/config.js';
import { sha256, stableId } from '../reconcile/ids.js';
import type { Tx } from './store.js';
import type { SourceKind } from '../generated/prisma/enums.js';

export interface SourceSpec {
  key: string;
  title: string;
  kind: SourceKind;
  /** Path relative to the project root. */
  path: string;
  url?: string;
}

export const sourcesDir = path.join(projectRoot, 'data', 'sources');

/**
 * Sources registered under a fixed spec. The narrative documents 001–004 are not listed: each
 * annotation file (data/annotations/*.json) names its document, title and URL, and
 * ingestAnnotations registers the source from it.
 */
export const bundledSources = {
  article: { key: 'corpus/000', title: 'CIS-EMO (encyclopedia article)', kind: 'ARTICLE', path: 'data/sources/000_7b72a6127d6d3097.txt' },
  areas: {
    key: 'reference/areas',
    title: 'Area reference: de-facto states, regions and cities',
    kind: 'DATASET',
    path: 'data/reference/areas.json',
  },
  organizations: {
    key: 'reference/organizations',
    title: 'Organization reference: bodies of the field',
    kind: 'DATASET',
    path: 'data/reference/organizations.json',
  },
  countries: {
    key: 'reference/world-countries',
    title: 'ISO 3166-1 countries (world-countries package)',
    kind: 'DATASET',
    path: 'node_modules/world-countries/countries.json',
  },
} satisfies Record<string, SourceSpec>;

export async function registerSource(tx: Tx, spec: SourceSpec, content?: string | Buffer): Promise<string> {
  const id = stableId('source', spec.key);
  const abs = path.isAbsolute(spec.path) ? spec.path : path.join(projectRoot, spec.path);
  const text = content ?? fs.readFileSync(abs);
  const data = { title: spec.title, kind: spec.kind, url: spec.url ?? null, path: spec.path, sha256: sha256(text), ingestedAt: new Date() };
  await tx.source.upsert({ where: { id }, create: { id, key: spec.key, ...data }, update: data });
  return id;
}

export function readSource(spec: SourceSpec): string {
  return fs.readFileSync(path.join(projectRoot, spec.path), 'utf8');
}
