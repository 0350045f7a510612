import { createHash, hash } from 'node:crypto';

/**
 * Deterministic ids: the same natural key always yields the same id, so re-ingesting
 * the sources rewrites rows in place and global IDs handed to clients stay valid.
 */
export function stableId(kind: string, ...parts: (string | number | null | undefined)[]): string {
  let key = kind;
  for (const p of parts) key += `\u241f${p ?? ''}`;
  // The one-shot hash: an ingest derives several ids per row, and a Hash object costs more than the digest.
  return `${kind}_${hash('sha256', key, 'hex').slice(0, 20)}`;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
