/** Turning names in arguments (any spelling, alias or ISO code) into ids. */
import type { Context } from './builder.js';
import { userError } from './errors.js';

export async function organizationIdByName(ctx: Context, name: string): Promise<string> {
  const reconciler = await ctx.cache.getReconciler();
  const found = reconciler.resolveOrganization(name);
  if (found.kind === 'match') return found.match.id;
  if (found.kind === 'ambiguous') {
    throw userError(`organization "${name}" is ambiguous: ${found.candidates.map((c) => `"${c.matched}"`).join(' or ')}`, 'AMBIGUOUS_NAME');
  }
  throw userError(`no organization is known as "${name}"`, 'NOT_FOUND');
}

export async function areaIdByName(ctx: Context, name: string): Promise<string> {
  const reconciler = await ctx.cache.getReconciler();
  let found: ReturnType<typeof reconciler.resolveArea>;
  try {
    found = reconciler.resolveArea(name);
  } catch (error) {
    throw userError((error as Error).message, 'AMBIGUOUS_NAME');
  }
  if (!found) throw userError(`no area is known as "${name}"`, 'NOT_FOUND');
  return found.id;
}

export async function personIdByName(ctx: Context, name: string): Promise<string> {
  const reconciler = await ctx.cache.getReconciler();
  const found = reconciler.resolvePerson(name);
  if (found.kind === 'match') return found.match.id;
  if (found.kind === 'ambiguous') throw userError(`person "${name}" is ambiguous`, 'AMBIGUOUS_NAME');
  throw userError(`no person is known as "${name}"`, 'NOT_FOUND');
}
