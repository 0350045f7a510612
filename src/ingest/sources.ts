/**
 * The bundled sources and their registration as Source rows. A source's id derives from
 * its key, so claims keep pointing at it across re-ingests; its hash records which
 * content the facts were read from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../db/config.js';
import { sha256, stableId } from '../reconcile/ids.js';
import type { Tx } from './write-set.js';
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

/** A source as one ingest registered it: which version of it the content is. */
export interface RegisteredSource {
  id: string;
  key: string;
  /** SourceVersion.number of this content. */
  version: number;
  /** The version before this ingest's, null when the source is new. */
  previousVersion: number | null;
  /** True when the content is that of the latest version already on record. */
  sameContent: boolean;
}

/**
 * Registers a source and the version its content is: the same hash as the latest version is that
 * version again; any other hash is a new version, numbered on from the latest.
 */
/** A source as registered: content uploaded with no file has no path. */
export type SourceRecord = Omit<SourceSpec, 'path'> & { path: string | null };

/** A source's content, or only its SHA-256 (a file read as a stream, hashed as it went by). */
export type SourceContent = string | Buffer | { sha256: string };

export async function registerSource(tx: Tx, spec: SourceRecord, content?: SourceContent): Promise<RegisteredSource> {
  const id = stableId('source', spec.key);
  const text = content ?? fs.readFileSync(path.resolve(projectRoot, spec.path ?? ''));
  const hash = typeof text === 'object' && 'sha256' in text ? text.sha256 : sha256(text);
  const now = new Date();
  const data = { title: spec.title, kind: spec.kind, url: spec.url ?? null, path: spec.path, sha256: hash, ingestedAt: now };
  await tx.source.upsert({ where: { id }, create: { id, key: spec.key, ...data }, update: data });
  const latest = await tx.sourceVersion.findFirst({ where: { sourceId: id }, orderBy: { number: 'desc' } });
  if (latest?.sha256 === hash) {
    await tx.sourceVersion.update({ where: { id: latest.id }, data: { lastIngestedAt: now, path: spec.path } });
    return { id, key: spec.key, version: latest.number, previousVersion: latest.number, sameContent: true };
  }
  const version = (latest?.number ?? 0) + 1;
  await tx.sourceVersion.create({
    data: {
      id: stableId('sourceversion', id, String(version)),
      sourceId: id,
      number: version,
      sha256: hash,
      path: spec.path,
      ingestedAt: now,
      lastIngestedAt: now,
      statementsNew: 0,
      statementsUpdated: 0,
      statementsUnchanged: 0,
      statementsRetired: 0,
    },
  });
  return { id, key: spec.key, version, previousVersion: latest?.number ?? null, sameContent: false };
}

export function readSource(spec: SourceSpec): string {
  return fs.readFileSync(path.join(projectRoot, spec.path), 'utf8');
}
