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
    out[table] = hashRows(
      rows.map((r) => ({ ...r, ingestedAt: undefined, lastIngestedAt: undefined, codedAt: r.coder === 'RULE' ? undefined : r.codedAt })),
    );
  }
  return out;
}

/** Every table of the database, its rows as they are, hashed — but the change marker, which any write moves. */
export async function everyTable(db: Db, url: string): Promise<Record<string, string>> {
  const names = (
    url.startsWith('file:')
      ? await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      : await db.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`)
  ).map((r) => r.name);
  const out: Record<string, string> = {};
  for (const name of names.filter((n) => n !== 'DataVersion').sort()) {
    out[name] = hashRows(await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}" ORDER BY 1`));
  }
  return out;
}

function hashRows(rows: Record<string, unknown>[]): string {
  const text = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).join('\n');
  return `${rows.length}:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}
