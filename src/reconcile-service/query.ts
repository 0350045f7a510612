/**
 * Reconciliation queries: a cell's text (and optionally its type and other columns as
 * properties) in, scored candidates out. Scores run 0–100:
 *
 *   reconciler match     exact 100 · token set 95 · acronym 90 · phonetic 85 · edit distance 70
 *   equally good rivals  the same, less 15 (the reconciler would call the name ambiguous)
 *   word overlap only    at most 60: offered for a person to choose, never a match
 *   each property        +15 when it agrees, −30 when it contradicts
 *
 * `match` is true only for a confident, unique answer: a reconciler candidate at 85 or more,
 * contradicted by no property, at least 10 points ahead of the next candidate. So a misspelling
 * ("Kishiney", 70) becomes a match once a property confirms it (country Moldova, 85).
 */
import type { MatchMethod } from '../reconcile/name-index.js';
import { ENTITY_TYPES, type Catalog, type EntityType, type Entry } from './catalog.js';
import { describeEntry } from './describe.js';
import { nameSimilarity, resolveGraded } from './match.js';
import { propertyById, type PropertyValue } from './properties.js';

export interface ReconciliationQuery {
  query?: string;
  type?: string | string[];
  limit?: number;
  properties?: { pid: string; v: PropertyValue | PropertyValue[] }[];
  type_strict?: 'any' | 'should' | 'all';
}

export interface Feature {
  id: string;
  value: number | boolean;
}

export interface Candidate {
  id: string;
  name: string;
  description: string;
  type: { id: string; name: string }[];
  score: number;
  match: boolean;
  features: Feature[];
}

const METHOD_SCORE: Record<MatchMethod, number> = { exact: 100, tokens: 95, acronym: 90, phonetic: 85, fuzzy: 70 };
const RIVAL_PENALTY = 15;
const WORD_OVERLAP_CEILING = 60;
const WORD_OVERLAP_FLOOR = 0.34;
const PROPERTY_AGREES = 15;
const PROPERTY_CONTRADICTS = -30;
const MATCH_THRESHOLD = 85;
const MATCH_MARGIN = 10;
export const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 50;

export function typeRef(type: EntityType) {
  return { id: type, name: type };
}

/** The entity types a query asks for; all of them when it names none, none when it names only unknown ones. */
function requestedTypes(type: ReconciliationQuery['type']): EntityType[] {
  if (type === undefined || type === null || (Array.isArray(type) && !type.length) || type === '') return [...ENTITY_TYPES];
  const wanted = (Array.isArray(type) ? type : [type]).map((t) => String(t).toLowerCase());
  return ENTITY_TYPES.filter((t) => wanted.includes(t.toLowerCase()));
}

interface Scored {
  entry: Entry;
  nameScore: number;
  fromReconciler: boolean;
  unique: boolean;
  features: Feature[];
  score: number;
  contradicted: boolean;
}

function nameCandidates(catalog: Catalog, type: EntityType, text: string): Map<string, Omit<Scored, 'features' | 'score' | 'contradicted'>> {
  const found = new Map<string, Omit<Scored, 'features' | 'score' | 'contradicted'>>();
  for (const m of resolveGraded(catalog, type, text)) {
    const entry = catalog.byDbId(type, m.dbId);
    if (!entry) continue;
    found.set(entry.id, { entry, nameScore: METHOD_SCORE[m.method] - (m.unique ? 0 : RIVAL_PENALTY), fromReconciler: true, unique: m.unique });
  }
  for (const entry of catalog.entries(type)) {
    if (found.has(entry.id)) continue;
    const similarity = nameSimilarity(text, entry.names);
    if (similarity >= WORD_OVERLAP_FLOOR) {
      found.set(entry.id, { entry, nameScore: Math.round(similarity * WORD_OVERLAP_CEILING), fromReconciler: false, unique: false });
    }
  }
  return found;
}

export function reconcile(catalog: Catalog, query: ReconciliationQuery): Candidate[] {
  const text = (query.query ?? '').trim();
  const limit = Math.min(Math.max(1, Math.floor(Number(query.limit) || DEFAULT_LIMIT)), MAX_LIMIT);
  const properties = (query.properties ?? [])
    .map((p) => ({ definition: propertyById(String(p.pid)), values: (Array.isArray(p.v) ? p.v : [p.v]).filter((v) => v !== null && v !== undefined && v !== '') }))
    .filter((p) => p.values.length);

  const scored: Scored[] = [];
  for (const type of requestedTypes(query.type)) {
    // With no text, the properties alone select: every record of the type is a candidate.
    const base = text
      ? [...nameCandidates(catalog, type, text).values()]
      : properties.length ? catalog.entries(type).map((entry) => ({ entry, nameScore: 50, fromReconciler: false, unique: false })) : [];
    for (const candidate of base) {
      const features: Feature[] = [{ id: 'name_score', value: candidate.nameScore }, { id: 'name_unique', value: candidate.unique }];
      let score = candidate.nameScore;
      let contradicted = false;
      let agreed = 0;
      for (const { definition, values } of properties) {
        if (!definition?.compare || !definition.types.includes(type)) continue;
        const verdict = definition.compare(candidate.entry, values, catalog);
        if (verdict === null) continue;
        features.push({ id: `property_${definition.id}`, value: verdict });
        score += verdict ? PROPERTY_AGREES : PROPERTY_CONTRADICTS;
        if (verdict) agreed++;
        else contradicted = true;
      }
      if (!text && (contradicted || !agreed)) continue;
      if (score <= 0) continue;
      scored.push({ ...candidate, features, score: Math.min(100, score), contradicted });
    }
  }

  scored.sort((a, b) => b.score - a.score || a.entry.name.localeCompare(b.entry.name));
  const [top, second] = scored;
  const confident = !!top && top.fromReconciler && !top.contradicted && top.score >= MATCH_THRESHOLD
    && (!second || top.score - second.score >= MATCH_MARGIN);

  return scored.slice(0, limit).map((s, i) => ({
    id: s.entry.id,
    name: s.entry.name,
    description: describeEntry(s.entry, catalog),
    type: [typeRef(s.entry.type)],
    score: s.score,
    match: i === 0 && confident,
    features: s.features,
  }));
}
