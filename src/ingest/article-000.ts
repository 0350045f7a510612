/**
 * The CIS-EMO encyclopedia article (source 000): its list of observed elections, the EU
 * members of its missions, its activities, and the facts of its lead paragraph.
 * The parser follows the article's structure: "== Section ==" headings and "- " items.
 */
import type { ElectionType, EventKind } from '../generated/prisma/enums.js';
import { parseProseDate } from '../reconcile/dates.js';
import { parseElectionType } from './vocabulary.js';
import type { Provenance, Store } from './store.js';
import { bundledSources, readSource, registerSource } from './sources.js';
import { slug } from '../reconcile/normalize.js';

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
  place: string;
  year: number;
}

/** "Parliament elections in the Republic of Kazakhstan, 2004", "Elections to Moscow City Hall, Russia, 2009". */
export function parseElectionItem(text: string): ParsedElectionItem | null {
  const m = /^(.*?),\s*(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[2]);
  const body = m[1];
  const to = /^Elections to (.+?) City Hall,\s*(.+)$/i.exec(body);
  if (to) return { type: 'MAYORAL', place: `${to[1]}, ${to[2]}`, year };
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
  /** Other comma-separated parts: a host body ("EUP", "OSCE", "RIA Novosti"). */
  hosts: string[];
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
  return { name, kind, date, place, hosts };
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

export async function ingestArticle000(store: Store): Promise<void> {
  const spec = bundledSources.article;
  const text = readSource(spec);
  const sourceId = await registerSource(store.tx, spec, text);
  const lines = text.split('\n');
  const at = (line: number, excerpt = lines[line - 1].trim()): Provenance => ({ sourceId, locator: `line ${line}`, excerpt });
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  const parts = sections(text);

  const cisEmo = await store.resolveOrCreateOrganization('CIS-EMO', at(lineOf('(CIS-EMO)')), { kind: 'NGO' });
  await store.alias(
    { organizationId: cisEmo },
    'Commonwealth of the Independent States - Election Monitoring Organization',
    'SOURCE',
    sourceId,
  );

  // Lead paragraph facts.
  const lead = lineOf('It was founded in');
  const founded = /founded in (\d{4}) in ([^,]+), ([^.]+?) and was led by ([^.]+)\./.exec(lines[lead - 1]);
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

  // Observed elections → CIS-EMO missions.
  const missions = parts.get('CIS-EMO International Monitoring Missions') ?? [];
  const russia = store.reconciler.resolveArea('Russia')?.id;
  for (const item of missions) {
    const parsed = parseElectionItem(item.text);
    if (!parsed) throw new Error(`${spec.path}: line ${item.number}: cannot read election "${item.text}"`);
    const [head, country] = parsed.place.split(/,\s*/);
    const countryId = country ? await store.resolveOrCreateArea(country, at(item.number)) : null;
    const kind = /oblast|republic|krai|region/i.test(head) && countryId ? 'REGION' : 'CITY';
    const areaId = await store.resolveOrCreateArea(
      parsed.place,
      at(item.number),
      countryId ? { parentId: countryId, kind } : russia ? undefined : undefined,
    );
    const electionId = await store.election(
      areaId,
      parsed.type,
      { iso: String(parsed.year), year: parsed.year, precision: 'YEAR' },
      at(item.number),
    );
    await store.mission(cisEmo, electionId, at(item.number));
  }
  const heading = lineOf('CIS-EMO participated in observing the following elections');
  await store.claim('Organization', cisEmo, 'missionCount', missions.length, {
    sourceId,
    locator: `lines ${heading}-${missions.at(-1)?.number ?? heading}`,
    excerpt: `${lines[heading - 1].trim()} (${missions.length} items listed)`,
  });

  // EU members of missions, with their standing at the moment of participation.
  for (const item of parts.get('EU Important Members of CIS-EMO Missions') ?? []) {
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
    // "member of EU Parliament" also places the person in that body, when the body is known.
    const body = /^(former )?member of ([^,]+)$/i.exec(member.label);
    const found = body ? store.reconciler.resolveOrganization(body[2]) : null;
    if (body && found?.kind === 'match') {
      await store.membership(
        {
          personId,
          organizationId: found.match.id,
          role: body[1] ? 'former member' : 'member',
          onBehalfOfId: countryId,
          asOf: 'at the moment of participation in a CIS-EMO mission',
        },
        at(item.number),
      );
    }
  }

  // Activities → events with CIS-EMO as participant or organizer.
  for (const item of parts.get('CIS-EMO Activities') ?? []) {
    const activity = parseActivity(item.text);
    const areaId = activity.place ? await store.resolveOrCreateArea(activity.place, at(item.number)) : null;
    const venue = /\bin the ([^‘]+?)\s*(‘|$)/.exec(activity.name)?.[1] ?? null;
    const eventId = await store.event(
      {
        key: `000/${slug(activity.name)}-${activity.date ?? 'undated'}`,
        name: activity.name,
        kind: activity.kind,
        areaId,
        date: activity.date,
        venue,
      },
      at(item.number),
    );
    await store.eventParticipant(eventId, { organizationId: cisEmo }, 'participant or organizer', at(item.number));
    for (const host of activity.hosts) {
      const hostId = await store.resolveOrCreateOrganization(host, at(item.number), { kind: 'OTHER' });
      await store.eventParticipant(eventId, { organizationId: hostId }, 'host', at(item.number));
    }
  }
}
