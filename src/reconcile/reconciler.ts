/**
 * The reconciler: resolves names as the sources spell them to the one record for each
 * real-world thing. It holds name indexes for areas, organizations and persons, built from
 * the aliases in the database and kept current while ingestion adds records.
 */
import { NameIndex, type Match, type Resolution } from './name-index.js';
import { areaKeys, organizationKeys, organizationLookupKeys, personKeys } from './keys.js';
import { normalizeName } from './normalize.js';

export interface AreaInfo {
  id: string;
  key: string;
  name: string;
  kind: string;
  isoCode: string | null;
  parentId: string | null;
}

export class AmbiguousNameError extends Error {
  constructor(
    readonly entityType: string,
    readonly name: string,
    readonly candidates: string[],
  ) {
    super(`"${name}" could be any of ${candidates.map((c) => `"${c}"`).join(', ')}; add an alias to say which ${entityType} it is`);
  }
}

export class Reconciler {
  readonly areas = new Map<string, AreaInfo>();
  private readonly areaIndex = new NameIndex({ keys: areaKeys });
  private readonly isoIndex = new Map<string, string>();
  private readonly acronyms = new Map<string, string>();
  private orgIndex = this.makeOrgIndex();
  private readonly orgNames: [string, string][] = [];
  private readonly personIndex = new NameIndex({ keys: personKeys, fuzzyBudget: () => 0 });

  private makeOrgIndex(): NameIndex {
    const context = { acronyms: this.acronyms, areaToken: (phrase: string) => this.areaToken(phrase) };
    return new NameIndex({
      keys: organizationKeys(context),
      lookupKeys: organizationLookupKeys(context),
      fuzzyBudget: (n) => (n >= 12 ? 2 : n >= 7 ? 1 : 0),
    });
  }

  // ── areas ──

  addArea(area: AreaInfo, names: string[] = []): void {
    this.areas.set(area.id, area);
    for (const name of [area.name, ...names]) this.areaIndex.add(area.id, name);
    if (area.isoCode) this.isoIndex.set(area.isoCode.toUpperCase(), area.id);
  }

  addAreaAlias(id: string, name: string): void {
    this.areaIndex.add(id, name);
  }

  /**
   * "Kishinev", "Kishinev, Moldova", "Kishiney (Moldavia)", "MD": the area, or null.
   * A trailing country narrows the search and disambiguates.
   */
  resolveArea(name: string): Match | null {
    const trimmed = name.trim();
    if (/^[A-Z]{2}$/.test(trimmed) && this.isoIndex.has(trimmed)) {
      return { id: this.isoIndex.get(trimmed)!, method: 'exact', score: 1, matched: trimmed };
    }
    const qualified = /^(.*?)\s*(?:,|\()\s*([^,()]+?)\)?\s*$/.exec(trimmed);
    if (qualified) {
      const within = this.resolveArea(qualified[2]);
      const inner = this.areaIndex.resolve(qualified[1]);
      if (within && inner.kind === 'match' && this.isWithin(inner.match.id, within.id)) return inner.match;
      if (within && inner.kind === 'ambiguous') {
        const inside = inner.candidates.filter((c) => this.isWithin(c.id, within.id));
        if (inside.length === 1) return inside[0];
      }
      if (within && inner.kind !== 'match') return null;
    }
    const result = this.areaIndex.resolve(trimmed);
    if (result.kind === 'ambiguous')
      throw new AmbiguousNameError(
        'area',
        name,
        result.candidates.map((c) => this.areas.get(c.id)?.name ?? c.id),
      );
    return result.kind === 'match' ? result.match : null;
  }

  /** True when `id` is `ancestorId` or lies inside it. */
  isWithin(id: string, ancestorId: string): boolean {
    for (let cur: string | null = id; cur; cur = this.areas.get(cur)?.parentId ?? null) {
      if (cur === ancestorId) return true;
    }
    return false;
  }

  /** The country (or de-facto state) an area belongs to. */
  countryOf(id: string): AreaInfo | undefined {
    let cur = this.areas.get(id);
    while (cur && cur.kind !== 'COUNTRY' && cur.kind !== 'DE_FACTO_STATE' && cur.parentId) cur = this.areas.get(cur.parentId);
    return cur;
  }

  /** Token that stands for an area inside an organization's name; countries only, exact spellings. */
  private areaToken(phrase: string): string | null {
    const result = this.areaIndex.resolve(phrase, { fuzzy: false });
    if (result.kind !== 'match' || result.match.method === 'fuzzy' || result.match.method === 'tokens') return null;
    const area = this.areas.get(result.match.id);
    return area && (area.kind === 'COUNTRY' || area.kind === 'DE_FACTO_STATE') ? `@${area.key}` : null;
  }

  // ── organizations ──

  addOrganization(id: string, names: string[]): void {
    for (const name of names) {
      this.orgNames.push([id, name]);
      this.orgIndex.add(id, name);
      const folded = normalizeName(name);
      // A capitalised short alias of a multi-word body becomes a known acronym: later names
      // that spell the body out ("Executive Committee of the Commonwealth of Independent
      // States") then key the same as those that abbreviate it ("CIS Executive Committee").
      if (/^[A-Z]{2,6}$/.test(name.trim())) {
        for (const [otherId, other] of this.orgNames) {
          if (otherId === id && normalizeName(other).split(' ').length > 1) this.acronyms.set(normalizeName(other), folded);
        }
      } else {
        const short = this.orgNames.find(([otherId, other]) => otherId === id && /^[A-Z]{2,6}$/.test(other.trim()));
        if (short && folded.split(' ').length > 1) this.acronyms.set(folded, normalizeName(short[1]));
      }
    }
  }

  /** Re-keys every organization name; needed after new acronyms or areas change how names key. */
  rebuildOrganizationIndex(): void {
    this.orgIndex = this.makeOrgIndex();
    for (const [id, name] of this.orgNames) this.orgIndex.add(id, name);
  }

  resolveOrganization(name: string): Resolution {
    return this.orgIndex.resolve(name);
  }

  // ── persons ──

  addPerson(id: string, names: string[]): void {
    for (const name of names) this.personIndex.add(id, name);
  }

  resolvePerson(name: string): Resolution {
    return this.personIndex.resolve(name);
  }
}
