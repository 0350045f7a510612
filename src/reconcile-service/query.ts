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
import { resolveGraded, wordOverlaps } from './match.js';
import { propertyById } from './properties.js';
import type { ReconciliationQuery } from './validate.js';

export type { ReconciliationQuery };

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

export function typeRef(type: EntityType) {
  return { id: type, name: type };
}

/** The entity types a query asks for; all of them when it names none, none when it names only unknown ones. */
function requestedTypes(types: string[]): EntityType[] {
  const wanted = types.filter(Boolean).map((t) => t.toLowerCase());
  if (!wanted.length) return [...ENTITY_TYPES];
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

function nameCandidates(
  catalog: Catalog,
  type: EntityType,
  text: string,
): Map<string, Omit<Scored, 'features' | 'score' | 'contradicted'>> {
  const found = new Map<string, Omit<Scored, 'features' | 'score' | 'contradicted'>>();
  for (const m of resolveGraded(catalog, type, text)) {
    const entry = catalog.byDbId(type, m.dbId);
    if (!entry) continue;
    found.set(entry.id, {
      entry,
      nameScore: METHOD_SCORE[m.method] - (m.unique ? 0 : RIVAL_PENALTY),
      fromReconciler: true,
      unique: m.unique,
    });
  }
  const overlaps = wordOverlaps(catalog, type, text, WORD_OVERLAP_FLOOR);
  // In catalog order, as without the index: records of equal score and name keep that order.
  for (const entry of overlaps.size ? catalog.entries(type) : []) {
    const similarity = overlaps.get(entry);
    if (found.has(entry.id) || similarity === undefined) continue;
    found.set(entry.id, { entry, nameScore: Math.round(similarity * WORD_OVERLAP_CEILING), fromReconciler: false, unique: false });
  }
  return found;
}

export function reconcile(catalog: Catalog, query: ReconciliationQuery): Candidate[] {
  // The query was validated (validate.ts): its text and limit are within limits.ts.
  const text = query.query.trim();
  const limit = query.limit ?? DEFAULT_LIMIT;
  // Properties that can confirm or contradict a candidate, each prepared once for this query.
  const properties = query.properties.flatMap(({ pid, values }) => {
    const definition = propertyById(pid);
    return definition?.matcher && values.length ? [{ definition, matches: definition.matcher(values, catalog) }] : [];
  });

  const scored: Scored[] = [];
  for (const type of requestedTypes(query.types)) {
    // With no text, the properties alone select: every record of the type is a candidate.
    const base = text
      ? [...nameCandidates(catalog, type, text).values()]
      : properties.length
        ? catalog.entries(type).map((entry) => ({ entry, nameScore: 50, fromReconciler: false, unique: false }))
        : [];
    for (const candidate of base) {
      const features: Feature[] = [
        { id: 'name_score', value: candidate.nameScore },
        { id: 'name_unique', value: candidate.unique },
      ];
      let score = candidate.nameScore;
      let contradicted = false;
      let agreed = 0;
      for (const { definition, matches } of properties) {
        if (!definition.types.includes(type)) continue;
        const verdict = matches(candidate.entry);
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
  const confident =
    !!top &&
    top.fromReconciler &&
    !top.contradicted &&
    top.score >= MATCH_THRESHOLD &&
    (!second || top.score - second.score >= MATCH_MARGIN);

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
