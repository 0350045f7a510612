/** The controlled vocabularies of statements and elections, with the spellings sources use. */
import type { ElectionType, RoundKind, StatementKind } from '../generated/prisma/enums.js';

const ELECTION_TYPES: [RegExp, ElectionType][] = [
  [/^(president(ial)?)( elections?)?$/, 'PRESIDENTIAL'],
  [/^(parliament(ary)?|legislative|general|duma|state duma)( elections?)?$/, 'PARLIAMENTARY'],
  [/^referend(um|a)( on .*)?$/, 'REFERENDUM'],
  [/^(mayor(al)?)( elections?)?$/, 'MAYORAL'],
  [/^(municipal|local)( elections?)?$/, 'MUNICIPAL'],
  [/^(regional)( elections?)?$/, 'REGIONAL'],
];

/** "Parliament elections", "parliamentary", "Referendum on independence" → the type. */
export function parseElectionType(text: string): ElectionType | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return ELECTION_TYPES.find(([re]) => re.test(t))?.[1] ?? null;
}

export function parseRound(text: string): RoundKind | null {
  const t = text.trim().toLowerCase();
  if (t === '1' || t === 'first') return 'FIRST';
  if (t === '2' || t === 'second' || t === 'runoff' || t === 'run-off') return 'SECOND';
  if (t === 'rerun' || t === 'repeat' || t === 're-run') return 'RERUN';
  return null;
}

export function parseStatementKind(text: string): StatementKind | null {
  const t = text.trim().toUpperCase();
  return (['PRELIMINARY', 'FINAL', 'PRESS', 'INTERVIEW', 'DECLINED'] as const).find((k) => k === t) ?? null;
}

export function parseBoolean(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(t)) return true;
  if (['false', 'no', '0', ''].includes(t)) return false;
  return null;
}
