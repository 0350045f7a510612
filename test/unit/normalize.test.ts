/** Name normalisation: folding, stopwords, the phonetic romanisation key, bounded edit distance. */
import { describe, expect, it } from 'vitest';
import { contentWords, editDistance, fold, normalizeName, phoneticKey, romanize, slug } from '../../src/reconcile/normalize.js';

describe('romanize and fold', () => {
  it('transliterates Russian, Ukrainian and Kazakh Cyrillic letter by letter and lower-cases', () => {
    expect(romanize('Кишинёв')).toBe('kishinev');
    expect(romanize('Дніпро')).toBe('dnipro');
    expect(romanize('Қазақстан')).toBe('kazakstan');
    expect(romanize('Щучье')).toBe('shchuche'); // щ → shch, ь → ''
    expect(romanize('Zembla')).toBe('zembla'); // Latin passes through
  });

  it('drops diacritics (including ł, ø, ß), quotes and wiki markup; punctuation becomes single spaces', () => {
    expect(fold('Ştefan Vodă')).toBe('stefan voda');
    expect(fold('Łódź')).toBe('lodz');
    expect(fold('Søndre Straße')).toBe('sondre strasse');
    expect(fold("Côte d'Ivoire")).toBe('cote divoire');
    expect(fold('  «Голос»  ')).toBe('golos');
    expect(fold('Election<nowiki/> Commission')).toBe('election commission');
    expect(fold('Bosnia & Herzegovina -- (BiH)')).toBe('bosnia herzegovina bih');
    // slug: the folded form, hyphenated, articles kept
    expect(slug('The Republic of Moldova')).toBe('the-republic-of-moldova');
  });
});

describe('normalizeName', () => {
  it('drops articles, prepositions and conjunctions, keeps legal-form words, and unifies case and punctuation', () => {
    expect(contentWords('The Republic of Zembla')).toEqual(['republic', 'zembla']);
    expect(normalizeName('Office for Democratic Institutions and Human Rights')).toBe('office democratic institutions human rights');
    // One key for case, punctuation and article variants of a name.
    const variants = [
      'Union of Ruritanian Observers',
      'union of ruritanian observers',
      'The Union of Ruritanian Observers',
      'Union, Ruritanian Observers!',
    ];
    expect(new Set(variants.map(normalizeName))).toEqual(new Set(['union ruritanian observers']));
  });
});

describe('phoneticKey', () => {
  it('maps romanisation variants of Russian names to one key and keeps different names apart', () => {
    const groups: [string[], string][] = [
      [['Tadzhikistan', 'Tadjikistan', 'Tajikistan'], 'tajikistan'],
      [['Aleksey', 'Alexei', 'Alexey'], 'aleksei'],
      [['Zhukovskiy', 'Jukovsky'], 'jukovski'],
      [['Mariya', 'Maria'], 'maria'],
      [['Khabarovsk', 'Habarovsk'], 'habarovsk'],
      [['Kirgiziya', 'Kirgizia'], 'kirgizia'],
      [['Kazzan', 'Kazan'], 'kazan'], // doubled letters collapse
    ];
    for (const [names, key] of groups) for (const n of names) expect(phoneticKey(n), n).toBe(key);
    // Genuinely different names stay apart.
    expect(phoneticKey('Kazan')).not.toBe(phoneticKey('Kasan'));
    expect(phoneticKey('Ivanov')).not.toBe(phoneticKey('Ivanova'));
  });
});

describe('editDistance', () => {
  it('computes Levenshtein distance within the bound', () => {
    expect(editDistance('kishinev', 'kishiney')).toBe(1); // one substitution
    expect(editDistance('kitten', 'sitting')).toBe(3); // k→s, e→i, +g
    expect(editDistance('zembla', 'zembla')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('returns max+1 as soon as the distance exceeds the bound', () => {
    expect(editDistance('a', 'abcdef')).toBe(4); // length difference 5 > default max 3
    expect(editDistance('abcdef', 'ghijkl')).toBe(4); // true distance 6, bounded at 3
    expect(editDistance('abcdef', 'ghijkl', 10)).toBe(6);
    expect(editDistance('flaw', 'lawn', 1)).toBe(2); // true distance 2 > max 1
  });
});
