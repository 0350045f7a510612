/**
 * Key functions for the name indexes of areas, organizations and persons.
 */
import { newStemmer } from 'snowball-stemmers';
import { contentWords, fold, normalizeName, phoneticKey } from './normalize.js';
import type { KeyFunction } from './name-index.js';

const english = newStemmer('english');

/**
 * A word's stem, so that derived forms of one word match: "observers'", "observer" and
 * "observation" are "observ", "monitoring" and "monitor" are "monitor". British -ise spellings
 * are taken as -ize first ("organisation" = "organization").
 */
export function stem(word: string): string {
  return english.stem(word.length > 6 ? word.replace(/is(ation|ations|e|ed|es|ing)$/, 'iz$1') : word);
}

/** The phonetic keys of a name: as written, and with kh read as k (Kazakhstan/Kazakstan) beside kh as h (Mikhail/Mihail). */
function phoneticKeys(name: string): string[] {
  return [...new Set([phoneticKey(name), phoneticKey(name.replace(/kh/gi, 'k'))])];
}

/** Words that describe a country's legal form, not its identity ("Republic of Kyrgyzstan"). */
const AREA_DESIGNATORS = new Set(['republic', 'federation', 'state', 'states', 'kingdom', 'federal', 'democratic']);

export const areaKeys: KeyFunction = (name) => {
  const words = contentWords(name);
  const core = words.filter((w) => !AREA_DESIGNATORS.has(w));
  return {
    exact: [normalizeName(name)],
    tokens: core.length && core.length < words.length ? [core.join(' ')] : [],
    phonetic: [...new Set([...phoneticKeys(name), ...phoneticKeys(core.join(' '))])],
  };
};

/** A person's name in any order ("Kochetkov Aleksey", "Aleksey Kochetkov"), and its romanisation variants. */
export const personKeys: KeyFunction = (name) => {
  const sorted = [...contentWords(name)].sort().join(' ');
  return {
    exact: [normalizeName(name)],
    tokens: sorted ? [sorted] : [],
    phonetic: [...new Set([...phoneticKeys(name), ...phoneticKeys(sorted)])],
  };
};

/** A word as it stands in the original text, so that capitalisation can be read. */
interface Word {
  text: string;
  /** Written in capitals (CIS, OSCE, PA): an acronym, kept whole in keys. */
  isAcronym: boolean;
  /** Initials it contributes to an acronym: "Inter-Parliamentary" gives "ip". */
  initials: string;
  /** The folded parts of a hyphenated word ("inter", "parliamentary"). */
  parts: string[];
}

const STOP = new Set(['the', 'of', 'and', 'for', 'in', 'on', 'to', 'a', 'an', 'at']);

function words(name: string): Word[] {
  const raw = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s/,;:–—]+|\s-\s/)
    .filter(Boolean);
  const out: Word[] = [];
  for (const token of raw) {
    const folded = fold(token);
    if (!folded || STOP.has(folded)) continue;
    const letters = token.replace(/[^\p{L}]/gu, '');
    const isAcronym = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    const parts = token.split('-').filter(Boolean);
    const initials = parts.length > 1 && parts.every((p) => /^\p{Lu}/u.test(p)) ? parts.map((p) => fold(p)[0] ?? '').join('') : folded[0];
    out.push({ text: folded.replace(/ /g, ''), isAcronym, initials, parts: folded.split(' ') });
  }
  return out;
}

export interface OrganizationKeyContext {
  /** Full names of bodies known by an acronym (folded name → acronym), e.g. "commonwealth independent states" → "cis". */
  acronyms: Map<string, string>;
  /** Finds an area named by a run of words; returns a token for it ("@ru") or null. */
  areaToken: (phrase: string) => string | null;
}

/** Replaces the longest runs of words that name a known body or area by a single token. */
function substitute(list: Word[], ctx: OrganizationKeyContext): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < list.length; ) {
    let replaced = false;
    for (let j = Math.min(list.length, i + 6); j > i; j--) {
      const phrase = list
        .slice(i, j)
        .map((w) => w.text)
        .join(' ');
      const acr = j - i > 1 ? ctx.acronyms.get(phrase) : undefined;
      const area = acr ? null : list[i].isAcronym && j - i === 1 ? null : ctx.areaToken(phrase);
      const token = acr ?? area;
      if (token) {
        out.push({ text: token, isAcronym: true, initials: token[0], parts: [token] });
        i = j;
        replaced = true;
        break;
      }
    }
    if (!replaced) out.push(list[i++]);
  }
  return out;
}

/** Lookup keys: as the index keys, with acronym keys sought on the other side (A against W). */
export function organizationLookupKeys(ctx: OrganizationKeyContext): KeyFunction {
  const index = organizationKeys(ctx);
  return (name) => {
    const keys = index(name);
    return { ...keys, acronym: (keys.acronym ?? []).map((k) => (k.startsWith('A:') ? `W:${k.slice(2)}` : `A:${k.slice(2)}`)) };
  };
}

export function organizationKeys(ctx: OrganizationKeyContext): KeyFunction {
  return (name) => {
    const parenthetical = [...name.matchAll(/\(([^)]*)\)/g)].map((m) => normalizeName(m[1]));
    const list = substitute(words(name), ctx);
    const plain = list.map((w) => w.text);
    const kept = list
      .filter((w) => w.isAcronym)
      .map((w) => w.text)
      .sort();
    const rest = list.filter((w) => !w.isAcronym);
    const initials = rest.map((w) => w.initials).join('');
    // Initials only count as evidence against a name written as an acronym: "CEC of Russia"
    // matches "Central Election Commission of the Russian Federation", but two spelled-out
    // names with the same initials ("National Assembly", "Nobody At All") do not match.
    // Keys say which side they come from: A (written as acronyms) or W (spelled out).
    const flavour = rest.length ? 'W' : 'A';
    const acronymKeys = [`${flavour}:${[...(initials ? [initials] : []), ...kept].sort().join(' ')}`];
    if (initials.length >= 2) acronymKeys.push(`${flavour}:${initials}`);
    return {
      exact: [normalizeName(name.replace(/\([^)]*\)/g, ' ')), ...parenthetical],
      // The same words in any order ("Assembly of the X" = "X Assembly"), and in any of their forms ("observers' mission" = "observation mission").
      tokens: [
        [...new Set(plain)].sort().join(' '),
        [...new Set(list.flatMap((w) => w.parts))].sort().join(' '),
        [...new Set(list.flatMap((w) => (w.isAcronym ? [w.text] : w.parts.map(stem))))].sort().join(' '),
      ],
      acronym: acronymKeys.filter(Boolean),
      phonetic: phoneticKeys(name),
    };
  };
}
