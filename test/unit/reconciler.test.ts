/** The reconciler over a small made-up world: areas, organizations and persons. */
import { beforeEach, describe, expect, it } from 'vitest';
import { AmbiguousNameError, Reconciler, type AreaInfo } from '../../src/reconcile/reconciler.js';
import type { Resolution } from '../../src/reconcile/name-index.js';

const area = (id: string, name: string, kind: string, isoCode: string | null = null, parentId: string | null = null): AreaInfo => ({
  id,
  key: id,
  name,
  kind,
  isoCode,
  parentId,
});

function world(): Reconciler {
  const r = new Reconciler();
  r.addArea(area('zembla', 'Zembla', 'COUNTRY', 'ZB'), ['Republic of Zembla', 'Зембла']);
  r.addArea(area('ruritania', 'Ruritania', 'COUNTRY', 'RT'), ['Руритания']);
  r.addArea(area('strelsau-rt', 'Strelsau', 'CITY', null, 'ruritania'));
  r.addArea(area('strelsau-zb', 'Strelsau', 'CITY', null, 'zembla'));
  r.addArea(area('north-zb', 'North Province', 'REGION', null, 'zembla'));
  r.addArea(area('khodzhigrad', 'Khodzhigrad', 'CITY', null, 'north-zb'));
  r.addArea(area('ostrovia', 'Ostrovia', 'DE_FACTO_STATE', null, null));

  r.addOrganization('cec-zb', ['Central Election Commission of the Republic of Zembla']);
  r.addOrganization('cec-rt', ['Central Election Commission of Ruritania']);
  r.addOrganization('aem', ['Association of Election Monitors', 'AEM']);
  r.addOrganization('aem-exec', ['Executive Committee of the Association of Election Monitors']);
  r.addOrganization('uro', ['Union of Ruritanian Observers', 'URO']);
  r.addOrganization('hw', ['Ruritanian Helsinki Watch Committee']);
  // Look-alikes: ZEMO is its own body; the Zembla Executive Committee's missions are called
  // "the Election Monitoring Organization of Zembla" in the press.
  r.addOrganization('zemo', ['Zembla Election Monitoring Organization', 'ZEMO']);
  r.addOrganization('zb-exec', ['Executive Committee of Zembla', 'Election Monitoring Organization of Zembla']);
  r.rebuildOrganizationIndex();

  r.addPerson('p-dzh', ['Aleksey Dzhugarov']);
  r.addPerson('p-ivan1', ['Ivan Petrov']);
  r.addPerson('p-ivan2', ['Ivan Petrov']);
  return r;
}

const idOf = (r: Resolution) => (r.kind === 'match' ? r.match.id : r.kind);
const how = (r: Resolution) => (r.kind === 'match' ? `${r.match.id}/${r.match.method}` : r.kind);

let r: Reconciler;
beforeEach(() => {
  r = world();
});

describe('areas', () => {
  it('resolves case, Cyrillic, legal-form and ISO-code variants of a country exactly', () => {
    for (const name of ['Zembla', 'zembla', 'Republic of Zembla', 'Зембла', 'THE REPUBLIC OF ZEMBLA']) {
      expect(r.resolveArea(name), name).toMatchObject({ id: 'zembla', method: 'exact', score: 1 });
    }
    // A two-letter ISO code, and a romanisation of the Russian name.
    expect(r.resolveArea('RT')).toEqual({ id: 'ruritania', method: 'exact', score: 1, matched: 'RT' });
    // "Руритания" romanises to "ruritaniya"; the press spelling "Ruritaniya" finds it exactly.
    expect(r.resolveArea('Ruritaniya')).toMatchObject({ id: 'ruritania', method: 'exact', matched: 'Руритания' });
  });

  it('resolves romanisation variants phonetically and misspellings by one edit', () => {
    expect(r.resolveArea('Khodjigrad')).toMatchObject({ id: 'khodzhigrad', method: 'phonetic', score: 0.85 });
    expect(r.resolveArea('Hodzhigrad')).toMatchObject({ id: 'khodzhigrad', method: 'phonetic' });
    expect(r.resolveArea('Ruritamia')).toMatchObject({ id: 'ruritania', method: 'fuzzy', score: 0.7 });
  });

  it('throws AmbiguousNameError for two places of one name, naming both', () => {
    let error: unknown;
    try {
      r.resolveArea('Strelsau');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AmbiguousNameError);
    expect((error as AmbiguousNameError).candidates).toEqual(['Strelsau', 'Strelsau']);
    expect((error as AmbiguousNameError).entityType).toBe('area');
  });

  it('a trailing country, after a comma or in parentheses, picks the place inside it', () => {
    expect(r.resolveArea('Strelsau, Ruritania')?.id).toBe('strelsau-rt');
    expect(r.resolveArea('Strelsau (Zembla)')?.id).toBe('strelsau-zb');
    expect(r.resolveArea('Strelsau, RT')?.id).toBe('strelsau-rt');
    expect(r.resolveArea('Khodzhigrad, Zembla')?.id).toBe('khodzhigrad'); // two levels down
    expect(r.resolveArea('Khodzhigrad, Ruritania')).toBeNull(); // exists, but not there
    expect(r.resolveArea('Atlantis')).toBeNull();
  });

  it('knows what lies within what, and the country of a place', () => {
    expect(r.isWithin('khodzhigrad', 'zembla')).toBe(true);
    expect(r.isWithin('zembla', 'zembla')).toBe(true);
    expect(r.isWithin('zembla', 'khodzhigrad')).toBe(false);
    expect(r.countryOf('khodzhigrad')?.id).toBe('zembla');
    expect(r.countryOf('ostrovia')?.id).toBe('ostrovia'); // a de-facto state is its own "country"
  });
});

describe('organizations', () => {
  it('an acronym with a country matches the spelled-out name ("CEC of Zembla")', () => {
    for (const name of ['CEC of Zembla', 'Zembla CEC', 'CEC of the Republic of Zembla']) {
      expect(how(r.resolveOrganization(name)), name).toBe('cec-zb/acronym');
    }
    expect(how(r.resolveOrganization('CEC of Ruritania'))).toBe('cec-rt/acronym');
  });

  it('a bare acronym shared by two bodies is ambiguous, never guessed', () => {
    const res = r.resolveOrganization('CEC');
    expect(res.kind).toBe('ambiguous');
    if (res.kind === 'ambiguous') expect(res.candidates.map((c) => c.id).sort()).toEqual(['cec-rt', 'cec-zb']);
  });

  it('a known acronym substitutes for the spelled-out body inside a longer name (token level)', () => {
    expect(how(r.resolveOrganization('AEM Executive Committee'))).toBe('aem-exec/tokens');
    expect(how(r.resolveOrganization('Executive Committee of AEM'))).toBe('aem-exec/tokens');
    // The body itself stays separate from its committee.
    expect(how(r.resolveOrganization('AEM'))).toBe('aem/exact');
    expect(how(r.resolveOrganization('Association of Election Monitors'))).toBe('aem/exact');
    // Reordered words match at the same level.
    expect(how(r.resolveOrganization('Committee Watch Helsinki Ruritanian'))).toBe('hw/tokens');
  });

  it('romanisation variants match phonetically and misspellings within the edit budget', () => {
    expect(how(r.resolveOrganization('Ruritanian Khelsinki Watch Committee'))).toBe('hw/phonetic');
    // Derived forms of a word are the same word: a stem key at the token level.
    expect(how(r.resolveOrganization('Ruritanian Helsinky Watch Committees'))).toBe('hw/tokens');
    // 15+ characters: two edits allowed.
    expect(how(r.resolveOrganization('Ruritanian Helsinkk Watch Comittee'))).toBe('hw/fuzzy');
    expect(r.resolveOrganization('Ruritanian Watchers')).toEqual({ kind: 'none' });
  });

  it('look-alikes judged NOT_SAME stay apart: each name resolves to its own record', () => {
    expect(how(r.resolveOrganization('ZEMO'))).toBe('zemo/exact');
    expect(how(r.resolveOrganization('Zembla Election Monitoring Organization'))).toBe('zemo/exact');
    expect(how(r.resolveOrganization('Election Monitoring Organization of Zembla'))).toBe('zb-exec/exact');
    // A press variant of the look-alike's name goes to the Executive Committee, not to ZEMO.
    expect(idOf(r.resolveOrganization('Organization for Election Monitoring in Zembla'))).toBe('zb-exec');
    expect(idOf(r.resolveOrganization('the Election Monitoring Organisation of Zembla'))).toBe('zb-exec');
  });

  // BUG: once a bare acronym ("NEC") is an alias, the spelled-out name keys as that acronym
  // alone and loses its country token, so "NEC of Ruritania" — which resolved before the
  // alias was added — no longer resolves. Adding an alias should never lose a match.
  it.fails('a country-qualified acronym still resolves after the bare acronym becomes an alias', () => {
    const before = new Reconciler();
    before.addArea(area('ruritania', 'Ruritania', 'COUNTRY', 'RT'));
    before.addOrganization('nec', ['National Electoral Council of Ruritania']);
    before.rebuildOrganizationIndex();
    expect(idOf(before.resolveOrganization('NEC of Ruritania'))).toBe('nec'); // holds

    const after = new Reconciler();
    after.addArea(area('ruritania', 'Ruritania', 'COUNTRY', 'RT'));
    after.addOrganization('nec', ['National Electoral Council of Ruritania', 'NEC']);
    after.rebuildOrganizationIndex();
    expect(idOf(after.resolveOrganization('NEC of Ruritania'))).toBe('nec'); // fails: none
  });
});

describe('persons', () => {
  it('resolves romanisation variants of a Russian name phonetically', () => {
    expect(how(r.resolvePerson('aleksey dzhugarov'))).toBe('p-dzh/exact');
    expect(how(r.resolvePerson('Alexey Dzhugarov'))).toBe('p-dzh/phonetic');
    expect(how(r.resolvePerson('Aleksei Djugarov'))).toBe('p-dzh/phonetic');
  });

  it('never fuzzy-matches persons, and two people of one name are ambiguous', () => {
    expect(r.resolvePerson('Aleksey Dzhugarow')).toEqual({ kind: 'none' });
    const res = r.resolvePerson('Ivan Petrov');
    expect(res.kind).toBe('ambiguous');
    if (res.kind === 'ambiguous') expect(res.candidates.map((c) => c.id)).toEqual(['p-ivan1', 'p-ivan2']);
  });
});
