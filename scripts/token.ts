/**
 * API tokens for writers (readers need none).
 *   npm run token -- create <name> --role editor|admin   prints the secret once; only its hash is stored
 *   npm run token -- list                                names, roles, creation, last use, revocation
 *   npm run token -- revoke <name>                       the token stops working at once
 */
import { databaseUrl } from '../src/db/config.js';
import { createDb } from '../src/db/client.js';
import { migrate } from '../src/db/setup.js';
import { createToken, listTokens, revokeToken, TokenError } from '../src/curation/tokens.js';

const USAGE = 'usage: npm run token -- create <name> --role editor|admin | list | revoke <name>';

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const url = databaseUrl();
  await migrate(url);
  const db = createDb({ url });
  try {
    if (command === 'create') {
      const name = rest.find((a, i) => !a.startsWith('--') && rest[i - 1] !== '--role');
      const r = rest.indexOf('--role');
      const role = (r >= 0 ? rest[r + 1] : undefined)?.toUpperCase();
      if (!name || (role !== 'EDITOR' && role !== 'ADMIN')) throw new TokenError(USAGE);
      const token = await createToken(db, name, role);
      console.log(
        `created ${token.role.toLowerCase()} token "${token.name}". Keep the secret now: it is not stored and is shown only once.\n${token.secret}`,
      );
      return 0;
    }
    if (command === 'list') {
      const tokens = await listTokens(db);
      if (!tokens.length) console.log('no tokens');
      for (const t of tokens) {
        const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active';
        console.log(
          `${t.name}\t${t.role.toLowerCase()}\t${state}\tcreated ${t.createdAt.toISOString()}\tlast used ${t.lastUsedAt?.toISOString() ?? 'never'}`,
        );
      }
      return 0;
    }
    if (command === 'revoke' && rest[0]) {
      if (!(await revokeToken(db, rest[0]))) throw new TokenError(`no active token named "${rest[0]}"`);
      console.log(`revoked "${rest[0]}"`);
      return 0;
    }
    throw new TokenError(USAGE);
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
