/**
 * Withdrawals from the command line, audited like every curation change (actor "cli:<user>").
 *   npm run withdraw -- statement <id> [--note TEXT]     take a statement out of every figure
 *   npm run withdraw -- source <key or id> [--note TEXT] take a whole source out
 *   add --restore to bring either back
 * Ids may be global IDs (as GraphQL shows them) or database ids.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { databaseUrl } from '../src/db/config.js';
import { createDb } from '../src/db/client.js';
import { migrate } from '../src/db/setup.js';
import { CurationError } from '../src/curation/errors.js';
import { restoreSource, restoreStatement, withdrawSource, withdrawStatement } from '../src/curation/withdrawals.js';
import { CURATION_TRANSACTION } from '../src/curation/merge.js';

const USAGE = 'usage: npm run withdraw -- statement <id> | source <key or id> [--note TEXT] [--restore]';

/** A database id from a global ID of the expected type, or the text as given. */
function databaseId(text: string, type: string): string {
  try {
    const decoded = decodeGlobalID(text);
    if (decoded.typename === type) return decoded.id;
  } catch {
    // not a global ID: a database id or a key
  }
  return text;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { note: { type: 'string' }, restore: { type: 'boolean', default: false } },
  });
  const [what, target] = positionals;
  if ((what !== 'statement' && what !== 'source') || !target || positionals.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const url = databaseUrl();
  await migrate(url);
  const db = createDb({ url });
  const actor = `cli:${os.userInfo().username}`;
  const note = values.note ?? null;
  try {
    if (what === 'statement') {
      const id = databaseId(target, 'Statement');
      const s = await db.$transaction(
        (tx) => (values.restore ? restoreStatement(tx, actor, id, note) : withdrawStatement(tx, actor, id, note)),
        CURATION_TRANSACTION,
      );
      console.log(`statement ${s.id}: ${s.withdrawnAt ? `withdrawn since ${s.withdrawnAt.toISOString()}` : 'in force'}`);
    } else {
      const byKey = await db.source.findUnique({ where: { key: target }, select: { id: true } });
      const id = byKey?.id ?? databaseId(target, 'Source');
      const s = await db.$transaction(
        (tx) => (values.restore ? restoreSource(tx, actor, id, note) : withdrawSource(tx, actor, id, note)),
        CURATION_TRANSACTION,
      );
      console.log(`source "${s.key}": ${s.withdrawnAt ? `withdrawn since ${s.withdrawnAt.toISOString()}` : 'in force'}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof CurationError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
