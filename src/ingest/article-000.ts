/**
 * The CIS-EMO encyclopedia article (source 000): its list of observed elections, the EU
 * members of its missions, its activities, and the facts of its lead paragraph.
 * The parser follows the article's structure: "== Section ==" headings and "- " items.
 * Every claim is checked against the article's lines before it is queued (see
 * withClaimsChecked): its excerpt and any name it claims stand at its locator.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ElectionType, EventKind } from '../generated/prisma/enums.js';
import { parseIsoPartial, parseProseDate } from '../reconcile/dates.js';
import { parseElectionType } from './vocabulary.js';
import type { Provenance, Store } from './store.js';
import { bundledSources, readSource, type SourceSpec } from './sources.js';
import { fold, slug } from '../reconcile/normalize.js';
import { projectRoot } from '../db/config.js';
import { withClaimsChecked } from './annotations.js';
import { parseMemberLabel } from './member-label.js';
import { loadReferenceOrganizations, type ReferenceOrganization } from '../reconcile/reference.js';
import { stableId } from '../reconcile/ids.js';

/**
 * What an election title in a source refers to, when its words alone would file it wrongly
 * (data/reference/election-titles.json): "Elections to Moscow City Hall, Russia, 2009" was the
 * vote for the Moscow City Duma. The source's words stay the claims' excerpt; the read model
 * stores what they refer to, with the reason as a claim of the reference table.
 */
export interface ElectionTitle {
  key: string;
  /** Source key ("corpus/000") whose item this is. */
  source: string;
  /** The item as the source writes it. */
  title: string;
  /** The area it refers to, as a name that stands in the title. */
  area: string;
  type: ElectionType;
  /** Polling day, when the reference knows it (ISO). */
  date?: string;
  /** The body elected. */
  body?: string;
  description: string;
  reason: string;
}

export const electionTitlesSource = {
  key: 'reference/election-titles',
  title: 'Election titles: what a source title refers to, and why',
  kind: 'DATASET',
  path: 'data/reference/election-titles.json',
} satisfies SourceSpec;

export function loadElectionTitles(): ElectionTitle[] {
  const file = path.join(projectRoot, electionTitlesSource.path);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { titles: ElectionTitle[] }).titles;
}

interface Line {
  number: number;
  text: string;
}

/** Items ("- ...") of each "== heading ==" section. */
function sections(text: string): Map<string, Line[]> {
  const out = new Map<string, Line[]>();
  let current = '';
  text.split('\n').forEach((raw, i) => {
    const heading = /^==\s*(.+?)\s*==\s*$/.exec(raw.trim());
    if (heading) {
      current = heading[1];
      out.set(current, []);
    } else if (raw.startsWith('- ') && current) {
      out.get(current)!.push({ number: i + 1, text: raw.slice(2).trim() });
    }
  });
  return out;
}

export interface ParsedElectionItem {
  type: ElectionType;
  /** The place to look up: "Kishinev, Moldova". */
  place: string;
  /** The place's words as the line writes them, when they differ from `place` ("Moscow" of "Moscow City Hall, Russia"). */
  written?: string;
  year: number;
}

/** "Parliament elections in the Republic of Kazakhstan, 2004", "Elections to Moscow City Hall, Russia, 2009". */
export function parseElectionItem(text: string): ParsedElectionItem | null {
  const m = /^(.*?),\s*(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[2]);
  const body = m[1];
  const to = /^Elections to (.+?) City Hall,\s*(.+)$/i.exec(body);
  if (to) return { type: 'MAYORAL', place: `${to[1]}, ${to[2]}`, written: to[1], year };
  const inMatch = /^(.+?)\s+in\s+(?:the\s+)?(.+)$/i.exec(body);
  if (!inMatch) return null;
  const type = parseElectionType(inMatch[1]);
  if (!type) return null;
  return { type, place: inMatch[2], year };
}

const EVENT_KINDS: [RegExp, EventKind][] = [
  [/round table/i, 'ROUND_TABLE'],
  [/school/i, 'SCHOOL'],
  [/forum/i, 'FORUM'],
  [/meeting/i, 'MEETING'],
  [/conference/i, 'CONFERENCE'],
];

export interface ParsedActivity {
  name: string;
  kind: EventKind;
  date: string | null;
  place: string | null;
  /** Where in the place it was held ("European Parliament"), from "in the …" outside the quoted title. */
  venue: string | null;
  /** Other comma-separated parts: a host body ("EUP", "OSCE", "RIA Novosti"). */
  hosts: string[];
}

/**
 * The venue an activity's name gives: "in the X" / "at the X" in the words outside its quoted
 * title ("Round table in the European Parliament ‘Controlled Democracy in Russia?’" → "European
 * Parliament"). Words inside the title ("‘Dynamics in the developing of …’") are never a venue.
 */
export function venueOf(name: string): string | null {
  const outside = name
    .replace(/‘[^’]*’?/g, ' ')
    .replace(/“[^”]*”?/g, ' ')
    .replace(/"[^"]*"?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return /\b(?:in|at) the (.+)$/i.exec(outside)?.[1].trim() || null;
}

/** "Round table ‘Controlled Democracy in Russia?’, March 2009, Brussels;" */
export function parseActivity(text: string): ParsedActivity {
  const clean = text
    .replace(/<[^>]*>/g, '')
    .replace(/[;.]\s*$/, '')
    .trim();
  // Split on commas outside ‘quoted titles’.
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of clean) {
    if (ch === '‘') depth++;
    if (ch === '’') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  parts.push(cur.trim());
  const name = parts.shift()!.replace(/‘\s*/g, '‘').replace(/\s*’/g, '’');
  let date: string | null = null;
  let place: string | null = null;
  const hosts: string[] = [];
  // Dates may be written "September, 2010": rejoin a month with the year after it.
  for (let i = 0; i < parts.length; i++) {
    const joined = i + 1 < parts.length ? parseProseDate(`${parts[i]} ${parts[i + 1]}`) : null;
    const single = parseProseDate(parts[i]);
    if (joined && !single) {
      date = joined.iso;
      i++;
    } else if (single) date = single.iso;
    else if (i === parts.length - 1) place = parts[i];
    else hosts.push(parts[i]);
  }
  const kind = EVENT_KINDS.find(([re]) => re.test(name))?.[1] ?? 'OTHER';
  return { name, kind, date, place, venue: venueOf(name), hosts };
}

export interface ParsedMember {
  name: string;
  label: string;
  country: string;
}

/** "Michel Voisin, member of National Assembly, France, head of Delegation, ..., France" */
export function parseMember(text: string): ParsedMember {
  const parts = text.split(',').map((p) => p.trim());
  return { name: parts[0], label: parts.slice(1, -1).join(', '), country: parts[parts.length - 1] };
}

/** An abbreviation the reference does not know: an error, never a new body of its own. */
function unknownAbbreviation(spec: SourceSpec, line: number, name: string): Error {
  return new Error(
    `${spec.path}: line ${line}: "${name}" abbreviates no known body; add it as an alias in data/reference/organizations.json`,
  );
}

/** A short capitalised abbreviation ("EUP", "OSCE"): never a new body of its own. */
const ABBREVIATION = /^[A-Z][A-Z0-9&/.-]{1,9}$/;

export interface Article000Options {
  /** The article text (default: the bundled file). */
  text?: string;
  /** What listed election titles refer to (default: data/reference/election-titles.json). */
  titles?: ElectionTitle[];
}

export async function ingestArticle000(store: Store, options: Article000Options = {}): Promise<void> {
  const spec = bundledSources.article;
  const text = options.text ?? readSource(spec);
  const sourceId = (await store.source(spec, text)).id;
  const lines = text.split('\n');
  let field = '';
  await withClaimsChecked(
    store,
    sourceId,
    lines,
    () => `${spec.path}: ${field}`,
    () => ingestArticleChecked(store, spec, sourceId, lines, options.titles ?? loadElectionTitles(), (f) => (field = f)),
  );
}

async function ingestArticleChecked(
  store: Store,
  spec: SourceSpec,
  sourceId: string,
  lines: string[],
  allTitles: ElectionTitle[],
  setField: (field: string) => void,
): Promise<void> {
  const at = (line: number, excerpt = lines[line - 1].trim()): Provenance => ({ sourceId, locator: `line ${line}`, excerpt });
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  const parts = sections(lines.join('\n'));

  setField('lead');
  const cisEmoLine = lineOf('(CIS-EMO)');
  const cisEmo = await store.resolveOrCreateOrganization('CIS-EMO', at(cisEmoLine), { kind: 'NGO' });
  const longName = 'Commonwealth of the Independent States - Election Monitoring Organization';
  await store.alias({ organizationId: cisEmo }, longName, 'SOURCE', sourceId);
  if (lines[cisEmoLine - 1]?.includes(longName)) await store.claim('Organization', cisEmo, 'alias', longName, at(cisEmoLine, longName));

  // Lead paragraph facts.
  const lead = lineOf('It was founded in');
  const founded = lead ? /founded in (\d{4}) in ([^,]+), ([^.]+?) and was led by ([^.]+)\./.exec(lines[lead - 1]) : null;
  if (founded) {
    const excerpt = founded[0];
    await store.claim('Organization', cisEmo, 'foundedYear', Number(founded[1]), at(lead, excerpt));
    const city = await store.resolveOrCreateArea(`${founded[2]}, ${founded[3]}`, at(lead, excerpt));
    await store.claim('Organization', cisEmo, 'foundedIn', store.reconciler.areas.get(city)?.name ?? founded[2], at(lead, excerpt));
    const leader = await store.resolveOrCreatePerson(founded[4], at(lead, excerpt));
    await store.membership({ personId: leader, organizationId: cisEmo, role: 'leader' }, at(lead, excerpt));
  }
  const nature = lineOf('is an international non-governmental organization');
  if (nature) await store.claim('Organization', cisEmo, 'kind', 'NGO', at(nature, 'is an international non-governmental organization'));

  // Observed elections → CIS-EMO missions. A title the reference table knows is filed as what
  // it refers to (and two titles naming one vote are one election with both lines as claims).
  const titles = allTitles.filter((t) => t.source === spec.key);
  let titlesSourceId: string | undefined;
  const referenceAt = async (t: ElectionTitle, excerpt: string): Promise<Provenance> => {
    titlesSourceId ??= (await store.source(electionTitlesSource)).id;
    return { sourceId: titlesSourceId, locator: `key ${t.key}`, excerpt };
  };
  const missions = parts.get('CIS-EMO International Monitoring Missions') ?? [];
  const russia = store.reconciler.resolveArea('Russia')?.id;
  for (const item of missions) {
    setField(`missions, "${item.text}"`);
    const known = titles.find((t) => fold(t.title) === fold(item.text));
    const parsed = parseElectionItem(item.text);
    if (!parsed) throw new Error(`${spec.path}: line ${item.number}: cannot read election "${item.text}"`);
    let areaId: string;
    let type: ElectionType;
    if (known) {
      areaId = await store.resolveOrCreateArea(known.area, at(item.number));
      type = known.type;
    } else {
      const [head, country] = parsed.place.split(/,\s*/);
      const countryId = country ? await store.resolveOrCreateArea(country, at(item.number)) : null;
      const kind = /oblast|republic|krai|region/i.test(head) && countryId ? 'REGION' : 'CITY';
      const listed = parsed.written ? store.reconciler.resolveArea(parsed.place) : null;
      if (listed && parsed.written) {
        // Looked up as "Moscow, Russia", claimed as the line writes it ("Moscow").
        await store.claim('Area', listed.id, 'mentionedAs', parsed.written, at(item.number));
        areaId = listed.id;
      } else
        areaId = await store.resolveOrCreateArea(
          parsed.place,
          at(item.number),
          countryId ? { parentId: countryId, kind } : russia ? undefined : undefined,
        );
      type = parsed.type;
    }
    const electionId = await store.election(
      areaId,
      type,
      { iso: String(parsed.year), year: parsed.year, precision: 'YEAR' },
      at(item.number),
    );
    if (known) {
      await store.claim('Election', electionId, 'mentionedAs', item.text, at(item.number));
      const date = known.date ? parseIsoPartial(known.date) : null;
      if (known.date && date?.year !== parsed.year)
        throw new Error(`${electionTitlesSource.path}: ${known.key}: date ${known.date} is not in the title's year ${parsed.year}`);
      if (date) await store.election(areaId, type, date, await referenceAt(known, known.description));
      await store.claim(
        'Election',
        electionId,
        'identifiedAs',
        { title: known.title, type: known.type, area: known.area, body: known.body ?? null, reason: known.reason },
        await referenceAt(known, known.reason),
      );
      store.writes.patch('election', electionId, { description: known.description });
    }
    await store.mission(cisEmo, electionId, at(item.number));
  }
  setField('missions');
  const heading = lineOf('CIS-EMO participated in observing the following elections');
  if (heading) {
    await store.claim('Organization', cisEmo, 'missionCount', missions.length, {
      sourceId,
      locator: `lines ${heading}-${missions.at(-1)?.number ?? heading}`,
      excerpt: lines[heading - 1].trim(),
    });
  }

  // EU members of missions, with their standing at the moment of participation.
  const titled = loadReferenceOrganizations().filter((o) => o.titles?.length);
  for (const item of parts.get('EU Important Members of CIS-EMO Missions') ?? []) {
    setField(`members, "${item.text}"`);
    const member = parseMember(item.text);
    const personId = await store.resolveOrCreatePerson(member.name, at(item.number));
    const countryId = await store.resolveOrCreateArea(member.country, at(item.number));
    await store.membership(
      {
        personId,
        organizationId: cisEmo,
        role: 'member of CIS-EMO missions',
        label: member.label,
        onBehalfOfId: countryId,
        asOf: 'at the moment of participation',
      },
      at(item.number),
    );
    await linkMemberBodies(store, spec, item, member, { personId, countryId }, titled, at(item.number));
  }

  // Activities → events with CIS-EMO as participant or organizer; a venue that is a known body links to it.
  for (const item of parts.get('CIS-EMO Activities') ?? []) {
    setField(`activities, "${item.text}"`);
    const activity = parseActivity(item.text);
    const areaId = activity.place ? await store.resolveOrCreateArea(activity.place, at(item.number)) : null;
    const eventId = await store.event(
      {
        key: `000/${slug(activity.name)}-${activity.date ?? 'undated'}`,
        name: activity.name,
        kind: activity.kind,
        areaId,
        date: activity.date,
        venue: activity.venue,
      },
      at(item.number),
    );
    await store.eventParticipant(eventId, { organizationId: cisEmo }, 'participant or organizer', at(item.number));
    if (activity.venue && store.reconciler.resolveOrganization(activity.venue).kind === 'match') {
      const venueId = await store.resolveOrCreateOrganization(activity.venue, at(item.number));
      await store.eventParticipant(eventId, { organizationId: venueId }, 'venue', at(item.number));
    }
    for (const host of activity.hosts) {
      // An abbreviation names a body that exists under its full name: it never becomes a record of its own.
      if (ABBREVIATION.test(host) && store.reconciler.resolveOrganization(host).kind !== 'match')
        throw unknownAbbreviation(spec, item.number, host);
      const hostId = await store.resolveOrCreateOrganization(host, at(item.number), { kind: 'OTHER' });
      await store.eventParticipant(eventId, { organizationId: hostId }, 'host', at(item.number));
    }
  }
}

const AS_OF_BODIES = 'at the moment of participation in a CIS-EMO mission';

/** Matches looser than these (phonetic, fuzzy) never link a person to a body on their own. */
const SURE_MATCHES = new Set(['exact', 'tokens', 'acronym']);

/**
 * The bodies a member's standing names, as memberships of those bodies with the words that say
 * it as their claim's excerpt: "member of Sejm" (the Sejm), "head of Delegation, the Delegation of
 * France to the OSCE PA" (that delegation, within the OSCE PA), "senator" in Poland (the body
 * whose title it is in the person's country, data/reference/organizations.json `titles`),
 * "Professor, College de France" (a part that is a body's name, in the role of the title before
 * it). A body written as an unknown abbreviation is an error; other unknown names stay in the label.
 */
async function linkMemberBodies(
  store: Store,
  spec: SourceSpec,
  item: Line,
  member: ParsedMember,
  who: { personId: string; countryId: string },
  titled: ReferenceOrganization[],
  line: Provenance,
): Promise<void> {
  const link = async (organizationId: string, role: string, excerpt: string) =>
    store.membership(
      { personId: who.personId, organizationId, role, onBehalfOfId: who.countryId, asOf: AS_OF_BODIES },
      { ...line, excerpt },
    );
  let title: string | null = null;
  for (const part of parseMemberLabel(member.label, member.country)) {
    if (part.body) {
      const body = knownBody(store, part.body, member.country);
      if (body) {
        // Only a spelling that names the body on its own is kept as its alias ("National Assembly" names many).
        if (!body.qualified) await store.alias({ organizationId: body.id }, part.body, 'SOURCE', line.sourceId);
        await link(body.id, part.role, part.excerpt);
      } else if (ABBREVIATION.test(part.body)) throw unknownAbbreviation(spec, item.number, part.body);
      continue;
    }
    const seat = titleBody(store, titled, part.role, who.countryId);
    if (seat) {
      await link(seat.id, seat.role, part.excerpt);
      continue;
    }
    const named = knownBody(store, part.role, member.country);
    if (named) {
      await link(named.id, title ? title.toLowerCase() : 'affiliated', title ? `${title}, ${part.role}` : part.role);
      title = null;
    } else if (ABBREVIATION.test(part.role)) throw unknownAbbreviation(spec, item.number, part.role);
    else title = part.role;
  }
}

/** The body a phrase names, as the person's country's ("National Assembly" of France) before any other. */
function knownBody(store: Store, phrase: string, country: string): { id: string; qualified: boolean } | null {
  for (const [name, qualified] of [
    [`${phrase} of ${country}`, true],
    [phrase, false],
  ] as const) {
    const found = store.reconciler.resolveOrganization(name);
    if (found.kind === 'match' && SURE_MATCHES.has(found.match.method)) return { id: found.match.id, qualified };
  }
  return null;
}

/** The body whose seat this title is, in the person's country or a place in it ("senator" in Poland), or of no country ("MEP"). */
function titleBody(store: Store, titled: ReferenceOrganization[], title: string, countryId: string): { id: string; role: string } | null {
  for (const org of titled) {
    const entry = org.titles?.find((t) => fold(t.title) === fold(title));
    if (!entry) continue;
    // A national body's title holds only in its country ("senator" is Poland's only for a Pole); a body of no country's, anywhere ("MEP").
    const areaId = org.area ? stableId('area', org.area.toLowerCase()) : null;
    if (areaId && areaId !== countryId && store.reconciler.areas.get(areaId)?.parentId !== countryId) continue;
    const found = store.reconciler.resolveOrganization(org.name);
    if (found.kind === 'match') return { id: found.match.id, role: entry.role };
  }
  return null;
}
