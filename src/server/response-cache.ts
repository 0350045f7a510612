/**
 * Anonymous reads are answered from a cache keyed by the data version (graphql-yoga's
 * response-cache plugin, with a cache of our own behind it). A key is "<data version>:<hash of
 * the request>", where the data version is the one the read cache sees (ReadCache.dataVersion:
 * the database's change marker, moved by any write of any process), so an ingest or a curation
 * change makes every older entry unreachable: the next read after a change computes afresh.
 * Requests with a token are never cached. The plugin sends the key as the ETag; a client sending
 * it back (If-None-Match) gets 304 only while the data is still at that version. GET answers say
 * `Cache-Control: no-cache` (keep it, but ask again each time).
 */
import { hashSHA256, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { DatabaseSource } from '../http/database-source.js';

/** Entries kept, least recently used dropped first: bounds the memory the cache can take. */
const MAX_ENTRIES = 2_000;

const anonymous = (request: Request) => !request.headers.get('authorization');

/** Entries under keys that carry their data version; an entry of another version than the current one is gone. */
class VersionedCache implements Cache {
  private readonly entries = new Map<string, ExecutionResult>();
  /** Keys this process built for requests in flight: their version was read just now. */
  private readonly justBuilt = new Set<string>();

  constructor(private readonly currentVersion: () => Promise<string>) {}

  async key(request: string): Promise<string> {
    const key = `${await this.currentVersion()}:${request}`;
    // Each key built is looked up at once (get), which forgets it; the bound is for requests that fail before.
    if (this.justBuilt.size > MAX_ENTRIES) this.justBuilt.clear();
    this.justBuilt.add(key);
    return key;
  }

  async get(key: string): Promise<ExecutionResult | undefined> {
    const entry = this.entries.get(key);
    const fresh = this.justBuilt.delete(key);
    if (!entry) return undefined;
    // A key a client sends back (If-None-Match) may be of an older version than the data now.
    if (!fresh && !key.startsWith(`${await this.currentVersion()}:`)) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, result: ExecutionResult): void {
    this.justBuilt.delete(key);
    this.entries.set(key, result);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  invalidate(): void {
    // Entries are keyed by version: a change makes them unreachable, nothing is invalidated by entity.
  }
}

export function responseCache(source: DatabaseSource): Plugin[] {
  const cache = new VersionedCache(() => source.acquire().cache.dataVersion());
  return [
    useResponseCache({
      cache,
      session: () => null,
      enabled: (request) => anonymous(request),
      invalidateViaMutation: false,
      // A writer's request is never looked up: it needs no key (nor the version read).
      buildResponseCacheKey: async ({ documentString, variableValues, operationName, request }) =>
        anonymous(request)
          ? cache.key(await hashSHA256(JSON.stringify([operationName ?? null, documentString, variableValues ?? null])))
          : 'private',
    }),
    {
      onResponse({ request, response }) {
        if (request.method === 'GET' && anonymous(request) && response.status < 400) response.headers.set('Cache-Control', 'no-cache');
      },
    },
  ];
}
