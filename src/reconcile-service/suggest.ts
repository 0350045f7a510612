/** Suggest services: completions for entities, types and properties as a user types. */
import { fold } from '../reconcile/normalize.js';
import { ENTITY_TYPES, type Catalog, type EntityType, type Entry } from './catalog.js';
import { describeEntry } from './describe.js';
import { resolveGraded } from './match.js';
import { propertiesOf } from './properties.js';
import { typeRef } from './query.js';

export const SUGGEST_PAGE = 10;

export function asType(text: string | null): EntityType | null {
  return ENTITY_TYPES.find((t) => t.toLowerCase() === (text ?? '').toLowerCase()) ?? null;
}

/** How well a typed prefix fits a name: 2 its start, 1 the start of a later word, 0 not at all. */
function prefixFit(prefix: string, name: string): number {
  const folded = fold(name);
  if (folded.startsWith(prefix)) return 2;
  return folded.includes(` ${prefix}`) ? 1 : 0;
}

export function suggestEntities(catalog: Catalog, prefixText: string, typeText: string | null, cursor: number) {
  const prefix = fold(prefixText);
  if (!prefix) return { result: [] };
  const only = asType(typeText);
  const types = only ? [only] : [...ENTITY_TYPES];
  const ranked: { entry: Entry; rank: number }[] = [];
  for (const type of types) {
    // What the reconciler resolves the text to comes first ("ODIHR" → the OSCE Office…).
    const resolved = new Set(resolveGraded(catalog, type, prefixText).map((m) => m.dbId));
    for (const entry of catalog.entries(type)) {
      const fit = Math.max(...entry.names.map((n) => prefixFit(prefix, n) + (n === entry.name ? 0.5 : 0)));
      const rank = resolved.has(entry.dbId) ? 10 : fit >= 1 ? fit : 0;
      if (rank > 0) ranked.push({ entry, rank });
    }
  }
  ranked.sort((a, b) => b.rank - a.rank || a.entry.name.length - b.entry.name.length || a.entry.name.localeCompare(b.entry.name));
  return {
    result: ranked.slice(cursor, cursor + SUGGEST_PAGE).map(({ entry }) => ({
      id: entry.id,
      name: entry.name,
      description: describeEntry(entry, catalog),
      notable: [typeRef(entry.type)],
    })),
  };
}

export function suggestTypes(prefixText: string) {
  const prefix = fold(prefixText);
  return {
    result: ENTITY_TYPES.filter((t) => fold(t).startsWith(prefix)).map((t) => ({ ...typeRef(t), description: TYPE_DESCRIPTIONS[t] })),
  };
}

export function suggestProperties(prefixText: string, typeText: string | null) {
  const prefix = fold(prefixText);
  return {
    result: propertiesOf(asType(typeText))
      .filter((p) => prefixFit(prefix, p.name) > 0 || fold(p.id).startsWith(prefix))
      .map((p) => ({ id: p.id, name: p.name, description: p.description })),
  };
}

export const TYPE_DESCRIPTIONS: Record<EntityType, string> = {
  Organization: 'A monitoring body, assembly, commission, mission or other organization',
  Person: 'A mission member, official or speaker',
  Area: 'A country, de-facto state, region or city',
};
