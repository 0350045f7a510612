/**
 * Which roles in a body are a seat in it: what "sat in a parliament" means for a membership.
 * A member, a senator, a head of or plenipotentiary in a delegation sits in the body; a consultant,
 * a secretary, a spokesperson or a student does not. "Former" seats count as seats.
 */
const SEATS = ['member', 'senator', 'deputy', 'head of delegation', 'plenipotentiary representative', 'member of parliament'];

/** Every spelling of a seat role as the sources write them: lower case, capitalised, title case, and "former …". */
export function seatRoleSpellings(): string[] {
  const forms = (role: string) => [role, role[0].toUpperCase() + role.slice(1), role.replace(/\b[a-z]/g, (c) => c.toUpperCase())];
  const all = SEATS.flatMap((role) => [role, `former ${role}`]).flatMap(forms);
  return [...new Set(all)];
}

/** True when a role is a seat in its body. */
export function isSeatRole(role: string): boolean {
  return SEATS.includes(role.toLowerCase().replace(/^former\s+/, ''));
}
