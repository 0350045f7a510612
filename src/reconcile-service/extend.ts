/** Data extension: property values of reconciled records, as new columns. */
import type { Catalog, EntityType } from './catalog.js';
import { propertiesOf, propertyById, type Cell } from './properties.js';
import { typeRef } from './query.js';
import type { ExtensionQuery } from './validate.js';

export function extend(catalog: Catalog, query: ExtensionQuery) {
  const meta = query.properties.map((p) => {
    const definition = propertyById(p.id);
    return { id: p.id, name: definition?.name ?? p.id, ...(definition?.valueType ? { type: typeRef(definition.valueType) } : {}) };
  });
  const rows: Record<string, Record<string, Cell[]>> = {};
  for (const id of query.ids) {
    const entry = catalog.get(id);
    const row: Record<string, Cell[]> = {};
    for (const p of query.properties) {
      const definition = propertyById(p.id);
      const values = entry && definition?.types.includes(entry.type) ? definition.values(entry, catalog) : [];
      row[p.id] = p.limit > 0 ? values.slice(0, p.limit) : values;
    }
    rows[id] = row;
  }
  return { meta, rows };
}

export function proposeProperties(type: EntityType, limit: number) {
  const properties = propertiesOf(type).map((p) => ({ id: p.id, name: p.name, description: p.description }));
  return { type, properties: limit > 0 ? properties.slice(0, limit) : properties, ...(limit > 0 ? { limit } : {}) };
}
