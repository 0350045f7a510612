import { createHash } from 'node:crypto';

/**
 * Deterministic ids: the same natural key always yields the same id, so re-ingesting
 * the sources rewrites rows in place and global IDs handed to clients stay valid.
 */
export function stableId(kind: string, ...parts: (string | number | null | undefined)[]): string {
  const digest = createHash('sha256')
    .update([kind, ...parts.map((p) => p ?? '')].join('\u241f'))
    .digest('hex');
  return `${kind}_${digest.slice(0, 20)}`;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
