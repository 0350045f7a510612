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

export const bundledSources = {
  article: { key: 'corpus/000', title: 'CIS-EMO (encyclopedia article)', kind: 'ARTICLE', path: 'data/sources/000_7b72a6127d6d3097.txt' },
  cecRussia: {
    key: 'corpus/001',
    title: 'CEC of Russia: International Cooperation',
    kind: 'WEB_PAGE',
    path: 'data/sources/001_0316af43cf693544.txt',
  },
  kochetkov: { key: 'corpus/002', title: 'Aleksey Kochetkov (biography)', kind: 'ARTICLE', path: 'data/sources/002_9f30f933c6790938.txt' },
  ipaCis: {
    key: 'corpus/003',
    title: 'IPA CIS news: Dmitriy Kobitskiy Met with Chairs of Russian and Belarusian CEC (30 Nov 2023)',
    kind: 'WEB_PAGE',
    path: 'data/sources/003_2a063b613fe8f464.txt',
  },
  cstoPa: {
    key: 'corpus/004',
    title: 'CSTO PA: national delegations; Electoral Security statement (10 Sep 2023)',
    kind: 'WEB_PAGE',
    path: 'data/sources/004_3b94d87360a66d8f.txt',
  },
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
