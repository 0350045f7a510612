/**
 * API tokens for writers. A token is 32 random bytes; only its SHA-256 is stored.
 *
 * Why SHA-256 and not a slow password hash (scrypt, argon2): slow hashes protect guessable
 * secrets chosen by people. A 256-bit random token cannot be guessed, so a single fast hash is
 * already infeasible to invert, and it lets a request find its token by a unique index lookup
 * instead of trying a slow hash against every stored token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { TokenRole } from '../generated/prisma/enums.js';
import { stableId } from '../reconcile/ids.js';

export interface Actor {
  name: string;
  role: TokenRole;
}

const PREFIX = 'olt_';
/** Names appear in the audit trail and in error messages: keep them plain. */
export const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export class TokenError extends Error {}

export async function createToken(db: Db, name: string, role: TokenRole): Promise<{ secret: string; name: string; role: TokenRole }> {
  if (!TOKEN_NAME.test(name))
    throw new TokenError(`a token name is 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit (got "${name}")`);
  if (await db.apiToken.findUnique({ where: { name } }))
    throw new TokenError(
      `a token named "${name}" already exists (names stay unique, even after revocation, so the audit trail stays unambiguous)`,
    );
  const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  await db.apiToken.create({ data: { id: stableId('token', name), name, role, tokenHash: hashToken(secret), createdAt: new Date() } });
  return { secret, name, role };
}

export async function revokeToken(db: Db, name: string): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { name, revokedAt: null }, data: { revokedAt: new Date() } });
  return count > 0;
}

export function listTokens(db: Db) {
  return db.apiToken.findMany({
    orderBy: { name: 'asc' },
    select: { name: true, role: true, createdAt: true, revokedAt: true, lastUsedAt: true },
  });
}

export type Authentication = { actor: Actor; problem: null } | { actor: null; problem: string | null };

/** How often lastUsedAt is written: often enough to tell live tokens from dead ones, rarely enough to cost nothing. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The writer behind an `Authorization` header. No header: anonymous, no problem (reads are open).
 * A header that is malformed, unknown or revoked: anonymous, with the reason, which mutations report.
 */
export async function authenticate(db: Db, header: string | null): Promise<Authentication> {
  if (!header) return { actor: null, problem: null };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return { actor: null, problem: 'the Authorization header must be "Bearer <token>"' };
  const secret = match[1];
  if (!secret.startsWith(PREFIX) || secret.length > 100)
    return { actor: null, problem: 'the bearer token is not an Observer Ledger token' };
  const hash = hashToken(secret);
  const token = await db.apiToken.findUnique({ where: { tokenHash: hash } });
  // The index lookup already matched; the constant-time compare keeps that property explicit.
  if (!token || !timingSafeEqual(Buffer.from(token.tokenHash), Buffer.from(hash)))
    return { actor: null, problem: 'the bearer token is unknown' };
  if (token.revokedAt) return { actor: null, problem: `the token "${token.name}" was revoked` };
  const now = Date.now();
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Best effort: a busy database must not turn a valid token away.
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(now) } }).catch(() => undefined);
  }
  return { actor: { name: token.name, role: token.role }, problem: null };
}
