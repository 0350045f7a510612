/** The graded name index and the key functions it is built with. */
import { describe, expect, it } from 'vitest';
import { NameIndex } from '../../src/reconcile/name-index.js';
import { areaKeys, organizationKeys, organizationLookupKeys, personKeys, type OrganizationKeyContext } from '../../src/reconcile/keys.js';

describe('key functions', () => {
  it('area keys strip legal-form words into a token key; person keys take the words in any order', () => {
    expect(areaKeys('Republic of Zembla')).toEqual({
      exact: ['republic zembla'],
      tokens: ['zembla'],
      phonetic: ['republik zembla', 'zembla'],
    });
    expect(areaKeys('Zembla').tokens).toEqual([]); // nothing to strip: no token key
    expect(personKeys('Aleksey Zhukovskiy')).toEqual({
      exact: ['aleksey zhukovskiy'],
      tokens: ['aleksey zhukovskiy'],
      phonetic: ['aleksei jukovski'],
    });
    expect(personKeys('Zhukovskiy Aleksey').tokens).toEqual(personKeys('Aleksey Zhukovskiy').tokens);
  });

  const ctx: OrganizationKeyContext = {
    acronyms: new Map([['association election monitors', 'aem']]),
    areaToken: (phrase) => (phrase === 'zembla' || phrase === 'republic zembla' ? '@zb' : null),
  };

  it('organization token keys substitute known acronyms, so spelled-out and abbreviated names key alike', () => {
    const keys = organizationKeys(ctx);
    const spelled = keys('Executive Committee of the Association of Election Monitors');
    const short = keys('AEM Executive Committee');
    expect(spelled.tokens?.[0]).toBe('aem committee executive');
    expect(short.tokens?.[0]).toBe('aem committee executive');
    expect(spelled.exact).toEqual(['executive committee association election monitors']);
  });

  it('organization acronym keys say which side they come from; lookup keys seek the other side', () => {
    const keys = organizationKeys(ctx);
    const lookup = organizationLookupKeys(ctx);
    // Spelled out: initials c-e-c plus the country token, flavour W.
    expect(keys('Central Election Commission of the Republic of Zembla').acronym).toEqual(['W:@zb cec', 'W:cec']);
    // Written as acronyms: flavour A, and the lookup turns it into the W key above.
    expect(keys('CEC of Zembla').acronym).toEqual(['A:@zb cec']);
    expect(lookup('CEC of Zembla').acronym).toEqual(['W:@zb cec']);
    // A parenthetical is an exact key of its own.
    expect(keys('National Assembly (Zembla)').exact).toEqual(['national assembly', 'zembla']);
  });
});

describe('NameIndex', () => {
  it('stops at the strictest level that matches (an exact name beats a phonetic look-alike) and scores each level', () => {
    const ix = new NameIndex();
    ix.add('kazan', 'Kazan');
    ix.add('kazzan', 'Kazzan'); // same phonetic key "kazan"
    expect(ix.resolve('Kazan')).toEqual({ kind: 'match', match: { id: 'kazan', matched: 'Kazan', method: 'exact', score: 1 } });
    expect(ix.resolve('KAZZAN')).toEqual({ kind: 'match', match: { id: 'kazzan', matched: 'Kazzan', method: 'exact', score: 1 } });
    // Scores: exact 1 > phonetic 0.85 > fuzzy 0.7.
    ix.add('m', 'Mariupolis');
    expect(ix.resolve('mariupolis')).toMatchObject({ kind: 'match', match: { method: 'exact', score: 1 } });
    expect(ix.resolve('Mariupolys')).toMatchObject({ kind: 'match', match: { method: 'phonetic', score: 0.85 } });
    expect(ix.resolve('Mariupolix')).toMatchObject({ kind: 'match', match: { method: 'fuzzy', score: 0.7, matched: 'Mariupolis' } });
  });

  it('reports two entities matching at the same level as ambiguous, with both candidates', () => {
    const ix = new NameIndex();
    ix.add('kazan', 'Kazan');
    ix.add('kazzan', 'Kazzan');
    const r = ix.resolve('Kazzzan'); // no exact key; phonetic "kazan" fits both
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.candidates.map((c) => [c.id, c.method, c.score])).toEqual([
      ['kazan', 'phonetic', 0.85],
      ['kazzan', 'phonetic', 0.85],
    ]);
  });

  it('allows an edit only for names of 7 or more characters by default, and fuzzy matching can be switched off', () => {
    const ix = new NameIndex();
    ix.add('kazan', 'Kazan');
    ix.add('nov', 'Novgorodsk');
    expect(ix.resolve('Kasan')).toEqual({ kind: 'none' }); // 5 letters: budget 0
    expect(ix.resolve('Nowgorodsk')).toMatchObject({ kind: 'match', match: { id: 'nov', method: 'fuzzy' } });
    expect(ix.resolve('Nowgorodsk', { fuzzy: false })).toEqual({ kind: 'none' });
    expect(ix.resolve('Nowgorodsak')).toEqual({ kind: 'none' }); // 2 edits (v→w, +a) > budget 1
  });

  it('prefers the nearer of two fuzzy candidates and is ambiguous between equally near ones', () => {
    const ix = new NameIndex({ fuzzyBudget: () => 2 });
    ix.add('ka', 'Marinovka');
    ix.add('na', 'Marinovna');
    // "marinovny": 1 edit from Marinovna, 2 from Marinovka.
    expect(ix.resolve('Marinovny')).toMatchObject({ kind: 'match', match: { id: 'na', method: 'fuzzy' } });
    // "marinovxa": 1 edit from each.
    const r = ix.resolve('Marinovxa');
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') expect(r.candidates.map((c) => c.id).sort()).toEqual(['ka', 'na']);
  });

  it('forgets a remembered answer when a name is added', () => {
    const ix = new NameIndex();
    expect(ix.resolve('Zembla')).toEqual({ kind: 'none' });
    ix.add('zb', 'Zembla');
    expect(ix.resolve('Zembla')).toMatchObject({ kind: 'match', match: { id: 'zb' } });
  });

  it('after remove, the other entity sharing a key is the only match', () => {
    const ix = new NameIndex();
    ix.add('kazan', 'Kazan');
    ix.add('kazzan', 'Kazzan');
    ix.remove('kazzan');
    expect(ix.resolve('Kazzzan')).toMatchObject({ kind: 'match', match: { id: 'kazan', method: 'phonetic' } });
  });

  // remove() leaves the removed entity's normalised name in the fuzzy length buckets, with no
  // ids; the fuzzy search skips such names, so a farther but live candidate is still found.
  it('after remove, a fuzzy lookup falls through to the remaining entity (the removed name does not shadow it)', () => {
    const ix = new NameIndex({ fuzzyBudget: () => 2 });
    ix.add('ka', 'Marinovka');
    ix.add('na', 'Marinovna');
    ix.remove('na');
    // "marinovny" is 2 edits from Marinovka, within the budget of 2.
    expect(ix.resolve('Marinovny')).toMatchObject({ kind: 'match', match: { id: 'ka', method: 'fuzzy' } });
  });
});

describe('answers remembered across additions', () => {
  it('a name added later changes the answers it affects, and only those', () => {
    const index = new NameIndex();
    index.add('a', 'Association of Election Officials');
    expect(index.resolve('Association of Electon Officials')).toMatchObject({ kind: 'match', match: { id: 'a', method: 'fuzzy' } });
    expect(index.resolve('Civic Initiative')).toEqual({ kind: 'none' });
    // An exact key for another body: the misspelling now names it, exactly.
    index.add('b', 'Association of Electon Officials');
    expect(index.resolve('Association of Electon Officials')).toMatchObject({ kind: 'match', match: { id: 'b', method: 'exact' } });
    // A second body under the same name makes it ambiguous.
    expect(index.resolve('Association of Election Officials')).toMatchObject({ kind: 'match', match: { id: 'a', method: 'exact' } });
    index.add('c', 'Association of Election Officials');
    expect(index.resolve('Association of Election Officials').kind).toBe('ambiguous');
    // A new fuzzy neighbour changes a name that found nothing.
    index.add('d', 'Civic Initiatives');
    expect(index.resolve('Civic Initiative')).toMatchObject({ kind: 'match', match: { id: 'd' } });
  });
});
