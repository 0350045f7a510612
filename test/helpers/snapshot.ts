import type { Db } from '../../src/db/client.js';
import { createHash } from 'node:crypto';

/** Row counts and a content hash of every table: equal snapshots mean nothing changed. */
export async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = [
    'Source',
    'Claim',
    'Organization',
    'OrganizationName',
    'Area',
    'Person',
    'Alias',
    'Election',
    'ElectionRound',
    'Mission',
    'Membership',
    'Statement',
    'VerdictCoding',
    'Event',
    'EventParticipant',
    'Decision',
    'SourceVersion',
    'StatementText',
    'StatementRevision',
  ];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}" ORDER BY "id"`);
    // Timestamps of the last ingest run are not content.
    const content = rows.map((r) =>
      JSON.stringify(
        { ...r, ingestedAt: undefined, lastIngestedAt: undefined, codedAt: r.coder === 'RULE' ? undefined : r.codedAt },
        (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
      ),
    );
    out[table] = `${rows.length}:${createHash('sha256').update(content.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}
