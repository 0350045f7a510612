/**
 * Normalisation of names for matching. Spellings in the sources differ in case,
 * diacritics, punctuation, articles, legal-form words and romanisation of Russian;
 * these functions map such variants to one comparable form.
 */

/** Words that carry no identity in a name: articles, prepositions, conjunctions. */
const STOPWORDS = new Set(['the', 'of', 'and', 'for', 'in', 'on', 'to', 'a', 'an', 'at', 'de', 'la', 'le', 'du', 'des']);

/** Cyrillic → Latin, the common (BGN-like) romanisation used in the press. */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  қ: 'k',
  ғ: 'g',
  ң: 'n',
  ө: 'o',
  ү: 'u',
  ұ: 'u',
  һ: 'h',
  ә: 'a',
  ҷ: 'j',
  ӣ: 'i',
  ӯ: 'u',
};

export function romanize(text: string): string {
  // Every letter of the table is in the Cyrillic block.
  return text.toLowerCase().replace(/[\u0400-\u04ff]/g, (ch) => CYRILLIC[ch] ?? ch);
}

/** Lower case, Latin letters without diacritics, words separated by single spaces. */
export function fold(text: string): string {
  return romanize(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/<[^>]*>/g, '') // wiki markup such as <nowiki/>
    .replace(/['’‘`"“”«»]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Content words of a name, in order. */
export function contentWords(text: string): string[] {
  return fold(text)
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w));
}

/** The lookup key of a name: folded, without stopwords. */
export function normalizeName(text: string): string {
  return contentWords(text).join(' ');
}

/**
 * A coarser key that absorbs romanisation variants of Russian names:
 * Tadjikistan/Tajikistan/Tadzhikistan, Aleksey/Alexei, Kirgiziya/Kirgizia, Yerevan/Erevan,
 * Viktor/Victor, Ilyich/Ilich (a soft sign written as y or left out).
 */
export function phoneticKey(text: string): string {
  return normalizeName(text)
    .replace(/\bye/g, 'e') // Yerevan/Erevan, Yelena/Elena, Yevgeny/Evgeny
    .replace(/ck/g, 'k')
    .replace(/c(?![ehiy])/g, 'k') // Victor/Viktor, Nicolai/Nikolai (ch and soft c stay)
    .replace(/x/g, 'ks')
    .replace(/(dzh|dj|zh)/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/iy(a|e|u)/g, 'i$1')
    .replace(/y/g, 'i')
    .replace(/ii\b/g, 'i')
    .replace(/ei\b/g, 'ei')
    .replace(/(.)\1+/g, '$1');
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance exceeds max. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** A URL- and key-safe slug. */
export function slug(text: string): string {
  return fold(text).replace(/ /g, '-');
}

/**
 * Whether text holds a NUL byte or another control character (tab and line breaks aside): never
 * part of real text, PostgreSQL cannot store a NUL, and the others break CSV tools downstream.
 */
export function hasControlCharacter(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}
