/**
 * Every field of every request shape, checked where it is read: a typed value comes back, or a
 * BadRequest (400) names the field and what is wrong with it, e.g.
 * `q3.properties[1].v must be a string, number, boolean or {"id": …}, or a list of them`.
 * Limits (limits.ts) are checked here too, with the limit and the value in the message.
 */
import {
  MAX_BATCH_PROPERTY_VALUES,
  MAX_BATCH_QUERIES,
  MAX_CALLBACK_LENGTH,
  MAX_EXTEND_IDS,
  MAX_EXTEND_PROPERTIES,
  MAX_ID_LENGTH,
  MAX_LIMIT,
  MAX_PREFIX_LENGTH,
  MAX_PROPERTIES_PER_QUERY,
  MAX_PROPERTY_VALUE_LENGTH,
  MAX_PROPERTY_VALUES,
  MAX_QUERY_LENGTH,
  MAX_TYPES_PER_QUERY,
} from './limits.js';
import type { PropertyValue } from './properties.js';

/** The client's mistake: answered 400 with the message. */
export class BadRequest extends Error {}

/** A body over MAX_BODY_BYTES: answered 413. */
export class PayloadTooLarge extends Error {}

/** A reconciliation query as the matcher takes it: every field present and of its type. */
export interface ReconciliationQuery {
  query: string;
  /** Type ids asked for; empty: every type. */
  types: string[];
  /** Candidates wanted; null: the default. */
  limit: number | null;
  properties: { pid: string; values: PropertyValue[] }[];
}

export interface ExtensionQuery {
  ids: string[];
  properties: { id: string; limit: number }[];
}

const TYPE_STRICT = ['any', 'should', 'all'];
const PROPERTY_VALUE = 'a string, number, boolean or {"id": …}, or a list of them';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key as it may appear in a message: client keys can be long. */
function label(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest(`${what} is not valid JSON`);
  }
}

/** A string of at most `max` characters. */
function string(value: unknown, where: string, max: number): string {
  if (value === undefined) throw new BadRequest(`${where} is missing`);
  if (typeof value !== 'string') throw new BadRequest(`${where} must be a string, not ${kindOf(value)}`);
  if (value.length > max) throw new BadRequest(`${where} is ${value.length} characters long; the limit is ${max}`);
  return value;
}

function list(value: unknown, where: string, max: number, what: string): unknown[] {
  if (value === undefined) throw new BadRequest(`${where} is missing`);
  if (!Array.isArray(value)) throw new BadRequest(`${where} must be a list, not ${kindOf(value)}`);
  if (value.length > max) throw new BadRequest(`${where} has ${value.length} ${what}; the limit is ${max}`);
  return value;
}

/** One value of a property: `field` names the property's `v` in messages, `item` the value itself. */
function propertyValue(value: unknown, field: string, item: string): PropertyValue {
  if (typeof value === 'string') return string(value, item, MAX_PROPERTY_VALUE_LENGTH);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (isObject(value) && typeof value.id === 'string' && (value.name === undefined || typeof value.name === 'string')) {
    const id = string(value.id, `${item}.id`, MAX_ID_LENGTH);
    return value.name === undefined ? { id } : { id, name: string(value.name, `${item}.name`, MAX_PROPERTY_VALUE_LENGTH) };
  }
  throw new BadRequest(`${field} must be ${PROPERTY_VALUE}`);
}

function property(value: unknown, where: string): ReconciliationQuery['properties'][number] {
  if (!isObject(value)) throw new BadRequest(`${where} must be an object with "pid" and "v", not ${kindOf(value)}`);
  const pid = string(value.pid, `${where}.pid`, MAX_ID_LENGTH);
  const field = `${where}.v`;
  if (value.v === undefined) throw new BadRequest(`${field} is missing`);
  const values = Array.isArray(value.v)
    ? list(value.v, field, MAX_PROPERTY_VALUES, 'values').map((v, i) => propertyValue(v, field, `${field}[${i}]`))
    : [propertyValue(value.v, field, field)];
  return { pid, values: values.filter((v) => v !== '') };
}

/** One reconciliation query object; `where` names it in messages ("q3", "query"). */
export function reconciliationQuery(value: unknown, where: string): ReconciliationQuery {
  if (!isObject(value)) throw new BadRequest(`${where} must be an object, not ${kindOf(value)}`);
  const query = value.query === undefined ? '' : string(value.query, `${where}.query`, MAX_QUERY_LENGTH);
  let types: string[] = [];
  if (typeof value.type === 'string') types = [string(value.type, `${where}.type`, MAX_ID_LENGTH)];
  else if (Array.isArray(value.type)) {
    types = list(value.type, `${where}.type`, MAX_TYPES_PER_QUERY, 'types').map((t, i) => string(t, `${where}.type[${i}]`, MAX_ID_LENGTH));
  } else if (value.type !== undefined && value.type !== null)
    throw new BadRequest(`${where}.type must be a type id or a list of them, not ${kindOf(value.type)}`);
  let limit: number | null = null;
  if (value.limit !== undefined && value.limit !== null) {
    if (typeof value.limit !== 'number' || !Number.isFinite(value.limit) || value.limit < 0) {
      throw new BadRequest(`${where}.limit must be a non-negative number`);
    }
    if (value.limit > MAX_LIMIT) throw new BadRequest(`${where}.limit is ${value.limit}; the limit is ${MAX_LIMIT}`);
    limit = Math.floor(value.limit) || null;
  }
  if (value.type_strict !== undefined && value.type_strict !== null && !TYPE_STRICT.includes(value.type_strict as string)) {
    throw new BadRequest(`${where}.type_strict must be one of ${TYPE_STRICT.join(', ')}`);
  }
  const properties =
    value.properties === undefined || value.properties === null
      ? []
      : list(value.properties, `${where}.properties`, MAX_PROPERTIES_PER_QUERY, 'properties').map((p, i) =>
          property(p, `${where}.properties[${i}]`),
        );
  return { query, types, limit, properties };
}

/** The `queries` parameter: a JSON object of named queries, at most MAX_BATCH_QUERIES of them. */
export function queryBatch(text: string): [string, ReconciliationQuery][] {
  const batch = parseJson(text, 'queries');
  if (!isObject(batch)) throw new BadRequest(`queries must be an object of named queries, not ${kindOf(batch)}`);
  const entries = Object.entries(batch);
  if (entries.length > MAX_BATCH_QUERIES) {
    throw new BadRequest(`queries has ${entries.length} queries; the limit is ${MAX_BATCH_QUERIES} per batch (the manifest's batchSize)`);
  }
  const queries = entries.map(([key, q]): [string, ReconciliationQuery] => [key, reconciliationQuery(q, label(key))]);
  const values = queries.reduce((n, [, q]) => n + q.properties.reduce((m, p) => m + p.values.length, 0), 0);
  if (values > MAX_BATCH_PROPERTY_VALUES)
    throw new BadRequest(`queries has ${values} property values in all; the limit is ${MAX_BATCH_PROPERTY_VALUES} per batch`);
  return queries;
}

/** The `query` parameter of older clients: a bare name, or one query object. */
export function singleQuery(text: string): ReconciliationQuery {
  if (text.trim().startsWith('{')) return reconciliationQuery(parseJson(text, 'query'), 'query');
  return { query: string(text, 'query', MAX_QUERY_LENGTH), types: [], limit: null, properties: [] };
}

function extensionLimit(value: unknown, where: string): number {
  if (value === undefined || value === null || value === '') return 0;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0) throw new BadRequest(`${where} must be a whole number (0: all values)`);
  return n;
}

/** The `extend` parameter: `{"ids": [...], "properties": [{"id": ..., "settings": {...}}]}`. */
export function extensionQuery(text: string): ExtensionQuery {
  const query = parseJson(text, 'extend');
  if (!isObject(query)) throw new BadRequest(`extend must be an object with "ids" and "properties", not ${kindOf(query)}`);
  if (query.ids === undefined || query.properties === undefined) throw new BadRequest('extend needs "ids" and "properties" lists');
  const ids = list(query.ids, 'extend.ids', MAX_EXTEND_IDS, 'ids').map((id, i) => string(id, `extend.ids[${i}]`, MAX_ID_LENGTH));
  const properties = list(query.properties, 'extend.properties', MAX_EXTEND_PROPERTIES, 'properties').map((p, i) => {
    const where = `extend.properties[${i}]`;
    if (!isObject(p)) throw new BadRequest(`${where} must be an object with an "id", not ${kindOf(p)}`);
    const id = string(p.id, `${where}.id`, MAX_ID_LENGTH);
    if (p.settings === undefined || p.settings === null) return { id, limit: 0 };
    if (!isObject(p.settings)) throw new BadRequest(`${where}.settings must be an object, not ${kindOf(p.settings)}`);
    return { id, limit: extensionLimit(p.settings.limit, `${where}.settings.limit`) };
  });
  return { ids, properties };
}

// ── query-string and form parameters ──

export function textParam(params: URLSearchParams, name: string, max: number): string {
  return string(params.get(name) ?? '', name, max);
}

export const prefixParam = (params: URLSearchParams) => textParam(params, 'prefix', MAX_PREFIX_LENGTH);
export const idParam = (params: URLSearchParams) => textParam(params, 'id', MAX_ID_LENGTH);
export const typeParam = (params: URLSearchParams) => (params.has('type') ? textParam(params, 'type', MAX_ID_LENGTH) : null);

/** A whole number parameter: absent or empty is 0. */
export function countParam(params: URLSearchParams, name: string, max: number): number {
  const raw = (params.get(name) ?? '').trim();
  if (!raw) return 0;
  if (!/^\d{1,9}$/.test(raw)) throw new BadRequest(`${name} must be a whole number`);
  const n = Number(raw);
  if (n > max) throw new BadRequest(`${name} is ${n}; the limit is ${max}`);
  return n;
}

export const limitParam = (params: URLSearchParams) => countParam(params, 'limit', MAX_LIMIT);
export const cursorParam = (params: URLSearchParams) => countParam(params, 'cursor', Number.MAX_SAFE_INTEGER);

const JSONP_CALLBACK = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** The JSONP callback, when one is asked for: a dotted JavaScript name, never code. */
export function callbackParam(params: URLSearchParams): string | null {
  const callback = params.get('callback');
  if (!callback) return null;
  if (callback.length > MAX_CALLBACK_LENGTH)
    throw new BadRequest(`callback is ${callback.length} characters long; the limit is ${MAX_CALLBACK_LENGTH}`);
  if (!JSONP_CALLBACK.test(callback)) throw new BadRequest('callback must be a JavaScript name such as jsonp123 or my.handler');
  return callback;
}
