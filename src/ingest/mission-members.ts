/**
 * Who was on which mission, from published reports (data/sources/mission-members.csv): one row a
 * person at one election with one body, the quote that says it, and the page it is quoted from.
 * Each row's page is a source of its own (its title and URL; the bundled copy of its words is
 * the file's row), and the membership of the mission is claimed at that row with the quote.
 * The whole file is checked first: a bad row stops the ingest, naming file, row and field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ElectionType } from '../generated/prisma/enums.js';
import { parseIsoPartial, type PartialDate } from '../reconcile/dates.js';
import { slug } from '../reconcile/normalize.js';
import { AmbiguousNameError } from '../reconcile/reconciler.js';
import { projectRoot } from '../db/config.js';
import { parseElectionType } from './vocabulary.js';
import type { Store } from './store.js';

export const MISSION_MEMBERS_FILE = 'data/sources/mission-members.csv';

const COLUMNS = [
  'person',
  'organization',
  'jurisdiction',
  'election_type',
  'election_date',
  'role',
  'standing',
  'quote',
  'source_title',
  'source_url',
  'note',
] as const;
/** Every column but the person's standing and the note must be filled. */
const REQUIRED = COLUMNS.filter((c) => c !== 'standing' && c !== 'note');

interface MissionMemberRow {
  row: number;
  person: string;
  organizationId: string;
  areaId: string;
  type: ElectionType;
  date: PartialDate;
  role: string;
  standing: string | null;
  quote: string;
  title: string;
  url: string;
}

export class MissionMembersError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} bad row(s); nothing was written:\n${problems.join('\n')}`);
    this.name = 'MissionMembersError';
  }
}

/** Checks every row against what the read model knows (bodies and areas must be known; a person may be new). */
function readRows(store: Store, file: string, text: string): MissionMemberRow[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as Record<string, string>[];
  const problems: string[] = [];
  const header = Object.keys(records[0] ?? {});
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (records.length && missing.length) throw new MissionMembersError([`${file}: row 1: missing column(s) ${missing.join(', ')}`]);
  const rows: MissionMemberRow[] = [];
  records.forEach((r, i) => {
    const row = i + 2;
    const bad = (field: string, message: string) => problems.push(`${file}: row ${row}, ${field}: ${message}`);
    for (const field of REQUIRED) if (!r[field]) bad(field, 'is empty');
    const org = r.organization ? store.reconciler.resolveOrganization(r.organization) : null;
    if (r.organization && org?.kind !== 'match') bad('organization', `"${r.organization}" is no known body`);
    let area: { id: string } | null = null;
    try {
      area = r.jurisdiction ? store.reconciler.resolveArea(r.jurisdiction) : null;
      if (r.jurisdiction && !area) bad('jurisdiction', `unknown area "${r.jurisdiction}"`);
    } catch (error) {
      if (!(error instanceof AmbiguousNameError)) throw error;
      bad('jurisdiction', error.message);
    }
    const type = parseElectionType(r.election_type ?? '');
    if (r.election_type && !type)
      bad('election_type', `"${r.election_type}" is not one of presidential, parliamentary, referendum, mayoral, municipal, regional`);
    const date = parseIsoPartial(r.election_date ?? '');
    if (r.election_date && !date) bad('election_date', `"${r.election_date}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`);
    if (r.source_url && !/^https?:\/\/\S+$/.test(r.source_url)) bad('source_url', `"${r.source_url}" is not an http(s) URL`);
    // The quote is the evidence: it must name the person it places on the mission.
    if (r.person && r.quote && !r.quote.includes(r.person)) bad('quote', `does not name "${r.person}"`);
    if (org?.kind === 'match' && area && type && date)
      rows.push({
        row,
        person: r.person,
        organizationId: org.match.id,
        areaId: area.id,
        type,
        date,
        role: r.role,
        standing: r.standing || null,
        quote: r.quote,
        title: r.source_title,
        url: r.source_url,
      });
  });
  if (problems.length) throw new MissionMembersError(problems);
  return rows;
}

/** Ingests the file (default: the bundled one): memberships of missions, each claimed at its row of its page's source. */
export async function ingestMissionMembers(store: Store, file = MISSION_MEMBERS_FILE): Promise<void> {
  const text = fs.readFileSync(path.resolve(projectRoot, file), 'utf8');
  const rows = readRows(store, file, text);
  const relative = path.isAbsolute(file) ? path.relative(projectRoot, file) : file;
  for (const r of rows) {
    const quotes = rows.filter((o) => o.url === r.url).map((o) => o.quote);
    const source = await store.source(
      { key: `page/${slug(r.url.replace(/^https?:\/\//, ''))}`, title: r.title, kind: 'WEB_PAGE', path: relative, url: r.url },
      quotes.join('\n'),
    );
    const at = { sourceId: source.id, locator: `row ${r.row}`, excerpt: r.quote };
    const personId = await store.resolveOrCreatePerson(r.person, at);
    const electionId = await store.election(r.areaId, r.type, r.date, at);
    const missionId = await store.mission(r.organizationId, electionId, at);
    await store.membership(
      { personId, organizationId: r.organizationId, missionId, role: r.role, label: r.standing, asOf: r.date.iso },
      at,
    );
  }
}
