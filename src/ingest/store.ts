/**
 * The write side of ingestion. Every record is written under a deterministic id derived
 * from its natural key and every fact is written with a claim naming its source span, so
 * that re-running ingestion rewrites the same rows (idempotent) and nothing loses its source.
 * Names are resolved through the reconciler before anything new is created.
 */
import type { OrganizationKind, EventKind, ElectionType, RoundKind, Verdict, DatePrecision } from '../generated/prisma/enums.js';
import { AmbiguousNameError, type Reconciler } from '../reconcile/reconciler.js';
import { stableId } from '../reconcile/ids.js';
import { normalizeName, slug } from '../reconcile/normalize.js';
import { parseIsoPartial, type PartialDate } from '../reconcile/dates.js';
import { aliasId, electionKey, membershipKey, missionId, roundId } from '../reconcile/natural-keys.js';
import { WriteSet, type Tx } from './write-set.js';
import { loadReconciler } from '../read/reconciler-state.js';
import { codeVerdict, ruleCodingColumns, type CodeVerdictInput } from '../verdicts/coder.js';
import { AsideCoder, codingKey } from '../verdicts/coder-pool.js';
import { storedVerdict } from '../verdicts/effective.js';
import { IDS } from '../db/id-set.js';
import { providerOfClient } from '../db/client.js';
import { registerSource, type RegisteredSource, type SourceContent, type SourceRecord } from './sources.js';

export type { Tx };

/** Where a fact was read: which source, where in it, and the words. */
export interface Provenance {
  sourceId: string;
  locator: string;
  excerpt: string;
  /**
   * The source restates its facts from place to place (a spreadsheet gives an election's date on
   * each of its rows): one claim per fact, at the first place that states it, stands for them all.
   */
  restated?: boolean;
}

/** A claim as a check sees it before it is queued. */
export interface ClaimToCheck {
  entityType: string;
  property: string;
  value: unknown;
  locator: string;
  excerpt: string;
}

export interface IngestStats {
  created: Record<string, number>;
  claims: number;
}

export class Store {
  readonly stats: IngestStats = { created: {}, claims: 0 };
  readonly writes: WriteSet;
  private readonly aliasSeen = new Set<string>();
  private readonly claimChecks = new Map<string, { check: (claim: ClaimToCheck) => string | null; problems: string[] }>();
  private readonly claimSeen = new Set<string>();
  private readonly restatedSeen = new Set<string>();
  private readonly aliasSpellings = new Set<string>();
  /** Elections as stored, to decide whether a source makes a date more precise. */
  private readonly electionDates = new Map<string, { date: string | null; datePrecision: DatePrecision }>();
  /** Statements by body, round and day, as stored or queued: to tell another text of one from a statement of its own. */
  private readonly statementsOn = new Map<string, { id: string; fingerprint: string; quoteLanguage: string; translated: boolean }[]>();
  /** Elections by area, type and year: a year may hold two elections of one type (Greece, May and June 2012). */
  private readonly electionsOfYear = new Map<string, string[]>();
  /** Parents of organizations as stored or queued. */
  private readonly orgParents = new Map<string, string | null>();
  /** Elections this ingest's rows named, or whose statements it retired: what the comparison re-projects. */
  readonly touchedElections = new Set<string>();
  /**
   * Sources this ingest reads whole, and the claims and texts it read from each: what a source no
   * longer says is retired. Null for a source with nothing on record before this reading (there is
   * nothing to retire, and a large first version need not hold every claim id in memory).
   */
  private readonly wholeSources = new Map<string, { claims: Set<string>; texts: Set<string> } | null>();

  constructor(
    readonly tx: Tx,
    readonly reconciler: Reconciler,
    readonly now = new Date(),
  ) {
    this.writes = new WriteSet();
  }

  /** Reads the little state that decisions during ingest depend on. */
  async prepare(): Promise<void> {
    for (const e of await this.tx.election.findMany({
      select: { id: true, areaId: true, type: true, year: true, date: true, datePrecision: true },
    })) {
      this.electionDates.set(e.id, e);
      this.noteElectionOfYear(e.areaId, e.type, e.year, e.id);
    }
    for (const o of await this.tx.organization.findMany({ select: { id: true, parentId: true } })) this.orgParents.set(o.id, o.parentId);
  }

  /** Writes everything queued. */
  async flush(): Promise<void> {
    await this.writes.flush(this.tx);
    // A claim's id names its source, place and property: one already written is never queued again
    // within a reading, except by the same row, which a flush does not split.
    this.claimSeen.clear();
  }

  /** Loads what the database already holds into the reconciler (for a CSV-only ingest). */
  async loadExisting(): Promise<void> {
    await this.prepare();
    await loadReconciler(this.tx, this.reconciler);
  }

  private count(kind: string): void {
    this.stats.created[kind] = (this.stats.created[kind] ?? 0) + 1;
  }

  // ── provenance ──

  /**
   * Registers a source this ingest reads whole (and the version its content is). After the flush,
   * `retireUnseen` retires its claims and texts that this reading did not produce.
   */
  async source(spec: SourceRecord, content?: SourceContent): Promise<RegisteredSource> {
    const registered = await registerSource(this.tx, spec, content);
    if (!this.wholeSources.has(registered.id)) {
      const fresh =
        registered.previousVersion === null &&
        !(await this.tx.claim.findFirst({ where: { sourceId: registered.id }, select: { id: true } })) &&
        !(await this.tx.statementText.findFirst({ where: { sourceId: registered.id }, select: { id: true } }));
      this.wholeSources.set(registered.id, fresh ? null : { claims: new Set(), texts: new Set() });
    }
    return registered;
  }

  /**
   * Claims and further texts of the sources read whole that this reading no longer produced are
   * retired (kept, out of every answer); those it produced again are back in force. Runs after the
   * flush, before decisions are replayed (a merge folding a claim into a retired one brings it back).
   */
  async retireUnseen(): Promise<{ claims: number; texts: number }> {
    const retired = { claims: 0, texts: 0 };
    for (const [sourceId, seen] of this.wholeSources) {
      if (!seen) continue;
      retired.claims += await retireUnseenRows(this.tx.claim, sourceId, seen.claims, this.now);
      retired.texts += await retireUnseenRows(this.tx.statementText, sourceId, seen.texts, this.now);
    }
    return retired;
  }

  /**
   * Checks every claim from `sourceId` must pass before it is queued (a document's: the excerpt
   * stands at its locator). A claim that fails is not queued; its problem is kept, and
   * `endClaimChecks` hands the problems over.
   */
  checkClaims(sourceId: string, check: (claim: ClaimToCheck) => string | null): void {
    this.claimChecks.set(sourceId, { check, problems: [] });
  }

  endClaimChecks(sourceId: string): string[] {
    const problems = this.claimChecks.get(sourceId)?.problems ?? [];
    this.claimChecks.delete(sourceId);
    return problems;
  }

  async claim(entityType: string, entityId: string, property: string, value: unknown, at: Provenance): Promise<void> {
    const checks = this.claimChecks.get(at.sourceId);
    const problem = checks?.check({ entityType, property, value, locator: at.locator, excerpt: at.excerpt });
    if (checks && problem) {
      checks.problems.push(problem);
      return;
    }
    const json = JSON.stringify(value ?? null);
    // Restated facts are remembered for the whole ingest (a few per election), so a later batch's
    // row does not move the claim off the first row that states it; by their parts, not their
    // hash, as most rows restate what an earlier row said.
    if (at.restated) {
      const fact = `${at.sourceId}\u0000${entityType}\u0000${entityId}\u0000${property}\u0000${json}`;
      if (this.restatedSeen.has(fact)) return;
      this.restatedSeen.add(fact);
    }
    const id = stableId('claim', at.sourceId, entityType, entityId, property, at.restated ? json : at.locator);
    if (!at.restated) {
      if (this.claimSeen.has(id)) return;
      this.claimSeen.add(id);
    }
    this.wholeSources.get(at.sourceId)?.claims.add(id);
    const data = { value: json, locator: at.locator, excerpt: at.excerpt };
    this.writes.put('claim', { id, sourceId: at.sourceId, entityType, entityId, property, createdAt: this.now, ...data }, data);
    this.stats.claims++;
  }

  async alias(
    target: { organizationId?: string; areaId?: string; personId?: string },
    name: string,
    origin: string,
    sourceId: string | null,
  ): Promise<void> {
    const owner = target.organizationId ?? target.areaId ?? target.personId ?? '';
    // Rows name their bodies over and over: a spelling already taken for its owner is not normalised again.
    const spelling = `${owner}\u0000${name}`;
    if (this.aliasSpellings.has(spelling)) return;
    this.aliasSpellings.add(spelling);
    const normalized = normalizeName(name);
    if (!normalized) return;
    const id = aliasId(owner, normalized);
    if (this.aliasSeen.has(id)) return;
    this.aliasSeen.add(id);
    this.writes.put('alias', { id, name, normalized, origin, sourceId, organizationId: null, areaId: null, personId: null, ...target }, {});
    if (target.organizationId) this.reconciler.addOrganization(target.organizationId, [name]);
    if (target.areaId) this.reconciler.addAreaAlias(target.areaId, name);
    if (target.personId) this.reconciler.addPerson(target.personId, [name]);
  }

  // ── areas ──

  async upsertArea(
    input: {
      key: string;
      name: string;
      kind: 'COUNTRY' | 'DE_FACTO_STATE' | 'REGION' | 'CITY';
      isoCode?: string | null;
      parentId?: string | null;
      claimedById?: string | null;
      names?: string[];
    },
    at: Provenance,
    origin = 'REFERENCE',
  ): Promise<string> {
    const id = stableId('area', input.key);
    const data = {
      name: input.name,
      kind: input.kind,
      isoCode: input.isoCode ?? null,
      parentId: input.parentId ?? null,
      claimedById: input.claimedById ?? null,
    };
    this.writes.put('area', { id, key: input.key, ...data }, data);
    this.reconciler.addArea({
      id,
      key: input.key,
      name: input.name,
      kind: input.kind,
      isoCode: input.isoCode ?? null,
      parentId: input.parentId ?? null,
    });
    for (const n of [input.name, ...(input.names ?? [])]) await this.alias({ areaId: id }, n, origin, at.sourceId);
    await this.claim('Area', id, 'name', input.name, at);
    return id;
  }

  /**
   * The area a source names, created under `parentId` when the source names a place the
   * read model does not know yet (a region in a listed election, say).
   */
  async resolveOrCreateArea(name: string, at: Provenance, create?: { parentId: string; kind: 'REGION' | 'CITY' }): Promise<string> {
    const match = this.reconciler.resolveArea(name);
    if (match) {
      if (match.method !== 'exact') await this.alias({ areaId: match.id }, name, 'SOURCE', at.sourceId);
      await this.claim('Area', match.id, 'mentionedAs', name, at);
      return match.id;
    }
    if (!create) throw new UnknownNameError('area', name);
    const parentKey = this.reconciler.areas.get(create.parentId)?.key ?? 'x';
    return this.upsertArea({ key: `${parentKey}/${slug(name)}`, name, kind: create.kind, parentId: create.parentId }, at, 'SOURCE');
  }

  // ── organizations ──

  async upsertOrganization(
    input: {
      key: string;
      name: string;
      kind: OrganizationKind;
      description?: string | null;
      parentId?: string | null;
      areaId?: string | null;
    },
    at: Provenance,
  ): Promise<string> {
    const id = stableId('org', input.key);
    const data = {
      name: input.name,
      kind: input.kind,
      description: input.description ?? null,
      parentId: input.parentId ?? null,
      areaId: input.areaId ?? null,
    };
    this.writes.put('organization', { id, key: input.key, ...data }, data);
    this.orgParents.set(id, data.parentId);
    await this.alias({ organizationId: id }, input.name, 'REFERENCE', at.sourceId);
    await this.claim('Organization', id, 'name', input.name, at);
    this.count('organization');
    return id;
  }

  /** The organization a source names; a new one (with the given kind) when nothing matches. */
  async resolveOrCreateOrganization(
    name: string,
    at: Provenance,
    create: { kind: OrganizationKind; parentId?: string | null; areaId?: string | null; description?: string | null } = { kind: 'OTHER' },
  ): Promise<string> {
    const found = this.reconciler.resolveOrganization(name);
    if (found.kind === 'ambiguous')
      throw new AmbiguousNameError(
        'organization',
        name,
        found.candidates.map((c) => c.matched),
      );
    if (found.kind === 'match') {
      await this.alias({ organizationId: found.match.id }, name, 'SOURCE', at.sourceId);
      await this.claim('Organization', found.match.id, 'mentionedAs', name, at);
      return found.match.id;
    }
    const id = await this.upsertOrganization({ key: slug(name), name, ...create }, at);
    return id;
  }

  async organizationName(
    organizationId: string,
    name: string,
    validFrom: string | null,
    validUntil: string | null,
    at: Provenance,
  ): Promise<void> {
    const id = stableId('orgname', organizationId, normalizeName(name));
    this.writes.put('organizationName', { id, organizationId, name, validFrom, validUntil }, { validFrom, validUntil });
    await this.alias({ organizationId }, name, 'SOURCE', at.sourceId);
    await this.claim('Organization', organizationId, 'nameOverTime', { name, validFrom, validUntil }, at);
  }

  // ── persons ──

  async resolveOrCreatePerson(
    name: string,
    at: Provenance,
    extra: { birthYear?: number | null; summary?: string | null } = {},
  ): Promise<string> {
    const found = this.reconciler.resolvePerson(name);
    if (found.kind === 'ambiguous')
      throw new AmbiguousNameError(
        'person',
        name,
        found.candidates.map((c) => c.matched),
      );
    let id: string;
    if (found.kind === 'match') {
      id = found.match.id;
      await this.alias({ personId: id }, name, 'SOURCE', at.sourceId);
      const patch = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined && v !== null));
      // A person known only from the database is updated; one queued in this run takes the fields.
      if (Object.keys(patch).length) this.writes.patch('person', id, patch);
    } else {
      const key = slug(name);
      id = stableId('person', key);
      this.writes.put(
        'person',
        { id, key, name, birthYear: extra.birthYear ?? null, summary: extra.summary ?? null, mergedIntoId: null },
        {},
      );
      await this.alias({ personId: id }, name, 'SOURCE', at.sourceId);
      this.count('person');
    }
    await this.claim('Person', id, 'name', name, at);
    for (const [prop, value] of Object.entries(extra))
      if (value !== undefined && value !== null) await this.claim('Person', id, prop, value, at);
    return id;
  }

  async membership(
    input: {
      personId: string;
      organizationId?: string | null;
      missionId?: string | null;
      role: string;
      label?: string | null;
      onBehalfOfId?: string | null;
      onBehalfOfOrganizationId?: string | null;
      startDate?: string | null;
      endDate?: string | null;
      asOf?: string | null;
    },
    at: Provenance,
  ): Promise<string> {
    const key = membershipKey(input);
    const id = stableId('membership', key);
    const data = {
      personId: input.personId,
      organizationId: input.organizationId ?? null,
      missionId: input.missionId ?? null,
      role: input.role,
      label: input.label ?? null,
      onBehalfOfId: input.onBehalfOfId ?? null,
      onBehalfOfOrganizationId: input.onBehalfOfOrganizationId ?? null,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      asOf: input.asOf ?? null,
    };
    this.writes.put('membership', { id, key, ...data }, data);
    await this.claim('Membership', id, 'role', { role: input.role, label: input.label ?? null }, at);
    return id;
  }

  // ── elections ──

  private noteElectionOfYear(areaId: string, type: string, year: number, id: string): void {
    const slot = `${areaId}|${type}|${year}`;
    const ids = this.electionsOfYear.get(slot) ?? [];
    if (!ids.includes(id)) this.electionsOfYear.set(slot, [...ids, id]);
  }

  /**
   * Which election a date names, among those of its area, type and year (see `electionFor`): a
   * known one, or a new one with the key it is stored under — the year for the first of its year
   * (so ids handed out before a second one appears stay valid), the day for any other.
   */
  private identifyElection(areaId: string, type: ElectionType, date: PartialDate): { known: string } | { id: string; key: string } {
    const areaKey = this.reconciler.areas.get(areaId)?.key ?? areaId;
    const known = (this.electionsOfYear.get(`${areaId}|${type}|${date.year}`) ?? []).map((id) => ({ id, ...this.electionDates.get(id)! }));
    const found = electionFor(known, date);
    if (found === 'ambiguous') {
      const dates = known.map((e) => e.date ?? String(date.year)).join(' and ');
      throw new AmbiguousElectionError(
        `${type.toLowerCase()} election of ${date.year} is ambiguous: the read model holds one on ${dates}; give the day`,
      );
    }
    if (found) return { known: found };
    const key = known.length === 0 ? electionKey(areaKey, type, date.year) : electionKey(areaKey, type, date.iso);
    return { id: stableId('election', key), key };
  }

  /**
   * The election of this area, type and date; a day-exact date upgrades a year-only one
   * (the article's "Kazakhstan, 2004" and the statement's 2004-09-19 are one election), and
   * day-exact dates weeks apart in one year are two elections.
   */
  async election(areaId: string, type: ElectionType, date: PartialDate, at: Provenance): Promise<string> {
    const identified = this.identifyElection(areaId, type, date);
    const rank = { YEAR: 0, MONTH: 1, DAY: 2 } as const;
    const dated = { date: date.precision === 'YEAR' ? null : date.iso, datePrecision: date.precision };
    const id = 'known' in identified ? identified.known : identified.id;
    const existing = this.electionDates.get(id);
    if ('key' in identified) {
      const { key } = identified;
      this.writes.put(
        'election',
        {
          id,
          key,
          areaId,
          type,
          year: date.year,
          description: null,
          internationalObserverCount: null,
          internationalObserverCountApproximate: false,
          internationalObserverCountries: null,
          ...dated,
        },
        {},
      );
      this.electionDates.set(id, dated);
      this.noteElectionOfYear(areaId, type, date.year, id);
      this.count('election');
    } else if (existing && rank[date.precision] > rank[existing.datePrecision]) {
      this.writes.patch('election', id, dated);
      this.electionDates.set(id, dated);
    }
    await this.claim('Election', id, 'date', date.iso, at);
    this.touchedElections.add(id);
    return id;
  }

  async round(electionId: string, round: RoundKind, date: string | null, at: Provenance): Promise<string> {
    this.touchedElections.add(electionId);
    const id = roundId(electionId, round);
    const ordinal = { FIRST: 1, SECOND: 2, RERUN: 3 }[round];
    this.writes.put('electionRound', { id, electionId, round, ordinal, date }, date ? { date } : {});
    if (date) await this.claim('ElectionRound', id, 'date', date, at);
    return id;
  }

  async mission(
    organizationId: string,
    electionId: string,
    at: Provenance,
    extra: { observerCount?: number; observerCountApproximate?: boolean; countryCount?: number; headId?: string } = {},
  ): Promise<string> {
    const id = missionId(organizationId, electionId);
    this.touchedElections.add(electionId);
    this.writes.put(
      'mission',
      {
        id,
        organizationId,
        electionId,
        headId: null,
        observerCount: null,
        observerCountApproximate: false,
        countryCount: null,
        startDate: null,
        endDate: null,
        ...extra,
      },
      extra,
    );
    await this.claim('Mission', id, 'observed', true, at);
    for (const [prop, value] of Object.entries(extra)) await this.claim('Mission', id, prop, value, at);
    return id;
  }

  /** Sets an organization's parent unless it already has one. */
  setParentIfMissing(id: string, parentId: string): void {
    if (this.orgParents.get(id) || parentId === id) return;
    this.orgParents.set(id, parentId);
    this.writes.patch('organization', id, { parentId });
  }

  updateElection(
    id: string,
    fields: {
      internationalObserverCount?: number | null;
      internationalObserverCountApproximate?: boolean;
      internationalObserverCountries?: number | null;
    },
  ): void {
    this.writes.patch('election', id, fields);
  }

  // ── statements and their verdicts ──

  /** Codes the statements about to be queued on another thread while their rows are reconciled. */
  private readonly coder = new AsideCoder();

  /** Starts coding these statements aside; settleVerdicts takes the codings from there. */
  codeAside(inputs: CodeVerdictInput[]): void {
    this.coder.add(inputs);
  }

  /** Lets go of what the ingest held beside the database (the coder's thread). */
  close(): void {
    this.coder.close();
  }

  /**
   * Codes queued statements with the rule coder and settles the verdict in force by
   * precedence, counting codings already stored (a curator's) as well as queued ones.
   * Returns how many statements have only the rule coder's verdict.
   */
  async settleVerdicts(statementIds: string[]): Promise<number> {
    type Coding = { id: string; statementId: string; verdict: Verdict | null; coder: 'SOURCE' | 'HUMAN' | 'RULE'; codedAt: Date };
    // One statement for the whole batch: the ids go in as one JSON array parameter.
    const stored = (
      await this.tx.$queryRawUnsafe<(Omit<Coding, 'codedAt'> & { codedAt: Date | string })[]>(
        `SELECT id, "statementId", verdict, coder, "codedAt" FROM "VerdictCoding" WHERE "statementId" IN ${IDS[providerOfClient(this.tx)]}`,
        JSON.stringify(statementIds),
      )
    ).map((c): Coding => ({ ...c, codedAt: new Date(c.codedAt) }));
    const inputs = new Map<string, CodeVerdictInput>();
    for (const statementId of statementIds) {
      const statement = this.writes.get('statement', statementId);
      if (!statement) continue;
      const input = {
        quote: String(statement.quote),
        language: String(statement.quoteLanguage),
        statementKind: String(statement.kind).toLowerCase(),
      };
      inputs.set(statementId, input);
    }
    await this.coder.of([...inputs.values()].map(codingKey));
    const storedById = new Map(stored.map((c) => [c.id, c]));
    const byStatement = new Map<string, Map<string, Coding>>();
    const add = (c: Coding) => {
      if (!byStatement.has(c.statementId)) byStatement.set(c.statementId, new Map());
      byStatement.get(c.statementId)!.set(c.id, c);
    };
    stored.forEach(add);
    let ruleOnly = 0;
    for (const [statementId, input] of inputs) {
      const pending = this.pendingCodingIds.get(statementId) ?? [];
      this.pendingCodingIds.delete(statementId);
      for (const id of pending) {
        const queued = this.writes.get('verdictCoding', id);
        if (queued) add({ id, statementId, verdict: queued.verdict as Verdict | null, coder: 'SOURCE', codedAt: queued.codedAt as Date });
      }
      const key = codingKey(input);
      // Taken once: a batch's codings are let go of with it (a repeated statement is coded again, alike).
      const coded = this.coder.take(key) ?? codeVerdict(input);
      const ruleId = stableId('coding', statementId, 'RULE');
      byStatement.get(statementId)?.delete(ruleId);
      if (coded.verdict) {
        const data = ruleCodingColumns(coded.verdict, coded, this.now);
        const stale = storedById.get(ruleId);
        // Keep the stored coding time when nothing about the coding changed.
        const unchanged = stale && stale.verdict === coded.verdict;
        this.writes.put(
          'verdictCoding',
          { id: ruleId, statementId, coder: 'RULE', ...data },
          unchanged ? { ...data, codedAt: stale.codedAt } : data,
        );
        add({ id: ruleId, statementId, verdict: coded.verdict, coder: 'RULE', codedAt: this.now });
      }
      const codings = [...(byStatement.get(statementId)?.values() ?? [])];
      const settled = storedVerdict(codings);
      if (!codings.some((c) => c.coder !== 'RULE') && settled.verdict) ruleOnly++;
      this.writes.patch('statement', statementId, settled);
    }
    return ruleOnly;
  }

  private readonly pendingCodingIds = new Map<string, string[]>();

  /**
   * The statement a row is another text of, if any: the same body, round and day, in another
   * language, one of the two marked as a translation (a translation, or the original of one
   * already stored) — CIS-EMO's Russian report on Ukraine 2012 beside its English translation,
   * ODIHR's press conference in Russian beside its preliminary statement. Such a row is one
   * statement with several texts, counted once. Two originals in two languages stay two statements.
   */
  statementTextOf(row: {
    organizationId: string;
    roundId: string;
    statementDate: string | null;
    quoteLanguage: string;
    translated: boolean;
    fingerprint: string;
  }): string | null {
    const same = this.statementsOn.get(`${row.organizationId}|${row.roundId}|${row.statementDate}`) ?? [];
    if (same.some((s) => s.fingerprint === row.fingerprint)) return null;
    return same.find((s) => s.quoteLanguage !== row.quoteLanguage && (s.translated || row.translated))?.id ?? null;
  }

  /**
   * Notes the statements of other sources on record on the rounds a source's rows name (the caller
   * loads them): statementTextOf compares a row with these and with the rows queued before it.
   */
  noteStoredStatements(statements: PlacedStatement[]): void {
    for (const s of statements) this.noteStatement(s);
  }

  private noteStatement(s: PlacedStatement): void {
    const slot = `${s.organizationId}|${s.roundId}|${s.statementDate}`;
    const list = this.statementsOn.get(slot);
    // What statementTextOf compares, not the queued row (which a flush lets go of).
    const noted = { id: s.id, fingerprint: s.fingerprint, quoteLanguage: s.quoteLanguage, translated: s.translated };
    if (!list) this.statementsOn.set(slot, [noted]);
    else if (!list.some((x) => x.id === s.id)) list.push(noted);
  }

  /** A further text of a statement (see statementTextOf), under an id of its own source and place. */
  statementText(statementId: string, text: Record<string, unknown> & { sourceId: string; locator: string }): string {
    const id = stableId('text', statementId, text.sourceId, text.locator);
    this.writes.put('statementText', { id, statementId, ...text });
    this.wholeSources.get(text.sourceId)?.texts.add(id);
    return id;
  }

  /** Queues a statement and the source's coding of it, if any (a verdict, or none on purpose: an abstention). */
  statement(row: Record<string, unknown> & PlacedStatement, sourceVerdict: { verdict: Verdict | null; codedBy: string } | null): void {
    const { id: _id, ...update } = row;
    this.writes.put('statement', row, update);
    this.noteStatement(row);
    if (sourceVerdict) {
      const codingId = stableId('coding', row.id, 'SOURCE', sourceVerdict.codedBy);
      const coding = { verdict: sourceVerdict.verdict, codedAt: new Date(0) };
      this.writes.put(
        'verdictCoding',
        {
          id: codingId,
          statementId: row.id,
          coder: 'SOURCE',
          codedBy: sourceVerdict.codedBy,
          rule: null,
          confidence: null,
          evidence: null,
          ...coding,
        },
        coding,
      );
      this.pendingCodingIds.set(row.id, [...(this.pendingCodingIds.get(row.id) ?? []), codingId]);
    }
  }

  // ── events ──

  async event(
    input: {
      key: string;
      name: string;
      kind: EventKind;
      areaId?: string | null;
      venue?: string | null;
      date?: string | null;
      endDate?: string | null;
      description?: string | null;
    },
    at: Provenance,
  ): Promise<string> {
    const id = stableId('event', input.key);
    const parsed = input.date ? parseIsoPartial(input.date) : null;
    const data = {
      name: input.name,
      kind: input.kind,
      areaId: input.areaId ?? null,
      venue: input.venue ?? null,
      date: parsed?.iso ?? null,
      year: parsed?.year ?? null,
      datePrecision: parsed?.precision ?? null,
      endDate: input.endDate ?? null,
      description: input.description ?? null,
    };
    this.writes.put('event', { id, key: input.key, ...data }, data);
    await this.claim('Event', id, 'event', { name: input.name, date: data.date }, at);
    this.count('event');
    return id;
  }

  async eventParticipant(
    eventId: string,
    who: { organizationId?: string; personId?: string },
    role: string,
    at: Provenance,
  ): Promise<void> {
    const id = stableId('participant', eventId, who.organizationId ?? '', who.personId ?? '', normalizeName(role));
    this.writes.put(
      'eventParticipant',
      { id, eventId, role, organizationId: who.organizationId ?? null, personId: who.personId ?? null },
      {},
    );
    await this.claim('EventParticipant', id, 'role', role, at);
  }
}

/** What telling another text of a statement from a statement of its own needs of a statement (see statementTextOf). */
interface PlacedStatement {
  id: string;
  fingerprint: string;
  organizationId: string;
  roundId: string;
  statementDate: string | null;
  quoteLanguage: string;
  translated: boolean;
}

/** The part of a Prisma delegate retiring needs (claims and texts share it). */
interface RetirableRows {
  findMany(args: { where: { sourceId: string }; select: { id: true; retiredAt: true } }): Promise<{ id: string; retiredAt: Date | null }[]>;
  updateMany(args: { where: { id: { in: string[] } }; data: { retiredAt: Date | null } }): Promise<{ count: number }>;
}

async function retireUnseenRows(rows: RetirableRows, sourceId: string, seen: Set<string>, now: Date): Promise<number> {
  const stored = await rows.findMany({ where: { sourceId }, select: { id: true, retiredAt: true } });
  const retire = stored.filter((r) => !r.retiredAt && !seen.has(r.id)).map((r) => r.id);
  const back = stored.filter((r) => r.retiredAt && seen.has(r.id)).map((r) => r.id);
  for (let i = 0; i < retire.length; i += 500)
    await rows.updateMany({ where: { id: { in: retire.slice(i, i + 500) } }, data: { retiredAt: now } });
  for (let i = 0; i < back.length; i += 500)
    await rows.updateMany({ where: { id: { in: back.slice(i, i + 500) } }, data: { retiredAt: null } });
  return retire.length;
}

export class UnknownNameError extends Error {
  constructor(
    readonly entityType: string,
    readonly name: string,
  ) {
    super(`unknown ${entityType} "${name}"`);
  }
}

/** Two elections of one type in one area and year, and a date that does not say which. */
export class AmbiguousElectionError extends Error {}

/** Day-exact dates of one election as sources give them differ by a day or two at most (time zones, counting days); two votes weeks apart are two elections. */
const SAME_ELECTION_DAYS = 7;

const dayNumber = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/**
 * The election, among those of one area, type and year, that a date refers to: null when none
 * (a new one), 'ambiguous' when the date cannot tell two apart (a year-only date, or a month,
 * in a year with two).
 */
export function electionFor(
  known: { id: string; date: string | null; datePrecision: DatePrecision }[],
  date: PartialDate,
): string | null | 'ambiguous' {
  if (known.length === 0) return null;
  if (date.precision !== 'DAY') {
    const fitting = known.filter((e) => date.precision === 'YEAR' || !e.date || e.date.startsWith(date.iso.slice(0, 7)));
    if (fitting.length === 1) return fitting[0].id;
    return fitting.length === 0 ? null : 'ambiguous';
  }
  const near = known.filter(
    (e) => e.datePrecision === 'DAY' && e.date && Math.abs(dayNumber(e.date) - dayNumber(date.iso)) <= SAME_ELECTION_DAYS,
  );
  if (near.length) return near[0].id;
  // A year-only (or month) election upgrades to this day, when it is the only one that could be it.
  const undated = known.filter((e) => e.datePrecision !== 'DAY' && (!e.date || date.iso.startsWith(e.date.slice(0, 7))));
  if (undated.length === 1) return undated[0].id;
  return undated.length > 1 ? 'ambiguous' : null;
}
