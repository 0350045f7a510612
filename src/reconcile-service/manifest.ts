/** The service manifest: what OpenRefine reads when a user adds the service by its URL. */
import { ENTITY_TYPES } from './catalog.js';
import { MAX_BATCH_QUERIES } from './limits.js';
import { typeRef } from './query.js';

/** Global IDs are derived from natural keys, so every deployment of the read model shares them. */
export const IDENTIFIER_SPACE = 'urn:observer-ledger:global-id';
export const SCHEMA_SPACE = 'urn:observer-ledger:schema';

export function manifest(origin: string) {
  return {
    versions: ['0.2'],
    name: 'Observer Ledger',
    identifierSpace: IDENTIFIER_SPACE,
    schemaSpace: SCHEMA_SPACE,
    documentation: `${origin}/#reconciliation`,
    defaultTypes: ENTITY_TYPES.map(typeRef),
    // The most queries a batch may hold (0.2 spec, "Service Manifest"); larger batches are refused.
    batchSize: MAX_BATCH_QUERIES,
    view: { url: `${origin}/reconcile/preview?id={{id}}` },
    preview: { url: `${origin}/reconcile/preview?id={{id}}`, width: 430, height: 300 },
    suggest: {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the protocol's placeholder is the literal text ${id}
      entity: { service_url: origin, service_path: '/reconcile/suggest/entity', flyout_service_path: '/reconcile/flyout/entity?id=${id}' },
      type: { service_url: origin, service_path: '/reconcile/suggest/type' },
      property: { service_url: origin, service_path: '/reconcile/suggest/property' },
    },
    extend: {
      propose_properties: { service_url: origin, service_path: '/reconcile/propose_properties' },
      property_settings: [
        { name: 'limit', label: 'Limit', type: 'number', default: 0, help_text: 'Most values to fetch per record (0: all of them)' },
      ],
    },
  };
}
