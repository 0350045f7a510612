/**
 * THE rules of the verdict coder, as data.
 *
 * Everything the coder knows about observer language is in this file: phrase rules
 * (what a phrase signals on the 1..5 scale and how much it counts), cue words that
 * modify a nearby phrase (negation, doubt, contrast, hedges, intensifiers, softeners,
 * forward-looking "should/towards" language), NOT_OBSERVED phrases and hints from the
 * statement kind. coder.ts only applies them.
 *
 * How to extend
 * - Write rules from the genre's stock vocabulary, not from one test sentence. Prefer a
 *   short phrase that recurs across missions ("fell short of", "met most commitments")
 *   over a quote-specific string.
 * - `score` is what the phrase signals when asserted plainly: 5 ENDORSED ... 1 CONDEMNED.
 *   Negation/doubt/intensity are applied by cues, so do NOT write "not free" as a rule:
 *   "free" + the negation cue "not" already yields it. Exception: fixed negative idioms
 *   whose meaning is not the flip of a positive term ("did not meet", "fell short of",
 *   "did not affect the results", "не нарушили стандарты") are rules of their own and
 *   are marked `negatable: false` (their negation word is part of the phrase).
 * - `weight`: 3 = headline verdict formula (compliance with commitments, legitimacy,
 *   will of the people), 2 = strong descriptor, 1 = procedural detail.
 * - `score: null` makes a blocker: it consumes text that looks evaluative but only
 *   names a standard ("standards for democratic elections"), so the words inside it
 *   are not counted. Blockers win like any other match: the longest match wins.
 * - Russian: match stems with `\p{L}*` endings (прозрачн\p{L}* covers прозрачными,
 *   прозрачно, прозрачность ...). Matching is case-insensitive and ё is folded to е.
 * - Bump CODER_VERSION in coder.ts whenever this file changes.
 */

export type Lang = 'en' | 'ru';

/** How cue words near a phrase may move its score. */
export type IntensifyMode =
  /** push away from 3 (default): "serious violations" 2→1, "absolutely in line" 4→5 */
  | 'away'
  /** push upwards only (progress language): "substantially closer" 3→4 */
  | 'up'
  /** degree words (intensifiers and softeners) never apply */
  | 'none';

export interface PhraseRule {
  id: string;
  lang: Lang;
  pattern: RegExp;
  /** 1..5 as asserted; null = blocker (neutral, just consumes its span). */
  score: number | null;
  weight: number;
  intensify?: IntensifyMode;
  /** Clamp after intensifiers/hedges (e.g. progress never reaches ENDORSED). */
  minScore?: number;
  maxScore?: number;
  /** False when the phrase already contains its own negation. Default true. */
  negatable?: boolean;
  /** The score when negated, if not the mirror image: "not in line with standards" is CRITICAL, not CONDEMNED (codebook R9). */
  negatedScore?: number;
  /** Marks a NOT_OBSERVED phrase instead of an evaluative one. */
  notObserved?: boolean;
  /** Says the body did deploy (an assessment mission, limited observation): overrides a "declined" kind (codebook R8). */
  deployed?: boolean;
  /**
   * A secondary formula (codebook R3): "violations did not affect the results", "in accordance with
   * national law", "no serious violations". It decides only when no primary headline formula is present.
   */
  secondary?: boolean;
  /** A comparison with earlier elections or progress (codebook R5): it decides only when it is all there is. */
  comparison?: boolean;
  /** A tone marker ("regrettably"): it leans a finding, and alone it assesses nothing (codebook R15). */
  tone?: boolean;
  /** Problem words: negated ("no serious violations"), the absence of problems is the R3 formula, weighty but secondary. */
  absence?: boolean;
  /** Why the rule exists / what it is meant to catch. */
  note?: string;
}

/** A cue class: words or short phrases that modify phrases in a window around them. */
export type CueKind =
  | 'negation' // flips: "not", "cannot", "lack of", "не", "без", "отсутствие"
  | 'deficit' // "lack of", "insufficient", "отсутствие", "недостаточная": a positive term under it is CRITICAL, not CONDEMNED (codebook R12)
  | 'postNegation' // negation written after the noun: "нарушений не выявлено"
  | 'doubt' // softer than negation: "doubts over", "сомнения в"
  | 'limiter' // "fully"/"в полной мере" under negation: "not fully democratic" = partly
  | 'contrast' // "however", "nevertheless", "однако", "тем не менее", "хотя"
  | 'hedge' // trims extremes: "generally", "largely", "в целом"
  | 'softener' // one step towards MIXED: "some", "minor", "отдельные"
  | 'posIntensifier' // "very", "fully", "absolutely", "полностью"
  | 'negIntensifier' // "serious", "massive", "considerable number", "массовые"
  | 'upIntensifier' // for progress language: "significant progress", "substantially closer"
  | 'prospective' // goals and recommendations, not findings: "to ensure", "should", "towards"
  | 'purpose' // a goal infinitive that governs the rest of its clause: "in order to", "it is necessary to create"
  | 'withheld' // the speaker declines to affirm what follows: "cannot say that", "нет оснований утверждать, что" (a doubt over the clause)
  | 'concession' // "despite", "with the exception of", "несмотря на": what the phrase concedes is not the finding
  | 'hypothetical' // "(violations) which could have called into question ...": a condition, not a finding
  | 'denied' // indirect negation over the clause that follows: "I do not think that ...", "не похоже, чтобы ..."
  | 'postDoubt' // a doubt written after its subject: "the legitimacy of the vote was questioned"
  | 'conclusion' // a modal that states a conclusion, not a goal: "should be considered illegitimate", "следует признать"
  | 'remedy'; // "(none of the concerns) were addressed": a negation that denies the remedy, not the problem

// ---------------------------------------------------------------------------------------
// Pattern helpers
// ---------------------------------------------------------------------------------------

/** One word token (letters/digits, inner apostrophes and hyphens). */
const WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*";

/** Up to `max` intervening words (lazy), commas allowed between them. */
function gap(max: number): string {
  return `(?:${WORD}[\\s,]+){0,${max}}?`;
}

/**
 * Compiles a rule pattern that ends at a Unicode-aware word boundary (JS `\b` is ASCII-only,
 * which would break Cyrillic). Case-insensitive, global, Unicode. Read it with `wordMatches`,
 * which also holds it to start at a word's start.
 */
export function re(source: string): RegExp {
  return new RegExp(`(?:${source})(?![\\p{L}\\p{N}])`, 'giu');
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Whether a letter or digit stands just before `index` (a whole code point, surrogate pairs included). */
function wordCharBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const low = text.charCodeAt(index - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(from) ?? 0));
}

/**
 * The non-empty matches of a pattern compiled by `re` that start at a word's start, as a leading
 * `(?<![\p{L}\p{N}])` would find them. Checked here rather than in the pattern: the engine
 * scans a pattern that opens with a lookbehind about twice as slowly. A match found inside a word
 * is dropped and the search goes on from the next character, so none at a later start is missed.
 */
export function* wordMatches(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (wordCharBefore(text, m.index)) pattern.lastIndex = m.index + 1;
    else if (m[0].length === 0) pattern.lastIndex = m.index + 1;
    else yield m;
  }
}

/** Alternation helper for readability. */
function any(...alternatives: string[]): string {
  return alternatives.map((a) => `(?:${a})`).join('|');
}

// Vocabulary shared by several rules.
const EN_STD = '(?:commitments?|standards?|norms?|obligations?|principles?|requirements?|criteria|benchmarks?)';
const RU_STD = '(?:стандарт|норм|требовани|принцип|обязательств|критери|положени)\\p{L}*';
const RU_LAW = '(?:законодательств|закон|конституци|кодекс)\\p{L}*';
/** Quantifiers that grade compliance ("met most/many/some commitments"); see the graded rules. */
const EN_QUANT =
  '(?:most|many|some|several|certain|a\\s+number|a\\s+(?:considerable|significant|large)\\s+number|the\\s+majority|the\\s+bulk|a\\s+few)(?![\\p{L}])';
/** Problem nouns a mission concedes before saying they "did not affect the results". */
const EN_PROBLEM_NOUNS = '(?:violations?|irregularit(?:y|ies)|shortcomings?|deficienc(?:y|ies)|infringements?|problems?|flaws?)';
const RU_PROBLEM_NOUNS = '(?:нарушени|недостатк|недочет|изъян|проблем)\\p{L}*';
const EN_DEMO_ADJ = '(?:democratic|free|fair|competitive|genuine|transparent)';
const RU_DEMO_ADJ = '(?:демократическ|свободн|честн|справедлив)\\p{L}*';

// ---------------------------------------------------------------------------------------
// English phrase rules
// ---------------------------------------------------------------------------------------

const EN_RULES: PhraseRule[] = [
  // --- blockers: evaluative words that only name a standard or a goal -----------------
  {
    id: 'en.block.standard-for-elections',
    lang: 'en',
    score: null,
    weight: 0,
    pattern: re(
      `(?<=${EN_STD}\\s+(?:${WORD}\\s+){0,3})(?:for|of|on)\\s+(?:a\\s+|the\\s+)?(?:genuinely\\s+|genuine\\s+|truly\\s+)?(?:holding\\s+|conducting\\s+)?${EN_DEMO_ADJ}(?:\\s+and\\s+${EN_DEMO_ADJ})?\\s+(?:elections?|election\\s+process|electoral\\s+process|voting|process)`,
    ),
    note: '"standards for democratic elections" names the yardstick, not the verdict',
  },
  {
    id: 'en.block.essential-for',
    lang: 'en',
    score: null,
    weight: 0,
    pattern: re(
      `(?<=(?:essential|central|necessary|needed|required|conducive|key|important|basis|foundations?|grounds?|framework|conditions?|prerequisites?)\\s+)(?:for|to)\\s+(?:a\\s+|the\\s+)?(?:genuinely\\s+|truly\\s+)?${EN_DEMO_ADJ}\\s+(?:elections?|election\\s+process|electoral\\s+process|process)`,
    ),
    note: '"commitments essential for a genuinely democratic election process"',
  },

  {
    id: 'en.block.name',
    lang: 'en',
    score: null,
    weight: 0,
    pattern: re(
      any(
        // a body's or party's name: "Office for Democratic Institutions", "Coalition for Democracy", "Liberal Democratic Party"
        `(?:office|bureau|institute|cent(?:re|er)|foundation|fund|coalition|alliance|network|association|union|league|committee|council|forum|platform|movement)\\s+for\\s+(?:${WORD}\\s+){0,2}?(?:democratic\\s+institutions|democracy|free\\s+(?:and\\s+fair\\s+)?elections|fair\\s+elections|transparency)`,
        `democratic\\s+(?:party|parties|union|alliance|front|bloc|forces|institutions|movement|development|reforms?|transition|potential|values|opposition)`,
      ),
    ),
    note: '"democratic" in a name or before a topic noun ("democratic institutions", "democratic potential") describes no election',
  },
  {
    id: 'en.block.openness-to-observers',
    lang: 'en',
    score: null,
    weight: 0,
    pattern: re(
      any(
        `(?:authorities|government|officials|hosts|host\\s+country|commission)(?:'s?)?\\s+(?:${WORD}\\s+)?(?:openness|transparency|cooperation|co-operation|hospitality|readiness|willingness)`,
        `(?:authorities|government|officials|hosts)\\s+for\\s+(?:their|its)\\s+(?:${WORD}\\s+)?(?:openness|transparency|cooperation|co-operation|hospitality)`,
        `(?:openness|transparency|cooperation|co-operation|hospitality)\\s+(?:of|from|shown\\s+by|extended\\s+by)\\s+(?:the\\s+)?(?:${WORD}\\s+)?(?:authorities|government|officials|hosts)`,
      ),
    ),
    note: '"the authorities\' openness", "cooperation of the authorities": the hosts\' conduct towards the observers, not the election (codebook R12)',
  },
  {
    id: 'en.block.election-requires',
    lang: 'en',
    score: null,
    weight: 0,
    pattern: re(
      `an?\\s+(?:genuinely\\s+|truly\\s+)?${EN_DEMO_ADJ}(?:\\s+and\\s+${EN_DEMO_ADJ})?\\s+(?:election|vote|electoral\\s+process|ballot)\\s+(?:depends|relies|rests|requires|presupposes|needs|demands|means|is\\s+one|is\\s+impossible|cannot)`,
    ),
    note: '"A free election depends on ...": a definition names the yardstick, it assesses nothing',
  },
  {
    id: 'en.block.topic-nouns',
    lang: 'en',
    score: null,
    weight: 0,
    pattern: re(
      any(
        `(?:peaceful|calm|democratic)(?:\\s*,\\s*|\\s+and\\s+)(?:peaceful|prosperous|stable|secure|democratic|free|independent|united|modern|open|just|better)\\s+(?:future|society|country|nation|state|settlement|resolution|transition|development|path|coexistence)`,
        `(?:to|for|of|in|into|on)\\s+the\\s+democratic\\s+(?:process|processes|path|development)`,
        `peaceful\\s+(?:and\\s+lasting\\s+)?(?:settlement|resolution|future|coexistence|transition|transfer|protests?|demonstrations?|assembly|assemblies|means|solution|dialogue)`,
        `(?:possible|potential|suspected|alleged)\\s+(?:${WORD}\\s+)?(?:violations?|irregularit(?:y|ies)|infringements?)`,
        `(?:prevent(?:ion\\s+of|ing)?|detect(?:ion\\s+of|ing)?|hotlines?\\s+for|map\\s+of|database\\s+of)\\s+(?:the\\s+)?(?:electoral\\s+)?(?:violations|irregularities)`,
      ),
    ),
    note: 'topics, not findings: "a peaceful settlement", "a democratic and prosperous future", "alleged violations" (complaints received), "the prevention of violations" (codebook R7, R15)',
  },
  {
    id: 'en.block.about-observers',
    lang: 'en',
    score: null,
    weight: 0,
    pattern: re(
      any(
        `(?:accus\\p{L}*|criticis\\p{L}*|criticiz\\p{L}*)\\s+(?:${WORD}\\s+){0,3}?(?:observers?|monitors?|missions?|ODIHR|OSCE)\\s+(?:of\\s+)?(?:${WORD}\\s+){0,2}?(?:bias(?:ed)?|partiality|double\\s+standards?)`,
        `(?:bias|partiality|double\\s+standards?)\\s+(?:of|among)\\s+(?:the\\s+)?(?:${WORD}\\s+)?(?:observers?|monitors?|observation\\s+missions?)`,
      ),
    ),
    note: 'criticism of the observers, not of the election (codebook R15)',
  },
  {
    id: 'en.block.remedied',
    lang: 'en',
    score: null,
    weight: 0,
    pattern: re(
      `${EN_PROBLEM_NOUNS}\\s+(?:${WORD}\\s+){0,2}?(?:were|was|have\\s+been|had\\s+been)\\s+(?:promptly\\s+|immediately\\s+|quickly\\s+)?(?:corrected|remedied|rectified|resolved|eliminated|fixed)`,
    ),
    note: 'a problem reported as put right is an incident, not a finding (codebook R7)',
  },
  // --- compliance with commitments: the headline ODIHR/PACE/CIS formula ---------------
  {
    id: 'en.compliance.full',
    lang: 'en',
    score: 5,
    weight: 3,
    negatedScore: 2,
    pattern: re(
      `(?:fully\\s+|entirely\\s+|completely\\s+)?(?:met|meets|meeting|complied\\s+with|compl(?:y|ies)\\s+with|(?:in\\s+)?(?:full\\s+)?(?:line|accordance|compliance|conformity|keeping)\\s+with|conform(?:s|ed)?\\s+to|consistent\\s+with|respected|upheld|li(?:ve|ved|ves|ving)\\s+up\\s+to)[\\s,]+(?!${EN_QUANT}|neither|none|no(?![\\p{L}]))${gap(10)}${EN_STD}`,
    ),
    note: '"in line with international standards", "met OSCE commitments"',
  },
  {
    id: 'en.compliance.most',
    lang: 'en',
    score: 4,
    weight: 3,
    pattern: re(
      any(
        `(?:met|meets|meeting|complied\\s+with|compl(?:y|ies)\\s+with|(?:in\\s+)?(?:line|accordance)\\s+with)\\s+(?:most|the\\s+majority|the\\s+bulk)\\s+(?:of\\s+)?${gap(5)}${EN_STD}`,
        `(?:generally|largely|mostly|broadly|overall|substantially|on\\s+the\\s+whole|by\\s+and\\s+large|in\\s+most\\s+respects)\\s+(?:met|meets|meeting|complied\\s+with|compl(?:y|ies)\\s+with|in\\s+(?:line|accordance|compliance|conformity|keeping)\\s+with|consistent\\s+with|respected)(?:[\\s,]+${gap(6)}${EN_STD})?`,
      ),
    ),
    note: '"generally in line with", "met most commitments", "largely in line"',
  },
  {
    id: 'en.compliance.partial',
    lang: 'en',
    score: 3,
    weight: 3,
    pattern: re(
      any(
        `(?:met|meets|meeting|complied\\s+with|compl(?:y|ies)\\s+with)\\s+(?:many|some|several|certain|a\\s+number)\\s+(?:of\\s+)?${gap(7)}${EN_STD}`,
        `(?:partly|partially|in\\s+part)\\s+(?:met|meets|meeting|complied\\s+with|compl(?:y|ies)\\s+with|in\\s+(?:line|accordance)\\s+with)(?:[\\s,]+${gap(6)}${EN_STD})?`,
      ),
    ),
    note: 'graded ODIHR wording: all > most > many/some',
  },
  {
    id: 'en.noncompliance',
    lang: 'en',
    score: 2,
    weight: 3,
    negatable: false,
    pattern: re(
      `(?:${any(
        "(?:did|does|do)\\s+not|didn't|doesn't|don't|failed\\s+to|fails?\\s+to",
      )})\\s+(?:fully\\s+|entirely\\s+|yet\\s+)?(?:meet|comply\\s+with|respect|fulfil+|honou?r|conform\\s+to)` +
        `(?:[\\s,]+${gap(8)}${EN_STD}|\\s+(?:(?:a\\s+)?(?:considerable|significant|large|great)\\s+number|a\\s+number|some|many|most|several|certain|key|a\\s+few|important))?` +
        // "met neither the standards ... nor ...": the negation sits after the verb
        `|(?:met|meets?|fulfill?ed|complied\\s+with|compl(?:y|ies)\\s+with)\\s+(?:neither|none\\s+of)(?:[\\s,]+${gap(8)}${EN_STD})?` +
        `|(?:fell|falls?|fallen|falling)\\s+short\\s+of(?:[\\s,]+${gap(8)}${EN_STD}|\\s+(?:(?:a\\s+)?(?:considerable|significant|large|great)\\s+number|a\\s+number|some|many|most|several|certain|key|a\\s+few|important))?` +
        `|(?:was|were|is|are)\\s+not\\s+in\\s+(?:line|accordance|compliance|conformity)\\s+with(?:[\\s,]+${gap(6)}${EN_STD})?` +
        `|(?:run|runs|ran)\\s+counter\\s+to(?:[\\s,]+${gap(6)}${EN_STD})?` +
        // "OSCE commitments were not fulfilled", "contrary to OSCE commitments"
        `|${EN_STD}\\s+${gap(6)}(?:were|was|have\\s+been|has\\s+been)\\s+not\\s+(?:fully\\s+)?(?:fulfill?ed|honou?red|met|respected|implemented|upheld)` +
        `|(?:contrary\\s+to|at\\s+odds\\s+with|inconsistent\\s+with|incompatible\\s+with)(?:[\\s,]+${gap(6)}${EN_STD})`,
    ),
    intensify: 'none',
    note: '"did not meet a (considerable) number of OSCE commitments", "fell short of": CRITICAL whatever the quantifier (codebook R9); only wholesale-rejection words make it CONDEMNED',
  },
  {
    id: 'en.standards-violated',
    lang: 'en',
    score: 2,
    weight: 3,
    absence: true,
    intensify: 'none',
    pattern: re(`(?:violations?|breach(?:es)?|infringements?|disregard)\\s+(?:of|for)\\s+${gap(6)}${EN_STD}`),
    note: '"held with violations of the standards of fair and democratic elections": the non-compliance family (codebook R9); "no violations of international standards were found" is the R3 absence',
  },
  {
    id: 'en.legality',
    lang: 'en',
    score: 4,
    weight: 2,
    pattern: re(
      `(?:in\\s+(?:full\\s+)?(?:accordance|compliance|conformity|line)\\s+with|complied\\s+with|compl(?:y|ies)\\s+with|held\\s+according\\s+to)\\s+(?:the\\s+)?${gap(2)}(?:law|laws|legislation|constitution|electoral\\s+code|election\\s+code|election\\s+law)`,
    ),
    secondary: true,
    note: 'legal compliance is weaker than compliance with democratic standards; alone LARGELY_POSITIVE (codebook anchors)',
  },
  {
    id: 'en.no-effect-on-result',
    lang: 'en',
    score: 4,
    weight: 3,
    negatable: false,
    intensify: 'none', // "some violations did not affect the result" is not weaker for "some"
    pattern: re(
      `(?:${EN_PROBLEM_NOUNS}[\\s,]+${gap(5)})?(?:(?:did|do|does|could|can|would|will)\\s+not|didn't|doesn't|couldn't|cannot|can't|wouldn't|won't|were\\s+not\\s+(?:of\\s+a\\s+nature|such\\s+as|sufficient)\\s+to|not\\s+(?:of\\s+a\\s+nature|serious\\s+enough)\\s+to|(?:not|without)(?=\\s+(?:significantly\\s+|materially\\s+|substantially\\s+|seriously\\s+)?(?:affecting|influencing|impacting|changing|altering)))\\s+(?:have\\s+)?(?:significantly\\s+|materially\\s+|substantially\\s+|seriously\\s+)?(?:affect(?:ed|ing)?|influenc(?:e|ed|ing)|impact(?:ed|ing)?|chang(?:e|ed|ing)|alter(?:ed|ing)?|call\\s+into\\s+question|undermine[d]?)\\s+${gap(4)}(?:results?|outcome|free\\s+choice|will|expression|integrity|legitimacy)`,
    ),
    secondary: true,
    note: 'CIS-mission formula: "(violations ...) did not affect the results"; the conceded problems are part of the formula, not separate evidence',
  },
  {
    id: 'en.will-of-people',
    lang: 'en',
    score: 5,
    weight: 3,
    pattern: re(
      any(
        `(?:reflect(?:s|ed|ing)?|express(?:es|ed|ing)?|expression\\s+of|correspond(?:s|ed)?\\s+to)\\s+(?:${WORD}\\s+){0,3}?will\\s+of\\s+(?:the\\s+)?(?:${WORD}\\s+)?(?:people|voters|electorate|citizens|nation)`,
        `(?:freely|fully)\\s+express(?:ed|ing)?\\s+(?:their|the|its)\\s+(?:${WORD}\\s+)?will`,
        `free(?:ly)?\\s+(?:expression|expressed)\\s+(?:of\\s+)?(?:the\\s+)?(?:${WORD}\\s+)?will`,
      ),
    ),
    note: '"reflects the will of the people"',
  },
  {
    id: 'en.respect-for-rights',
    lang: 'en',
    score: 4,
    weight: 2,
    pattern: re(
      any(
        `respect\\s+for\\s+(?:${WORD}\\s+){0,3}?(?:rights|freedoms)`,
        `(?:rights|freedoms)\\s+(?:${WORD}\\s+){0,4}?(?:were|was|are|is)\\s+(?:${WORD}\\s+)?(?:respected|upheld|observed)`,
        `(?:respected|upheld)\\s+(?:${WORD}\\s+){0,3}?(?:rights|freedoms)`,
      ),
    ),
    note: '"respect for fundamental rights", "rights were respected"',
  },
  {
    id: 'en.trust',
    lang: 'en',
    score: 4,
    weight: 2,
    pattern: re(
      any(
        `(?:high|considerable|broad|strong|wide)\\s+(?:degree|level)?\\s*(?:of\\s+)?(?:public\\s+)?(?:trust|confidence)`,
        `(?:enjoy(?:ed|ing|s)?|earned|expressed)\\s+(?:the\\s+|a\\s+high\\s+(?:level|degree)\\s+of\\s+)?(?:trust|confidence)`,
      ),
    ),
    note: '"a high degree of trust in the impartiality of the election administration"',
  },
  {
    id: 'en.consolidation',
    lang: 'en',
    score: 4,
    weight: 3,
    pattern: re(
      `(?:further\\s+)?consolidat\\p{L}*\\s+(?:of\\s+)?(?:the\\s+)?(?:${WORD}\\s+){0,2}?(?:democra\\p{L}*|breakthrough|progress|gains|achievements|reforms)`,
    ),
    note: '"further consolidation of the democratic process"',
  },
  {
    id: 'en.progress',
    lang: 'en',
    score: 3,
    weight: 2,
    intensify: 'up',
    maxScore: 4,
    comparison: true,
    pattern: re(
      any(
        `progress(?:ed)?(?:\\s+${gap(4)}towards?\\s+(?:meeting|fulfilling|holding|complying\\s+with|achieving|democratic)?\\s*(?:${WORD}[\\s,]+){0,5}?(?:${EN_STD}|elections?|democracy)|\\s+(?:in|of)\\s+(?:${WORD}\\s+){0,3}?(?:democratic\\s+(?:movement|development|process|reforms?|transition)|democrati[sz]ation))?`,
        `closer\\s+to\\s+(?:meeting|fulfilling|holding|complying\\s+with|achieving)?\\s*(?:${WORD}[\\s,]+){0,5}?(?:${EN_STD}|elections?|democracy)`,
        `steps?\\s+(?:forward|towards?\\s+(?:${WORD}[\\s,]+){0,5}?(?:${EN_STD}|elections?|democracy))`,
      ),
    ),
    note: 'progress is relative: "tangible progress towards meeting" = MIXED, "substantially closer" = LARGELY_POSITIVE, never ENDORSED',
  },
  {
    id: 'en.improvement',
    lang: 'en',
    score: 3,
    weight: 2,
    intensify: 'none',
    maxScore: 3,
    comparison: true,
    pattern: re(
      any(
        `improve(?:ment|ments|d)(?:\\s+(?:over|on)\\s+(?:the\\s+)?(?:${WORD}\\s+){0,4}?(?:elections?|polls?|votes?))?`,
        `(?:increases?|improvements?|gains?)\\s+in\\s+(?:the\\s+)?(?:${WORD}\\s+){0,2}?(?:transparency|fairness|freedom|openness|competitiveness|pluralism)(?:\\s+and\\s+(?:transparency|fairness|freedom|openness|competitiveness|pluralism))?`,
        `(?:better|calmer|quieter|fairer|freer|cleaner|fewer\\s+${WORD}|more\\s+${WORD}|less\\s+${WORD})\\s+(?:${WORD}\\s+){0,3}?than\\s+(?:in\\s+|at\\s+|during\\s+)?(?:the\\s+)?(?:previous|last|earlier|past|first|prior|\\d{4})`,
        `more\\s+(?:transparent|democratic|competitive|open|free|fair)`,
        `positive\\s+(?:trend|dynamics?|tendency)(?:\\s+${gap(4)}(?:compared|in\\s+comparison)\\s+(?:with|to)\\s+(?:the\\s+)?(?:previous|last|earlier|past|prior)\\s+(?:${WORD}\\s+)?(?:elections?|polls?|votes?))?`,
      ),
    ),
    note: 'a comparison with an earlier election says how far it moved, not how close it came: MIXED whatever the degree word (codebook R5)',
  },
  {
    id: 'en.step-back',
    lang: 'en',
    score: 2,
    weight: 2,
    pattern: re(
      `steps?\\s+back(?:ward|wards)?|backward\\s+step|regress\\p{L}*|backslid\\p{L}*|deteriorat\\p{L}*|setbacks?|missed\\s+(?:an\\s+)?opportunit(?:y|ies)` +
        // progress undone: "democratic progress appears to have reversed"
        `|(?:democratic\\s+)?(?:progress|gains|achievements|reforms?)\\s+(?:${WORD}\\s+){0,6}?(?:reversed|stalled|halted|eroded|undone|rolled\\s+back)|revers(?:al|ed)\\s+of\\s+(?:${WORD}\\s+){0,2}?(?:progress|gains)` +
        // "Ukrainians deserved better from these elections" (cf. "a missed opportunity")
        `|deserve[sd]?\\s+better`,
    ),
    note: '"a setback", "a missed opportunity": CRITICAL (codebook R5)',
  },
  {
    id: 'en.free-not-fair',
    lang: 'en',
    score: 2,
    weight: 3,
    negatable: false,
    intensify: 'none',
    pattern: re(`free\\s*,?\\s*but\\s+(?:not|un)\\s*fair`),
    note: '"free but not fair": a failing verdict that concedes voters could vote (codebook R13)',
  },
  {
    id: 'en.good-election',
    lang: 'en',
    score: 5,
    weight: 3,
    pattern: re(
      any(
        `good(?:\\s+and\\s+(?:competitive|genuine|democratic|fair))?\\s+(?:elections?|vote|contest)`,
        `(?:rate[sd]?|assess(?:es|ed)?|regard(?:s|ed)?|consider(?:s|ed)?|describe[sd]?|evaluate[sd]?)\\s+(?:the\\s+)?(?:${WORD}\\s+)?(?:elections?|vote|voting|ballot)\\s+${gap(4)}as\\s+(?:very\\s+)?good`,
      ),
    ),
    note: '"a good and competitive election": an ENDORSED anchor of the codebook',
  },
  {
    id: 'en.term.free-and-fair',
    lang: 'en',
    score: 5,
    weight: 3,
    pattern: re(`free\\s*(?:,|and)?\\s*(?:and\\s+)?fair`),
    note: '"free and fair"; "not free and fair" via negation cue',
  },
  {
    id: 'en.term.free',
    lang: 'en',
    score: 5,
    weight: 2,
    pattern: re(`free(?:ly)?(?!\\s+(?:airtime|air\\s+time|of\\s+charge|time|access|movement))`),
  },
  {
    id: 'en.term.fair',
    lang: 'en',
    score: 5,
    weight: 2,
    negatedScore: 2,
    note: '"not fair" is a CRITICAL formula (codebook, CRITICAL: "was not fair"), unlike "not free" (CONDEMNED)',
    pattern: re(`fair(?:ly|ness)?|honest(?:ly|y)?`),
  },
  {
    id: 'en.term.transparent',
    lang: 'en',
    score: 5,
    weight: 2,
    pattern: re(`transparen(?:t|tly|cy)(?!\\s+(?:ballot|boxes|urns))`),
    note: 'CIS formula "free, open and transparent"; "lack of transparency" via negation',
  },
  {
    id: 'en.term.open',
    lang: 'en',
    score: 5,
    weight: 1,
    // "openly partisan", "openly campaigned": an adverb before a word qualifies that word, not the election
    // "polling stations open at 7 am" is a time, not a verdict (codebook R12)
    pattern: re(
      `open(?:ness)?(?!\\s+(?:to|up|question|issue|air|at|on|from|until|till|between|early|late|daily)(?![\\p{L}]))|openly(?=\\s*[,.;:!?)»"”]|\\s+(?:and|or|nor|but)\\s|\\s*$)`,
    ),
  },
  {
    id: 'en.term.legitimate',
    lang: 'en',
    score: 5,
    weight: 3,
    pattern: re(`legitima(?:te|tely|cy)|valid(?:ity)?`),
  },
  {
    id: 'en.term.illegitimate',
    lang: 'en',
    score: 1,
    weight: 3,
    pattern: re(`illegitima\\p{L}*|illegal|invalid`),
  },
  {
    id: 'en.term.democratic',
    lang: 'en',
    score: 5,
    weight: 2,
    pattern: re(`democratic(?:ally)?`),
    note: 'adjective only; "democracy" (noun) names the topic, not a verdict',
  },
  {
    id: 'en.term.democratic-election',
    lang: 'en',
    score: 5,
    weight: 3,
    pattern: re(
      `democratic(?:\\s*,\\s*(?:free|fair|genuine|competitive|pluralistic|transparent|open|honest|peaceful))*(?:\\s+and\\s+(?:free|fair|genuine|competitive|pluralistic|transparent|open|honest|peaceful))?\\s+(?:elections?|electoral\\s+process|election\\s+process|vote|voting|polls?|contest|ballot|referendum)`,
    ),
    note: '"a democratic and pluralistic electoral process", "a pattern of democratic elections": the term said of the election itself is the overall conclusion (ENDORSED anchor "democratic"); a yardstick ("standards for democratic elections") or a goal ("to hold democratic elections") is blocked or neutralised',
  },
  {
    id: 'en.block.democratic-attribute',
    lang: 'en',
    score: null,
    weight: 0,
    pattern: re(
      `democratic\\s+(?!(?:and|or|nor|but|in|at|on|by|as|with|without|for|from|to|than|if|while|although|though|despite|overall|enough|yet|so|because|since|after|before|the|a|an|according|throughout|until|elections?|electoral|election|vote|votes|voting|polls?|ballot|balloting|contest|campaign|process|manner|way|character|nature|conduct|choice|competition|expression|procedures?)(?![\\p{L}]))\\p{L}+`,
    ),
    note: '"democratic" before another noun describes that noun ("the democratic separation of state and party", "a democratic future", "democratic practice"), not the election (codebook R15: names and topics are not evaluative words)',
  },
  {
    id: 'en.term.undemocratic',
    lang: 'en',
    score: 1,
    weight: 3,
    pattern: re(`(?:un|non-?|anti-?)democratic(?:ally)?`),
  },
  {
    id: 'en.term.impressive',
    lang: 'en',
    score: 5,
    weight: 2,
    pattern: re(`impressive|exemplary|excellent|outstanding|highest\\s+(?:international\\s+)?standards?`),
    note: '"an impressive display of democratic elections"',
  },
  {
    id: 'en.term.level-field',
    lang: 'en',
    score: 4,
    weight: 2,
    pattern: re(
      `level\\s+playing\\s+field|equal\\s+(?:conditions|opportunities|treatment|access)|(?:genuine|real|meaningful)(?:\\s+and\\s+\\p{L}+)?\\s+(?:political\\s+)?(?:choices?|competition|alternatives?|opposition)|(?:distinct|wide|broad|clear)(?:\\s+and\\s+\\p{L}+)?\\s+(?:political\\s+)?(?:choices?|alternatives)`,
    ),
    note: '"lack of a level playing field" = CRITICAL via the negation cue "lack of"',
  },
  {
    id: 'en.term.balanced',
    lang: 'en',
    score: 4,
    weight: 1,
    maxScore: 4,
    pattern: re(
      `balanced|(?:political\\s+)?balance|unbiased|non-?partisan(?:ship)?|impartial(?:ity|ly)?|even-?handed|independen(?:t|ce)\\s+(?:of\\s+the\\s+)?(?:election\\s+administration|administration|commissions?)`,
    ),
  },
  {
    id: 'en.term.procedural-positive',
    lang: 'en',
    score: 4,
    weight: 1,
    pattern: re(
      `calm(?:ly)?|peaceful(?:ly)?|orderly|well[- ]organi[sz]ed|well[- ]administered|efficient(?:ly)?|professional(?:ly)?|smooth(?:ly)?|pluralis(?:tic|m)|vibrant|high[- ]quality|of\\s+high\\s+quality|good|positive(?:ly)?|clean` +
        `|(?:organi[sz]ed|conducted|held|prepared|run)\\s+(?:${WORD}\\s+){0,3}?at\\s+(?:a\\s+|the\\s+)?(?:high|proper|good|appropriate)\\s+level` +
        `|(?:equal\\s+|fair\\s+)?access\\s+to\\s+(?:the\\s+)?(?:state\\s+|public\\s+)?(?:media|airtime|broadcasters?)` +
        // the campaign let contestants reach voters
        `|(?:had|have|has|enjoyed|were\\s+given|was\\s+given)\\s+(?:the\\s+|a\\s+|every\\s+|equal\\s+|full\\s+)?(?:possibility|possibilities|opportunit(?:y|ies)|chance)\\s+to\\s+\\p{L}+\\s+(?:${WORD}\\s+){0,2}?(?:views?|point\\s+of\\s+view|message|platforms?|programmes?|programs?)`,
    ),
    maxScore: 4,
    note: 'procedural praise: real but secondary, so weight 1; one good stage is at most LARGELY_POSITIVE (codebook R7)',
  },
  {
    id: 'en.term.competitive',
    lang: 'en',
    score: 4,
    weight: 2,
    maxScore: 4,
    pattern: re(`competitive(?:ness)?|competition`),
    note: 'competition is one criterion of a genuine election: "competitive" alone LARGELY_POSITIVE (R7), "not competitive", "lacked competition" CRITICAL (codebook CRITICAL anchors)',
  },
  {
    id: 'en.term.free-to',
    lang: 'en',
    score: 4,
    weight: 1,
    maxScore: 4,
    pattern: re(`free\\s+to\\s+\\p{L}+`),
    note: '"free to campaign": a freedom of contestants or voters, one part of the process (codebook R7)',
  },
  {
    id: 'en.progress.step',
    lang: 'en',
    score: 3,
    weight: 2,
    intensify: 'none',
    maxScore: 3,
    comparison: true,
    pattern: re(
      `(?:important|significant|major|big|great|decisive|key|first|positive|further|another|concrete|notable)\\s+steps?(?!\\s+(?:back|backward|backwards|towards?|forward)(?![\\p{L}]))`,
    ),
    note: '"an important step in the nation\'s development": progress that names no standard, MIXED when it is all there is (codebook R5)',
  },
  {
    id: 'en.term.mixed',
    lang: 'en',
    score: 3,
    weight: 2,
    pattern: re(`mixed|positive\\s+and\\s+negative|strengths\\s+and\\s+weaknesses`),
  },
  {
    id: 'en.term.problems',
    lang: 'en',
    score: 2,
    weight: 1,
    absence: true,
    pattern: re(
      `violations?|excess(?:es)?|irregularit(?:y|ies)|shortcomings?|deficienc(?:y|ies)|flaws?|flawed|problems?|concerns?|infringements?|malpractices?|misconduct|intimidat\\p{L}*|harass\\p{L}*|pressure|coercion|bias(?:ed)?|partiality|restrictions?|restricted|restrictive|interference|tampering|manipulat\\p{L}*|multiple\\s+voting|vote[- ]buying|unequal|uneven|disproportionate|marred|undermin\\p{L}*|skewed|slanted|tilted|disappoint\\p{L}*|obstruct\\p{L}*|detentions?|arrests?|limited\\s+(?:voter\\s+)?choice|predominant\\s+position|incidents?|problematic|(?:allegations?|claims|reports)\\s+of\\s+(?:${WORD}\\s+)?(?:fraud|falsification|rigging|ballot[- ]stuffing)|alleged\\s+fraud|restrict(?:s|ing)|(?:assessed|rated|evaluated)\\s+(?:as\\s+)?(?:negatively|bad|poor(?:ly)?)|negative\\s+assessments?|worr(?:isome|ying)|alarming|troubling|of\\s+(?:serious\\s+)?concern|politically\\s+motivated|partisan|distort(?:ed|ion|ions)` +
        `|(?:central|key|major|main|outstanding|principal)\\s+(?:issues?|challenges?)` +
        `|(?:neglect|disregard|contempt|flouting)\\s+(?:of|for)\\s+(?:the\\s+)?(?:${WORD}\\s+){0,2}?(?:law|laws|legislation|rules|constitution)`,
    ),
    note: 'findings of problems; "serious violations" → CONDEMNED via intensifier, "no violations" → positive via negation',
  },
  {
    id: 'en.term.abuse-of-resources',
    lang: 'en',
    score: 2,
    weight: 2,
    pattern: re(
      `authoritarian\\p{L}*|(?:marred|tainted|overshadowed|blighted)\\s+by|(?:slanted|skewed|tilted|biased)\\s+(?:heavily\\s+)?(?:in\\s+favou?r\\s+of|towards)|(?:arbitrary\\s+)?(?:abuse|misuse)\\s+of\\s+(?:${WORD}\\s+)?(?:administrative\\s+resources|state\\s+resources|public\\s+resources|power|office|state\\s+power)|administrative\\s+resources|convergence\\s+of\\s+(?:the\\s+)?state\\s+and\\s+(?:the\\s+)?(?:governing|ruling)\\s+party`,
    ),
  },
  {
    id: 'en.term.fraud',
    lang: 'en',
    score: 2,
    weight: 2,
    absence: true,
    pattern: re(
      `fraud\\p{L}*|falsif\\p{L}*|rigging|ballot[- ]box\\s+stuffing|ballot\\s+stuffing|stuffing\\s+of\\s+ballot\\s+boxes|vote\\s+rigging`,
    ),
    note: 'fraud is a problem word (codebook R9): CRITICAL as found ("evidence of ballot box stuffing"), CONDEMNED only with a scale word ("massive / widespread / systematic fraud"); "no fraud" reassures (R3)',
  },
  {
    id: 'en.term.sham',
    lang: 'en',
    score: 1,
    weight: 2,
    pattern: re(
      `rigged|farce|sham|travesty|charade|mockery\\s+of\\s+(?:democracy|elections?)|(?:severely|fundamentally|deeply|seriously)\\s+flawed|far\\s+(?:beyond|from)\\s+(?:acceptable|international|democratic|satisf\\p{L}*)|beyond\\s+(?:any\\s+)?acceptable\\s+(?:practice|limits?)`,
    ),
    note: 'wholesale-rejection words of the CONDEMNED anchors: a farce, a sham, fundamentally flawed, far beyond acceptable practice',
  },
  {
    id: 'en.term.advantage',
    lang: 'en',
    score: 2,
    weight: 2,
    negatable: false,
    pattern: re(
      `(?:clear|undue|unfair|significant|considerable|decisive|overwhelming|unequal)\\s+advantages?\\s+(?:to|for)\\s+(?:the\\s+)?(?:ruling|governing|incumbent|pro-government|presidential|authorities'?|dominant)`,
    ),
    note: '"a clear advantage to the ruling party": the field slanted in favour of the ruling party, a CRITICAL anchor',
  },
  {
    id: 'en.term.regret',
    lang: 'en',
    score: 2,
    weight: 1,
    pattern: re(`regrettabl[ey]|unfortunately|sadly|pains\\s+me|heavy\\s+heart|regrets?`),
    tone: true,
    note: 'tone markers that ODIHR/OSCE PA heads use to introduce a negative finding',
  },

  {
    id: 'en.will-of-people.choice',
    lang: 'en',
    score: 5,
    weight: 3,
    pattern: re(
      `(?:reflect(?:s|ed|ing|ion\\s+of)?|express(?:es|ed|ing)?|correspond(?:s|ed)?\\s+to)\\s+(?:the\\s+)?(?:${WORD}\\s+){0,2}?(?:free\\s+)?(?:will|choice)\\s+of\\s+(?:the\\s+)?(?:${WORD}\\s+)?(?:people|voters|electorate|citizens|nation|polls)`,
    ),
    note: '"results reflect free choice of the voters", "a reflection of the will of the electorate"',
  },
  {
    id: 'en.sound-basis',
    lang: 'en',
    score: 4,
    weight: 2,
    maxScore: 4,
    pattern: re(
      `(?:provides?|provided|offers?|offered|constitutes?|constituted|forms?|formed|creates?|created|is|was|remains?)\\s+(?:a\\s+|the\\s+)?(?:necessary\\s+|sound\\s+|solid\\s+|good\\s+|adequate\\s+|sufficient\\s+)?(?:foundation|basis|framework|conditions|grounds?)\\s+for\\s+(?:the\\s+)?(?:conduct\\s+of\\s+|holding\\s+)?(?:${WORD}\\s+){0,2}?(?:democratic|free|genuine|competitive)\\s+(?:and\\s+\\p{L}+\\s+)?(?:elections?|electoral\\s+process)`,
    ),
    note: '"the legal framework provides a sound basis for democratic elections": praise of one component, at most LARGELY_POSITIVE (codebook R7)',
  },
  {
    id: 'en.lack-of-conditions',
    lang: 'en',
    score: 2,
    weight: 3,
    negatable: false,
    intensify: 'none',
    pattern: re(
      `(?:lack(?:s|ed|ing)?\\s+of|absence\\s+of|no)\\s+(?:the\\s+)?(?:${WORD}\\s+){0,2}?(?:conditions|requirements|prerequisites|preconditions|guarantees)\\s+(?:for|of)\\s+(?:a\\s+|the\\s+)?(?:genuinely\\s+)?${EN_DEMO_ADJ}(?:\\s+and\\s+${EN_DEMO_ADJ})?\\s+(?:elections?|electoral\\s+process|vote|voting)`,
    ),
    note: '"the lack of basic requirements for free and fair elections": the standard named as missing',
  },
  {
    id: 'en.no-grounds-for-doubt',
    lang: 'en',
    score: 4,
    weight: 3,
    negatable: false,
    secondary: true,
    pattern: re(
      `(?:no|not\\s+(?:find|found|see|identify|identified)\\s+any)\\s+(?:${WORD}\\s+){0,1}?(?:facts|evidence|circumstances|grounds|indications)[\\s,]+(?:which|that)\\s+(?:could|might|would)\\s+(?:have\\s+)?(?:call(?:ed)?|cast|affect(?:ed)?|influenc(?:e|ed)|chang(?:e|ed)|undermin(?:e|ed))`,
    ),
    note: '"no facts that could call into question the legitimacy of the vote" (codebook R3)',
  },
  {
    id: 'en.predetermined',
    lang: 'en',
    score: 1,
    weight: 3,
    pattern: re(
      `pre-?determin(?:ed|es|e)\\s+(?:the\\s+)?(?:${WORD}\\s+){0,2}?(?:results?|outcome)|(?:results?|outcome)\\s+(?:was|were)\\s+(?:a\\s+)?(?:pre-?determined|foregone)`,
    ),
    note: 'a result fixed in advance denies voters a free choice: CONDEMNED (codebook, CONDEMNED anchors)',
  },
  {
    id: 'en.non-recognition',
    lang: 'en',
    score: 1,
    weight: 3,
    negatable: false,
    pattern: re(
      any(
        `recogni[sz](?:e|es|ed|ing)\\s+neither\\s+(?:the\\s+)?(?:legality|legitimacy|results?|outcome|elections?)`,
        `(?:not|never|refuses?\\s+to|refused\\s+to|will\\s+not|does\\s+not|do\\s+not|did\\s+not|cannot)\\s+recogni[sz]e\\s+(?:the\\s+)?(?:${WORD}\\s+){0,2}?(?:results?|outcome|elections?|legitimacy|vote|referendum)`,
        `so-called\\s+['"“‘«]?(?:elections?|referendum|vote|polls?)`,
      ),
    ),
    note: 'non-recognition of the vote or its results, "so-called elections": illegitimate (codebook R13)',
  },
  {
    id: 'en.requirement.more-needed',
    lang: 'en',
    score: 2,
    weight: 2,
    negatable: false,
    intensify: 'none',
    pattern: re(
      any(
        `(?:must|should|will\\s+have\\s+to|has\\s+to|have\\s+to|needs?\\s+to)\\s+do\\s+(?:much\\s+)?more`,
        `(?:still|yet)\\s+(?:has|have|had)\\s+to\\s+(?:materiali[sz]e|be\\s+(?:achieved|met|done|addressed|implemented|realised|realized))`,
        `(?:much|a\\s+lot|more)\\s+(?:still\\s+)?(?:remains?|is\\s+still|needs?)\\s+to\\s+be\\s+done`,
        `(?:democratic\\s+)?potential\\s+(?:${WORD}\\s+){0,3}?(?:has|have|was|were|is|are)\\s+not\\s+(?:yet\\s+)?(?:been\\s+)?(?:tapped|realised|realized|fulfilled|used)|(?:untapped|unrealised|unrealized|unfulfilled)\\s+potential`,
      ),
    ),
    note: 'criticism phrased as a requirement or an unmet potential: "must do more than run efficient elections" says the standard is not yet met (codebook R1, R11)',
  },
  {
    id: 'en.obstruction',
    lang: 'en',
    score: 2,
    weight: 2,
    negatable: false,
    pattern: re(
      `(?:obstruct|hinder|imped|restrict|prevent|discourag|hamper)\\p{L}*\\s+(?:the\\s+)?(?:work\\s+of\\s+)?(?:the\\s+)?(?:${WORD}\\s+)?observers?|as\\s+few\\s+observers\\s+as\\s+possible|(?:observers?|monitors?)\\s+(?:were|was)\\s+(?:denied|refused)\\s+access`,
    ),
    note: 'a mission that observed and complains of obstruction is criticising (codebook R8)',
  },
  {
    id: 'en.rights-restricted',
    lang: 'en',
    score: 2,
    weight: 2,
    negatable: false,
    pattern: re(
      any(
        `(?:restrict(?:s|ed|ing)?|limit(?:s|ed|ing)?|curtail(?:s|ed|ing)?|violat(?:es|ed|ing)|undermin(?:es|ed|ing)|suppress(?:es|ed|ing)?)\\s+(?:${WORD}\\s+)?(?:fundamental\\s+|basic\\s+|civil\\s+|political\\s+)?(?:freedoms|rights)`,
        `(?:freedoms|rights)\\s+(?:${WORD}\\s+){0,4}?(?:were|was|are|is|remain(?:ed)?)\\s+(?:${WORD}\\s+)?(?:restricted|curtailed|limited|violated|suppressed|disregarded)`,
      ),
    ),
    note: '"a legal framework that restricts fundamental freedoms": a finding against the conditions of the whole election',
  },
  {
    id: 'en.political-will',
    lang: 'en',
    score: 4,
    weight: 2,
    pattern: re(`political\\s+will`),
    note: '"did not exhibit sufficient political will to hold a genuinely good election" = CRITICAL by negation (codebook R11)',
  },
  {
    id: 'en.no-remarks',
    lang: 'en',
    score: 4,
    weight: 2,
    negatable: false,
    secondary: true,
    pattern: re(
      `(?:no|(?:do|does|did)\\s+not\\s+have\\s+any|(?:have|has|had)\\s+no|without\\s+any)\\s+(?:serious\\s+|major\\s+|significant\\s+|particular\\s+)?(?:remarks|complaints|objections|criticisms?|grievances|reproaches)`,
    ),
    note: '"I do not have any remarks on this election": absence of criticism (codebook R3, R11)',
  },
  {
    id: 'en.congratulate',
    lang: 'en',
    score: 5,
    weight: 2,
    pattern: re(`congratulat\\p{L}*`),
    note: 'congratulating the country on the vote is praise of the whole (codebook R11)',
  },
  {
    id: 'en.deployed',
    lang: 'en',
    score: null,
    weight: 0,
    deployed: true,
    negatable: false,
    pattern: re(
      any(
        `deployed\\s+(?:an?\\s+|its\\s+)?(?:${WORD}\\s+){0,2}?(?:election\\s+)?(?:assessment|observation|expert)\\s+(?:mission|team)`,
        `(?:will|would|does|did)\\s+not\\s+(?:carry\\s+out|conduct|undertake)\\s+(?:a\\s+)?(?:systematic|comprehensive|full|long-term)(?:\\s+(?:or|and)\\s+(?:systematic|comprehensive))?\\s+observation`,
        `(?:plans?|intends?)\\s+to\\s+visit\\s+(?:a\\s+)?(?:limited\\s+)?(?:number\\s+of\\s+)?polling\\s+stations`,
      ),
    ),
    note: 'an assessment mission or limited observation is deployment, not NOT_OBSERVED (codebook R8)',
  },

  // --- NOT_OBSERVED ------------------------------------------------------------------
  {
    id: 'en.not-observed.declined',
    lang: 'en',
    score: null,
    weight: 3,
    notObserved: true,
    negatable: false,
    pattern: re(
      any(
        `(?:declin\\p{L}*|refus\\p{L}*)\\s+${gap(4)}(?:to\\s+)?(?:observe|observation|send|deploy|monitor|the\\s+invitation|an\\s+invitation)`,
        // "the decision by ODIHR not to send a mission", "decided not to deploy"
        `(?:decided|decision|decides?|chose|opted|plans?|planned|intends?)[\\s,]+(?:${WORD}[\\s(),]+){0,12}?not\\s+to\\s+(?:send|deploy|observe|monitor|dispatch)`,
        // "could not observe the count" is one stage obstructed, a criticism (R8), not a refusal
        // ... nor "did not observe any pressure": a finding of no problems
        `(?:will|would|could|did|does|do|shall|was|were)\\s*(?:not|n't)\\s+(?:be\\s+able\\s+to\\s+)?(?:observe|deploy|send|monitor|dispatch)(?!\\s+(?:the\\s+)?(?:vote\\s+)?(?:count|counting|tabulation))(?!(?:\\s+(?:any|serious|major|significant|grave|gross|widespread|such|cases\\s+of|signs\\s+of|instances\\s+of))*\\s+(?:${EN_PROBLEM_NOUNS}|pressure|intimidation|incidents?|fraud|abuses?|breaches))`,
        `(?:will|would|did|does|do)\\s*(?:not|n't)\\s+allow\\s+${gap(3)}to\\s+(?:deploy|observe|monitor|enter)`,
        `not\\s+(?:be\\s+)?allowed\\s+${gap(3)}to\\s+(?:deploy|observe|monitor)`,
        `unable\\s+to\\s+(?:deploy|observe|monitor)|(?:impossible|not\\s+possible)\\s+to\\s+(?:organi[sz]e|deploy|send)\\s+${gap(4)}(?:mission|team|observers?)`,
        `no\\s+(?:observation\\s+)?mission\\s+(?:was\\s+)?(?:deployed|sent)|did\\s+not\\s+deploy|cancel+ed\\s+(?:its\\s+|the\\s+)?${gap(3)}(?:mission|deployment)`,
      ),
    ),
    note: '"will not allow it to deploy a mission", "declined to observe"',
  },
  {
    id: 'en.not-observed.not-invited',
    lang: 'en',
    score: null,
    weight: 3,
    notObserved: true,
    negatable: false,
    pattern: re(
      `(?:was|were|has|have|had)\\s+not\\s+(?:been\\s+)?invited|did\\s+not\\s+invite|no\\s+invitation|without\\s+(?:an\\s+)?invitation|abstain\\p{L}*\\s+from\\s+inviting`,
    ),
  },
];

// ---------------------------------------------------------------------------------------
// Russian phrase rules (stems; endings via \p{L}*)
// ---------------------------------------------------------------------------------------

const RU_RULES: PhraseRule[] = [
  // --- blockers --------------------------------------------------------------------
  {
    id: 'ru.block.standard-of-elections',
    lang: 'ru',
    score: null,
    weight: 0,
    pattern: re(
      any(
        `(?<=${RU_STD}\\s+(?:${WORD}\\s+){0,2})${RU_DEMO_ADJ}\\s+(?:и\\s+\\p{L}+\\s+)?выбор\\p{L}*`,
        `(?:проведени|организаци)\\p{L}*\\s+(?:${WORD}\\s+)?${RU_DEMO_ADJ}\\s+(?:и\\s+\\p{L}+\\s+)?выбор\\p{L}*`,
      ),
    ),
    note: '"стандарты демократических выборов", "к проведению демократических выборов" name the yardstick',
  },

  {
    id: 'ru.block.against-standards',
    lang: 'ru',
    score: null,
    weight: 0,
    pattern: re(`на\\s+(?:предмет\\s+)?(?:их\\s+|его\\s+)?соответстви\\p{L}*\\s+${gap(6)}(?:${RU_STD}|${RU_LAW})`),
    note: '«оценивать выборы на соответствие обязательствам ОБСЕ»: the yardstick of an assessment to come, not a finding',
  },
  {
    id: 'ru.block.kind-of-elections',
    lang: 'ru',
    score: null,
    weight: 0,
    pattern: re(
      `(?:в\\s+отношении|относительно|касательно|касающ\\p{L}*|для|к|по|о|об|на\\s+пути\\s+к)\\s+(?:проведени\\p{L}*\\s+|организаци\\p{L}*\\s+)?${RU_DEMO_ADJ}(?:\\s*,\\s*${RU_DEMO_ADJ})*(?:\\s+и\\s+${RU_DEMO_ADJ})?\\s+выбор\\p{L}*`,
    ),
    note: '«обязательства в отношении демократических выборов», «к свободным выборам»: the kind of elections named as a yardstick or goal, not a verdict',
  },
  {
    id: 'ru.block.openness-to-observers',
    lang: 'ru',
    score: null,
    weight: 0,
    pattern: re(
      `(?:открытост|прозрачност|готовност|гостеприимств|содействи|радушн)\\p{L}*(?:\\s*,\\s*(?:открытост|прозрачност|готовност|гостеприимств|содействи)\\p{L}*)*(?:\\s+и\\s+(?:открытост|прозрачност|готовност|гостеприимств|содействи)\\p{L}*)?\\s+(?:${WORD}\\s+){0,2}?(?:власт|руководств|организатор|принимающ|хозя|официальн)\\p{L}*`,
    ),
    note: "«открытость и готовность властей к сотрудничеству»: the hosts' openness towards the observers, not the election (codebook R12)",
  },
  {
    id: 'ru.block.violations-topic',
    lang: 'ru',
    score: null,
    weight: 0,
    pattern: re(
      `(?:карт|баз|реестр|журнал|фиксаци|профилактик|предотвращени|выявлени|пресечени|горяч\\p{L}*\\s+лини)\\p{L}*\\s+(?:${WORD}\\s+)?нарушени\\p{L}*|(?:возможн|предполагаем|потенциальн|вероятн)\\p{L}*\\s+нарушени\\p{L}*`,
    ),
    note: '«карта нарушений», «предотвращение нарушений», «возможные нарушения»: violations named as a task or a possibility, not found (codebook R7, R15)',
  },
  {
    id: 'ru.block.name',
    lang: 'ru',
    score: null,
    weight: 0,
    pattern: re(
      any(
        // "Бюро по демократическим институтам и правам человека", "Фонд исследования проблем демократии"
        `демократическ\\p{L}*\\s+(?:институт|процесс|развити|потенциал|ценност|реформ|сил|партии|партия|оппозици)\\p{L}*`,
        `(?:исследовани|изучени)\\p{L}*\\s+проблем\\p{L}*`,
        `проблем\\p{L}*\\s+демократи\\p{L}*`,
      ),
    ),
    note: 'a name or a topic ("демократические институты", "проблемы демократии") describes no election',
  },
  {
    id: 'ru.block.about-observers',
    lang: 'ru',
    score: null,
    weight: 0,
    pattern: re(
      any(
        `обвин\\p{L}*\\s+(?:${WORD}\\s+){0,3}?(?:наблюдател|мисси|ОБСЕ|БДИПЧ)\\p{L}*\\s+в\\s+(?:${WORD}\\s+)?(?:предвзят|пристраст|двойн)\\p{L}*(?:\\s+стандарт\\p{L}*)?`,
        `(?:предвзят|пристраст)\\p{L}*\\s+(?:западн\\p{L}*\\s+|международн\\p{L}*\\s+)?наблюдател\\p{L}*`,
      ),
    ),
    note: 'criticism of the observers, not of the election (codebook R15)',
  },
  {
    id: 'ru.block.remedied',
    lang: 'ru',
    score: null,
    weight: 0,
    pattern: re(
      `(?:${RU_PROBLEM_NOUNS}\\s+(?:${WORD}\\s+){0,2}?(?:был\\p{L}*\\s+)?(?:оперативно\\s+|сразу\\s+|немедленно\\s+)?(?:устранен\\p{L}*|устранил\\p{L}*|исправлен\\p{L}*|исправил\\p{L}*)|(?:устранил\\p{L}*|исправил\\p{L}*)\\s+(?:${WORD}\\s+){0,1}?${RU_PROBLEM_NOUNS})`,
    ),
    note: '"эти нарушения устранили": a problem put right is an incident, not a finding (codebook R7)',
  },
  // --- compliance ------------------------------------------------------------------
  {
    id: 'ru.compliance',
    lang: 'ru',
    score: 5,
    weight: 3,
    negatedScore: 2,
    // a quantifier after the verb grades the compliance (ru.compliance.most / .partial, codebook R4)
    pattern: re(
      `(?:в\\s+(?:полном\\s+)?соответствии\\s+со?|соответств\\p{L}*|отвеча\\p{L}*|соблюд\\p{L}*)[\\s,]+(?!(?:большинству|большей|основным|ряду|некоторым|многим|отдельным|части)\\s)${gap(8)}${RU_STD}`,
    ),
    note: '"соответствуют международным стандартам", "общепризнанным демократическим нормам"',
  },
  {
    id: 'ru.noncompliance',
    lang: 'ru',
    score: 2,
    weight: 3,
    negatable: false,
    pattern: re(
      `(?:не\\s+(?:в\\s+полной\\s+мере\\s+|полностью\\s+)?(?:соответств\\p{L}*|отвеча\\p{L}*|соблюд\\p{L}*)|несоответстви\\p{L}*|нарушил\\p{L}*)(?:[\\s,]+${gap(8)}(?:${RU_STD}|${RU_LAW}))?` +
        // «обязательства ... не были выполнены», «не выполнила обязательств»
        `|(?:обязательств|стандарт|принцип)\\p{L}*\\s+${gap(6)}не\\s+(?:был\\p{L}*\\s+)?(?:выполнен|соблюден|исполнен|реализован)\\p{L}*` +
        `|не\\s+(?:выполнил|выполня|исполнил|исполня|реализовал)\\p{L}*\\s+${gap(6)}(?:обязательств|стандарт|принцип)\\p{L}*` +
        // «вопреки обязательствам ОБСЕ», «в противоречии с принципами»
        `|(?:вопреки|в\\s+противоречии\\s+с|в\\s+нарушение)\\s+${gap(5)}(?:стандарт|принцип|обязательств|норм)\\p{L}*`,
    ),
    intensify: 'none',
    note: '"не соответствуют стандартам": CRITICAL whatever the quantifier ("значительному числу", "ряду"), codebook R9',
  },
  {
    id: 'ru.standards-violated',
    lang: 'ru',
    score: 2,
    weight: 3,
    absence: true,
    intensify: 'none',
    pattern: re(`(?:нарушени|попрани|пренебрежени)\\p{L}*\\s+${gap(5)}(?:стандарт|принцип|обязательств)\\p{L}*`),
    note: '«с нарушением демократических стандартов»: the non-compliance family (codebook R9); «нарушений стандартов не выявлено» is the R3 absence',
  },
  {
    id: 'ru.not-violated',
    lang: 'ru',
    score: 5,
    weight: 3,
    negatable: false,
    pattern: re(`не\\s+нарушил\\p{L}*\\s+${gap(3)}(?:${RU_STD}|${RU_LAW}|прав\\p{L}*)`),
    note: '"выборы не нарушили международные стандарты"',
  },
  {
    id: 'ru.legality',
    lang: 'ru',
    score: 4,
    weight: 2,
    pattern: re(`(?:в\\s+(?:полном\\s+)?соответствии\\s+со?|соответств\\p{L}*|согласно)\\s+${gap(3)}${RU_LAW}`),
    secondary: true,
  },
  {
    id: 'ru.no-effect-on-result',
    lang: 'ru',
    score: 4,
    weight: 3,
    negatable: false,
    intensify: 'none', // "some violations did not affect the result" is not weaker for "some"
    pattern: re(
      `(?:${RU_PROBLEM_NOUNS}[\\s,]+${gap(9)})?не\\s+(?:мог\\p{L}*\\s+|смог\\p{L}*\\s+|могут\\s+|способн\\p{L}*\\s+)?(?:повлия\\p{L}*|влия\\p{L}*|сказа\\p{L}*|отрази\\p{L}*|измени\\p{L}*|поставить\\s+под\\s+сомнение|ставят\\s+под\\s+сомнение)\\s+(?:на\\s+)?${gap(3)}(?:итог\\p{L}*|результат\\p{L}*|исход\\p{L}*|волеизъявлени\\p{L}*)`,
    ),
    secondary: true,
    note: '"нарушения не могли повлиять на итоги выборов"',
  },
  {
    id: 'ru.will-of-people',
    lang: 'ru',
    score: 5,
    weight: 3,
    pattern: re(any(`отража\\p{L}*\\s+(?:${WORD}\\s+){0,2}?(?:волеизъявлени|вол)\\p{L}*`, `свободн\\p{L}*\\s+волеизъявлени\\p{L}*`)),
    note: '"отражает волеизъявление народа"',
  },
  {
    id: 'ru.term.will',
    lang: 'ru',
    score: 4,
    weight: 1,
    pattern: re(`волеизъявлени\\p{L}*`),
  },
  {
    id: 'ru.term.transparent',
    lang: 'ru',
    score: 5,
    weight: 2,
    pattern: re(`(?:прозрачн|транспарентн)\\p{L}*(?!\\s+(?:урн|ящик)\\p{L}*)`),
    note: '"прозрачными", "прозрачно"',
  },
  {
    id: 'ru.term.democratic',
    lang: 'ru',
    score: 5,
    weight: 2,
    pattern: re(`демократичн\\p{L}*|демократическ\\p{L}*`),
    note: '"демократично", "демократическими"; "демократия" (noun) is not a verdict',
  },
  {
    id: 'ru.term.undemocratic',
    lang: 'ru',
    score: 1,
    weight: 3,
    pattern: re(`(?:не|анти)демократи\\p{L}*`),
  },
  {
    id: 'ru.term.free',
    lang: 'ru',
    score: 5,
    weight: 2,
    pattern: re(`свободн\\p{L}*|свободно`),
  },
  {
    id: 'ru.term.fair',
    lang: 'ru',
    score: 5,
    weight: 2,
    pattern: re(`честн\\p{L}*|справедлив\\p{L}*`),
    negatedScore: 2,
    note: '"честными", "свободные и справедливые"; "не были честными" is CRITICAL (codebook, CRITICAL: "was not fair")',
  },
  {
    id: 'ru.term.unfair',
    lang: 'ru',
    score: 2,
    weight: 2,
    pattern: re(`нечестн\\p{L}*|несправедлив\\p{L}*`),
    note: '"нечестные, несправедливые": not fair = CRITICAL (codebook); only "not free", "not democratic" reject wholesale',
  },
  {
    id: 'ru.term.legitimate',
    lang: 'ru',
    score: 5,
    weight: 3,
    pattern: re(`легитимн\\p{L}*|правомочн\\p{L}*|действительн(?:ыми|ые|ым|ой|ая)`),
    note: '"легитимными"',
  },
  {
    id: 'ru.term.illegitimate',
    lang: 'ru',
    score: 1,
    weight: 3,
    pattern: re(`нелегитимн\\p{L}*|незаконн\\p{L}*|недействительн\\p{L}*`),
  },
  {
    id: 'ru.term.open',
    lang: 'ru',
    score: 5,
    weight: 1,
    pattern: re(`открыт(?:ый|ая|ое|ые|ых|ым|ыми|ой|ом|о|ы)|гласност\\p{L}*`),
  },
  {
    id: 'ru.term.took-place',
    lang: 'ru',
    score: 4,
    weight: 1,
    pattern: re(`состоял(?:ись|ось|ся|ась)|состоявш(?:имися|иеся|имся)`),
    note: '"выборы состоялись": validity, a mild positive',
  },
  {
    id: 'ru.respect-for-rights',
    lang: 'ru',
    score: 4,
    weight: 2,
    pattern: re(
      any(
        `(?:соблюдени|уважени)\\p{L}*\\s+(?:${WORD}\\s+){0,2}?(?:прав|свобод)\\p{L}*`,
        `(?:права|свободы)\\s+(?:${WORD}\\s+){0,3}?(?:соблюдал|уважал|обеспечивал)\\p{L}*`,
      ),
    ),
  },
  {
    id: 'ru.trust',
    lang: 'ru',
    score: 4,
    weight: 2,
    pattern: re(`(?:высок\\p{L}*|значительн\\p{L}*)\\s+(?:(?:уров\\p{L}*|степен\\p{L}*)\\s+)?довери\\p{L}*`),
  },
  {
    id: 'ru.consolidation',
    lang: 'ru',
    score: 4,
    weight: 3,
    pattern: re(
      `(?:консолидац|укреплени)\\p{L}*\\s+(?:${WORD}\\s+){0,2}?демократи\\p{L}*|дальнейш\\p{L}*\\s+(?:демократизаци\\p{L}*|развити\\p{L}*\\s+демократи\\p{L}*)`,
    ),
  },
  {
    id: 'ru.progress',
    lang: 'ru',
    score: 3,
    weight: 2,
    intensify: 'up',
    maxScore: 4,
    comparison: true,
    // "прогрессивное законодательство" praises a law, it reports no progress
    pattern: re(
      `прогресс(?!ивн)\\p{L}*|шаг\\p{L}*\\s+вперед|продвижени\\p{L}*\\s+к|(?:важн|значим|серьезн|больш|перв|очередн|позитивн|заметн|существенн)\\p{L}*\\s+шаг(?:ом|а|и|ов|ами)?(?!\\s+назад)`,
    ),
  },
  {
    id: 'ru.improvement',
    lang: 'ru',
    score: 3,
    weight: 2,
    intensify: 'none',
    maxScore: 3,
    comparison: true,
    pattern: re(
      any(
        `улучшени\\p{L}*|положительн\\p{L}*\\s+(?:динамик|тенденци)\\p{L}*|по\\s+сравнению\\s+с\\s+(?:предыдущ|прошл|прежн)\\p{L}*\\s+(?:${WORD}\\s+)?(?:выбор|кампани)\\p{L}*`,
        // "прошли гораздо спокойнее, чем в 2004 году", "(нарушений) меньше, чем в первом туре"
        `(?:${RU_PROBLEM_NOUNS}[\\s(),]+(?:${WORD}\\s+){0,2}?)?(?:\\p{L}+ее|лучше|хуже|меньше|больше|чище)[\\s,]+чем\\s+(?:в|на|во|при)\\s+(?:${WORD}\\s+){0,3}?(?:год\\p{L}*|выбор\\p{L}*|тур\\p{L}*|раз\\p{L}*|кампани\\p{L}*|\\d{4})`,
      ),
    ),
    note: 'a comparison with an earlier election is not a verdict: MIXED when it is all there is (codebook R5)',
  },
  {
    id: 'ru.step-back',
    lang: 'ru',
    score: 2,
    weight: 2,
    pattern: re(`шаг\\p{L}*\\s+назад|регресс\\p{L}*|ухудшени\\p{L}*`),
  },
  {
    id: 'ru.term.procedural-positive',
    lang: 'ru',
    score: 4,
    weight: 1,
    pattern: re(
      `спокойн\\p{L}*|организованн\\p{L}*|доступ\\p{L}*\\s+к\\s+(?:государственн\\p{L}*\\s+)?(?:СМИ|средствам\\s+массовой\\s+информации|эфир\\p{L}*)|четк\\p{L}*\\s+организаци\\p{L}*|на\\s+(?:высоком|должном|надлежащем|хорошем)\\s+(?:организационном\\s+)?уровне|прогрессивн\\p{L}*|имел\\p{L}*\\s+(?:${WORD}\\s+)?возможност\\p{L}*\\s+(?:донести|изложить|представить|высказать|довести)|профессиональн\\p{L}*|конкурентн\\p{L}*|плюралистич\\p{L}*|беспристрастн\\p{L}*|равн\\p{L}*\\s+(?:услови|возможност|доступ)\\p{L}*|положительн\\p{L}*|позитивн\\p{L}*|высок\\p{L}*\\s+оцен\\p{L}*`,
    ),
    maxScore: 4,
    note: 'procedural praise; one good stage is at most LARGELY_POSITIVE (codebook R7)',
  },
  {
    id: 'ru.term.mixed',
    lang: 'ru',
    score: 3,
    weight: 2,
    pattern: re(`неоднозначн\\p{L}*|противоречив\\p{L}*|смешанн\\p{L}*|двойственн\\p{L}*`),
  },
  {
    id: 'ru.compliance.most',
    lang: 'ru',
    score: 4,
    weight: 3,
    intensify: 'none',
    pattern: re(`(?:соответств|отвеча)\\p{L}*\\s+(?:большинству|большей\\s+части|основным)\\s+${gap(6)}${RU_STD}`),
    note: '«соответствовали большинству обязательств»: met most, LARGELY_POSITIVE (codebook R4)',
  },
  {
    id: 'ru.compliance.partial',
    lang: 'ru',
    score: 3,
    weight: 3,
    intensify: 'none',
    pattern: re(
      `(?:частичн\\p{L}*|отчасти)\\s+(?:соответств\\p{L}*|отвеча\\p{L}*)(?:[\\s,]+${gap(8)}${RU_STD})?|соответств\\p{L}*\\s+(?:ряду|некоторым|многим)\\s+${gap(6)}${RU_STD}`,
    ),
    note: '"частично соответствовали", "соответствовали ряду обязательств": MIXED (codebook R4)',
  },
  {
    id: 'ru.free-not-fair',
    lang: 'ru',
    score: 2,
    weight: 3,
    negatable: false,
    intensify: 'none',
    pattern: re(`свободн\\p{L}*\\s*,?\\s+но\\s+не\\s+(?:честн|справедлив|равн)\\p{L}*`),
    note: '"свободными, но не честными" (codebook R13)',
  },
  {
    id: 'ru.not-systemic',
    lang: 'ru',
    score: 4,
    weight: 3,
    negatable: false,
    intensify: 'none',
    pattern: re(
      `(?:${RU_PROBLEM_NOUNS}\\s+${gap(3)})?не\\s+(?:носил\\p{L}*|имел\\p{L}*)\\s+(?:массов|системн|систематическ|масштабн)\\p{L}*\\s+характер\\p{L}*`,
    ),
    secondary: true,
    note: '"нарушения не носили системного характера": problems conceded as immaterial (codebook R3); the conceded problems are part of the formula',
  },
  {
    id: 'ru.episodic',
    lang: 'ru',
    score: 4,
    weight: 3,
    negatable: false,
    intensify: 'none',
    secondary: true,
    pattern: re(
      `(?:${RU_PROBLEM_NOUNS}\\s+${gap(8)})?(?:носил\\p{L}*|имел\\p{L}*|име(?:ют|ет))\\s+(?:лишь\\s+|исключительно\\s+|только\\s+)?(?:эпизодическ|единичн|локальн|частн|случайн|изолированн|точечн|несистемн|технически?)\\p{L}*\\s+характер\\p{L}*`,
    ),
    note: '«нарушения носили эпизодический (единичный, локальный) характер»: problems conceded as immaterial, the R3 formula like «не носили системного характера»',
  },
  {
    id: 'ru.term.impressive',
    lang: 'ru',
    score: 5,
    weight: 2,
    pattern: re(
      `великолепн\\p{L}*|превосходн\\p{L}*|отличн(?:ые|ыми|ый|ая|ое|ой|ых|ым|о)|безупречн\\p{L}*|образцов(?:ые|ыми|ый|ая|ое|ой|ых|ым|о)|блестящ\\p{L}*|прекрасн(?:ые|ыми|ый|ая|ое|ой|ых|ым)\\s+(?:${WORD}\\s+)?(?:выбор|голосовани|организаци|референдум)\\p{L}*`,
    ),
    note: '«великолепные выборы», «безупречно»: unreserved praise, like "excellent", "exemplary" (codebook R11)',
  },
  {
    id: 'ru.term.opaque',
    lang: 'ru',
    score: 2,
    weight: 2,
    negatable: false,
    pattern: re(`непрозрачн\\p{L}*`),
    note: 'a want of transparency is criticism (codebook R12)',
  },
  {
    id: 'ru.term.problems',
    lang: 'ru',
    score: 2,
    weight: 1,
    absence: true,
    pattern: re(
      `нарушени\\p{L}*|эксцесс\\p{L}*|инцидент\\p{L}*|недостатк\\p{L}*|недочет\\p{L}*|изъян\\p{L}*|проблем\\p{L}*|претензи\\p{L}*|давлени\\p{L}*|запугивани\\p{L}*|принуждени\\p{L}*|вмешательств\\p{L}*|манипуляци\\p{L}*|ограничени\\p{L}*|ограниченн\\p{L}*|неравн\\p{L}*|предвзят\\p{L}*|отрицательн\\p{L}*|негативн\\p{L}*|проблемн\\p{L}*|(?:обвинени|сообщени|жалоб)\\p{L}*\\s+(?:в|о)\\s+(?:${WORD}\\s+)?(?:фальсификаци|вброс|подтасовк)\\p{L}*|озабоченн\\p{L}*|непрофессиональн\\p{L}*|неорганизованн\\p{L}*`,
    ),
    note: '"нарушения"; "серьезные нарушения" via intensifier, "без нарушений" via negation',
  },
  {
    id: 'ru.term.skew',
    lang: 'ru',
    score: 2,
    weight: 2,
    pattern: re(
      `перекос\\p{L}*|авторитар\\p{L}*|омрачен\\p{L}*|(?:злоупотреблени\\p{L}*\\s+)?административн\\p{L}*\\s+ресурс\\p{L}*|злоупотреблени\\p{L}*\\s+(?:${WORD}\\s+)?(?:власт|полномочи)\\p{L}*`,
    ),
  },
  {
    id: 'ru.term.fraud',
    lang: 'ru',
    score: 2,
    weight: 2,
    absence: true,
    pattern: re(`фальсификац\\p{L}*|фальсифицир\\p{L}*|вброс\\p{L}*|подтасовк\\p{L}*|карусел\\p{L}*|приписк\\p{L}*`),
    note: 'fraud is a problem word (codebook R9): CRITICAL as found, CONDEMNED with a scale word («массовые фальсификации»); «фальсификаций не выявлено» reassures (R3)',
  },
  {
    id: 'ru.term.sham',
    lang: 'ru',
    score: 1,
    weight: 2,
    pattern: re(
      `фарс\\p{L}*|имитаци\\p{L}*\\s+(?:выбор|демократ|голосовани|волеизъявлени)\\p{L}*|профанаци\\p{L}*|пароди\\p{L}*\\s+на\\s+(?:выбор|демократи)\\p{L}*`,
    ),
    note: 'wholesale-rejection words of the CONDEMNED anchors: «фарс», «имитация выборов»',
  },
  {
    id: 'ru.term.regret',
    lang: 'ru',
    score: 2,
    weight: 1,
    pattern: re(`к\\s+сожалению|с\\s+сожалением|вынужден\\p{L}*\\s+(?:признать|констатировать)|сожале\\p{L}*`),
    tone: true,
  },

  {
    id: 'ru.requirement.more-needed',
    lang: 'ru',
    score: 2,
    weight: 2,
    negatable: false,
    intensify: 'none',
    pattern: re(
      `(?:многое|много|немало)\\s+(?:еще\\s+)?(?:предстоит|нужно|необходимо|следует|требуется)\\s+(?:${WORD}\\s+)?сделать|(?:еще\\s+)?предстоит\\s+(?:еще\\s+)?(?:многое|много)\\s+сделать|(?:демократическ\\p{L}*\\s+)?потенциал\\p{L}*\\s+(?:${WORD}\\s+){0,3}?не\\s+(?:был\\p{L}*\\s+)?(?:реализ|использ|раскры)\\p{L}*`,
    ),
    note: 'criticism phrased as a requirement: "многое ещё предстоит сделать" (codebook R11)',
  },
  {
    id: 'ru.obstruction',
    lang: 'ru',
    score: 2,
    weight: 2,
    negatable: false,
    pattern: re(
      `(?:препятствова|воспрепятствова|меша|помеша|ограничива|чини)\\p{L}*\\s+(?:препятстви\\p{L}*\\s+)?(?:${WORD}\\s+){0,2}?наблюдател\\p{L}*|наблюдател\\p{L}*\\s+(?:${WORD}\\s+){0,4}?как\\s+можно\\s+меньше`,
    ),
    note: '"сделали всё, чтобы наблюдателей было как можно меньше": obstruction of observers is criticism (codebook R8)',
  },
  {
    id: 'ru.rights-restricted',
    lang: 'ru',
    score: 2,
    weight: 2,
    negatable: false,
    pattern: re(
      `(?:ограничени|нарушени|ущемлени|подавлени)\\p{L}*\\s+(?:${WORD}\\s+)?(?:основн\\p{L}*\\s+|фундаментальн\\p{L}*\\s+|гражданск\\p{L}*\\s+|политическ\\p{L}*\\s+)?(?:прав|свобод)\\p{L}*`,
    ),
  },
  {
    id: 'ru.term.real-choice',
    lang: 'ru',
    score: 4,
    weight: 2,
    maxScore: 4,
    pattern: re(`(?:реальн|подлинн|настоящ)\\p{L}*\\s+(?:политическ\\p{L}*\\s+)?(?:выбор|конкуренци|альтернатив|оппозици)\\p{L}*`),
    note: '"реальный выбор"; "не был предоставлен реальный выбор" = CRITICAL by negation (as en.term.level-field)',
  },
  {
    id: 'ru.political-will',
    lang: 'ru',
    score: 4,
    weight: 2,
    pattern: re(`политическ\\p{L}*\\s+вол\\p{L}*`),
  },
  {
    id: 'ru.no-remarks',
    lang: 'ru',
    score: 4,
    weight: 2,
    negatable: false,
    secondary: true,
    pattern: re(
      `(?:нет|не\\s+было|не\\s+имеем|не\\s+имеется|не\\s+возникло|без)\\s+(?:никаких\\s+|каких-либо\\s+|серьезных\\s+|особых\\s+)?(?:замечаний|претензий|нареканий)`,
    ),
    note: '"претензий нет": absence of criticism (codebook R3, R11)',
  },
  {
    id: 'ru.no-grounds-for-doubt',
    lang: 'ru',
    score: 4,
    weight: 3,
    negatable: false,
    secondary: true,
    pattern: re(
      `(?:не|нет|ни)\\s+(?:${WORD}\\s+){0,2}?(?:фактов|обстоятельств|оснований|данных|свидетельств)[\\s,]+(?:котор|способн)\\p{L}*\\s+(?:бы\\s+)?(?:мог\\p{L}*\\s+)?(?:бы\\s+)?(?:поставить|ставить|повлиять|измени\\p{L}*|поставили)`,
    ),
    note: '"миссия не выявила фактов, которые могли бы поставить под сомнение легитимность выборов" (codebook R3)',
  },
  {
    id: 'ru.predetermined',
    lang: 'ru',
    score: 1,
    weight: 3,
    pattern: re(`предреш\\p{L}*|заранее\\s+(?:известн|определен|предопределен)\\p{L}*|предопределен\\p{L}*`),
  },
  {
    id: 'ru.non-recognition',
    lang: 'ru',
    score: 1,
    weight: 3,
    negatable: false,
    pattern: re(
      `не\\s+(?:призна\\p{L}*|будет\\s+признавать|намерен\\p{L}*\\s+признавать)\\s+(?:${WORD}\\s+){0,2}?(?:итог|результат|выбор|референдум|голосовани)\\p{L}*|так\\s+называем\\p{L}*\\s+[«"]?(?:выбор|референдум)\\p{L}*`,
    ),
    note: 'non-recognition of the vote, "так называемые выборы": illegitimate (codebook R13)',
  },
  {
    id: 'ru.congratulate',
    lang: 'ru',
    score: 5,
    weight: 2,
    pattern: re(`поздрав(?:ля|ил|ить|ле)\\p{L}*\\s+(?:${WORD}\\s+){0,2}?(?:народ|граждан|избирател|стран|республик)\\p{L}*`),
    note: 'congratulating the people on the vote',
  },

  // --- NOT_OBSERVED ----------------------------------------------------------------
  {
    id: 'ru.not-observed.declined',
    lang: 'ru',
    score: null,
    weight: 3,
    notObserved: true,
    negatable: false,
    pattern: re(
      any(
        `отказал\\p{L}*\\s+${gap(2)}(?:направ|наблюд|присыл|присл|от\\s+наблюдени|от\\s+направлени)\\p{L}*`,
        `отказ\\p{L}*\\s+от\\s+(?:наблюдени|направлени|мониторинг)\\p{L}*`,
        `не\\s+(?:будет\\s+|будут\\s+|станет\\s+|станут\\s+|планиру\\p{L}*\\s+|намерен\\p{L}*\\s+|собира\\p{L}*\\s+)?(?:направ|присыла|пришл|посыла|пошл|разверн|развертыва)\\p{L}*\\s+${gap(2)}(?:мисси|наблюдател|представител|делегаци)\\p{L}*`,
        `не\\s+(?:смог\\p{L}*|сможет|смогут)\\s+(?:направить|развернуть|наблюдать|провести\\s+наблюдение)`,
        `не\\s+(?:был\\p{L}*\\s+)?допущен\\p{L}*|не\\s+допустил\\p{L}*`,
      ),
    ),
    note: '"отказались направить наблюдателей", "не пришлют миссии"',
  },
  {
    id: 'ru.not-observed.not-invited',
    lang: 'ru',
    score: null,
    weight: 3,
    notObserved: true,
    negatable: false,
    pattern: re(`не\\s+(?:был\\p{L}*\\s+)?(?:пригла|приглас)\\p{L}*|не\\s+получил\\p{L}*\\s+приглашени\\p{L}*|без\\s+приглашени\\p{L}*`),
  },
];

export const PHRASE_RULES: readonly PhraseRule[] = [...EN_RULES, ...RU_RULES];

// ---------------------------------------------------------------------------------------
// Cue words (modifiers). Each entry is a regex source matched with word boundaries.
// ---------------------------------------------------------------------------------------

export const CUES: Record<Lang, Record<CueKind, string[]>> = {
  en: {
    negation: [
      'not',
      'no',
      'never',
      'cannot',
      'nor',
      'neither',
      'without',
      'none',
      "\\p{L}+n't",
      'fail(?:s|ed)?\\s+to',
      'unable\\s+to',
      'impossible\\s+to',
      'neither',
      'denied',
      'deprived\\s+of',
    ],
    deficit: ['lack(?:s|ed|ing)?(?:\\s+of)?', 'absence\\s+of', 'insufficient(?:ly)?', 'inadequate(?:ly)?', 'limited'],
    // "voters were denied a genuine choice": the choice was withheld (a CONDEMNED anchor)
    postNegation: [
      '(?:was|were|is|are|has|have|had)\\s+not\\s+(?:been\\s+)?(?:observed|found|recorded|registered|noted|reported|detected|identified|seen)',
      // split negation in reported speech: "of serious violations ... did not notice"
      "(?:did|do|does)(?:\\s+not|n't)\\s+(?:notice|find|see|observe|record|register|detect|identify|establish|reveal)",
    ],
    // "can hardly be considered as fair": a conclusion stated as a condition withholds it (codebook R13)
    doubt: [
      'doubts?',
      'doubtful',
      'question(?:s|ed|able|ing)?',
      'dubious',
      'uncertain(?:ty)?',
      'call(?:s|ed|ing)?\\s+into\\s+question',
      'put(?:s|ting)?\\s+in(?:to)?\\s+question',
      'hardly',
      'scarcely',
      'challeng(?:e|es|ed|ing)',
      'disput(?:e|es|ed|ing)',
      'contest(?:s|ed|ing)',
    ],
    limiter: [
      'fully',
      'entirely',
      'completely',
      'totally',
      'wholly',
      'in\\s+full',
      'quite',
      'always',
      'enough',
      'sufficiently',
      'adequately',
    ],
    contrast: [
      'however',
      'nevertheless',
      'nonetheless',
      'but',
      'although',
      'though',
      'while',
      'whereas',
      'despite',
      'in\\s+spite\\s+of',
      'at\\s+the\\s+same\\s+time',
      'notwithstanding',
      'on\\s+the\\s+other\\s+hand',
      'with\\s+the\\s+exception\\s+of',
      'except\\s+for',
      'apart\\s+from',
    ],
    hedge: [
      'generally',
      'largely',
      'mostly',
      'broadly',
      'overall',
      'mainly',
      'in\\s+general',
      'on\\s+the\\s+whole',
      'by\\s+and\\s+large',
      'in\\s+most\\s+respects',
      'to\\s+a\\s+large\\s+extent',
    ],
    softener: [
      'some',
      'certain',
      'a\\s+few',
      'minor',
      'isolated',
      'individual',
      'occasional',
      'sporadic',
      'partly',
      'partially',
      'relatively',
      'somewhat',
      'insignificant',
      'small',
      'technical',
    ],
    posIntensifier: [
      'very',
      'fully',
      'absolutely',
      'completely',
      'entirely',
      'totally',
      'truly',
      'highly',
      'clearly',
      'overwhelmingly',
      'extremely',
      'perfectly',
      'thoroughly',
    ],
    // Scale words only: "massive / widespread / systematic" is a CONDEMNED anchor, "gross / grave"
    // violations are severe but not wholesale (codebook R9).
    negIntensifier: ['massive(?:ly)?', 'widespread', 'systematic(?:ally)?', 'systemic', 'large[- ]scale', 'extensive(?:ly)?', 'pervasive'],
    upIntensifier: [
      'significant(?:ly)?',
      'substantial(?:ly)?',
      'considerabl[ey]',
      'markedly',
      'major',
      'remarkabl[ey]',
      'notabl[ey]',
      'great(?:ly)?',
      'clear(?:ly)?',
      'real',
      'very',
    ],
    prospective: [
      'to\\s+(?:hold|ensure|conduct|organi[sz]e|guarantee|achieve|secure)',
      'for\\s+(?:holding|conducting|ensuring)',
      'towards?',
      'aim(?:s|ed|ing)?\\s+(?:at|to)',
      'in\\s+order\\s+to',
      'should',
      'must',
      'need(?:s|ed)?\\s+(?:to|for)',
      'ha(?:ve|s)\\s+to',
      'required\\s+to',
      'call(?:s|ed)?\\s+(?:on|upon|for)',
      'urge[sd]?',
      'recommend\\p{L}*',
      'hope[sd]?',
      'expect(?:s|ed)?\\s+to',
      'stand\\s+ready',
      'pave[sd]?\\s+the\\s+way',
      '(?:can|could|would|will|might)\\s+be\\s+(?:called|considered|regarded|described|deemed|recogni[sz]ed)',
      'to\\s+(?:fully\\s+)?(?:live\\s+up|meet|comply|fulfil+|create|establish|bring|build|adopt|develop|make|consolidate|strengthen|improve|enhance|increase|promote|align|harmoni[sz]e|restore|foster)',
    ],
    purpose: [
      'in\\s+order\\s+to',
      'so\\s+as\\s+to',
      '(?:logical|necessary|important|essential|vital|crucial|time|needed|required|urgent|advisable)\\s+to\\s+\\p{L}+',
      'to\\s+(?:hold|ensure|conduct|organi[sz]e|guarantee|achieve|secure)',
      'to\\s+(?:fully\\s+)?(?:live\\s+up|create|establish|bring|build|adopt|develop|consolidate|strengthen|improve|enhance|increase|promote|align|harmoni[sz]e|restore|foster)',
      'opportunit(?:y|ies)\\s+to\\s+\\p{L}+',
      // "should ensure that future elections are free" is a goal; "ensured that" (past) is a finding
      '(?:ensure|ensures|ensuring|guarantee|guarantees|guaranteeing|make\\s+sure)\\s+that',
      'so\\s+that',
      // "a free election depends on ...": a definition of the yardstick governs its clause
      'an?\\s+(?:genuinely\\s+|truly\\s+)?(?:democratic|free|fair|genuine|competitive)(?:\\s+and\\s+\\p{L}+)?\\s+(?:election|vote|electoral\\s+process)\\s+(?:depends\\s+on|relies\\s+on|rests\\s+on|requires|presupposes|needs|demands|means)',
    ],
    withheld: [
      "(?:cannot|can't|can\\s+not|could\\s+not|couldn't|impossible\\s+to|unable\\s+to|not\\s+possible\\s+to|(?:no\\s+one|nobody)\\s+(?:can|could))\\s+(?:yet\\s+)?(?:say|claim|state|conclude|assert|affirm|confirm)",
      'no\\s+(?:grounds|reason|basis)\\s+(?:to|for)\\s+(?:say|saying|claim|claiming|believe|believing|conclude|concluding|assert|asserting)',
      '(?:cannot|can\\s+not|could\\s+not|can\\s+hardly)\\s+be\\s+(?:said|claimed|stated|concluded|argued|asserted)',
      'call(?:s|ed)?\\s+into\\s+question',
      'raise[sd]?\\s+(?:serious\\s+)?(?:doubts|questions)\\s+(?:about|over|as\\s+to)',
    ],
    hypothetical: [
      '(?:which|that)\\s+(?:could|might|would)(?:\\s+have)?',
      '(?:capable\\s+of|likely\\s+to)',
      // hopes, expectations and questions before the vote assess nothing yet (codebook R10, R15)
      '(?:hope|hopes|hoped|hoping|expect|expects|wish|wishes)\\s+that',
      '(?:to|will|shall|would|must)\\s+(?:assess|evaluate|determine|judge|establish|see)\\s+(?:whether|if|how\\s+far)',
      'it\\s+remains\\s+to\\s+be\\s+seen\\s+(?:whether|if)',
    ],
    concession: ['despite', 'in\\s+spite\\s+of', 'notwithstanding', 'with\\s+the\\s+exception\\s+of', 'except\\s+for', 'apart\\s+from'],

    denied: [
      // indirect denial in reported speech: the clause that follows is negated (codebook R13)
      "(?:i|we|he|she|they|the\\s+mission|the\\s+delegation)\\s+(?:do|does|did)(?:\\s+not|n't)\\s+(?:think|believe|consider|feel|find)(?:\\s+that)?",
      "(?:it|this)\\s+(?:does|did)(?:\\s+not|n't)\\s+(?:seem|appear|look)\\s+(?:as\\s+(?:if|though)|that|like)",
      'there\\s+(?:is|was|were)\\s+no\\s+(?:sign|signs|indication|indications|evidence|suggestion)\\s+that',
    ],
    postDoubt: [
      '(?:was|were|is|are|has\\s+been|have\\s+been|had\\s+been|being)\\s+(?:seriously\\s+|openly\\s+|widely\\s+)?(?:questioned|challenged|disputed|doubted|contested|called\\s+into\\s+question|put\\s+(?:into|in)\\s+question|cast\\s+into\\s+doubt|put\\s+in\\s+doubt)',
    ],
    conclusion: [
      '(?:should|must|can|could|may|ought\\s+to)\\s+(?:therefore\\s+|thus\\s+|only\\s+|rightly\\s+|safely\\s+|hardly\\s+|not\\s+|no\\s+longer\\s+)?be\\s+(?:considered|regarded|recogni[sz]ed|deemed|declared|seen|viewed|called|described|assessed|characteri[sz]ed|qualified|judged|treated)(?:\\s+as)?',
    ],
    remedy: [
      '(?:was|were|has\\s+been|have\\s+been|had\\s+been|is|are)\\s+(?:not\\s+)?(?:properly\\s+|adequately\\s+|fully\\s+|ever\\s+)?(?:addressed|dealt\\s+with|resolved|remedied|rectified|heeded|implemented|accommodated|acted\\s+(?:up)?on|answered|taken\\s+into\\s+account|followed\\s+up|investigated|corrected)',
    ],
  },
  ru: {
    negation: ['не', 'нет', 'ни', 'без', 'нельзя', 'невозможно', 'лишен\\p{L}*', 'лишил\\p{L}*'],
    deficit: ['отсутстви\\p{L}*', 'нехватк\\p{L}*', 'недостаточн\\p{L}*', 'недостат(?:ок|ка|ком)'],
    postNegation: [
      'не\\s+(?:(?:было|были|был|была)(?!\\s+(?!(?:выявлен|зафиксирован|обнаружен|отмечен|установлен|зарегистрирован|замечен)\\p{L}*)\\p{L}+[нт][аоы]?(?![\\p{L}]))|выявлен\\p{L}*|зафиксирован\\p{L}*|обнаружен\\p{L}*|отмечен\\p{L}*|наблюдал\\p{L}*|установлен\\p{L}*|зарегистрирован\\p{L}*|выявил\\p{L}*|зафиксировал\\p{L}*|обнаружил\\p{L}*|отметил\\p{L}*|нашли|нашел|нашла|нашло|заметил\\p{L}*|увидел\\p{L}*|констатировал\\p{L}*|зарегистрировал\\p{L}*|встретил\\p{L}*|наблюдали)',
      '(?:выявлено|зафиксировано|обнаружено|отмечено)\\s+не\\s+было',
      'нет',
      'отсутствовал\\p{L}*',
      'отсутствует',
      'отсутствуют',
    ],
    doubt: [
      'сомнени\\p{L}*',
      'сомнительн\\p{L}*',
      'под\\s+вопрос\\p{L}*',
      'усомни\\p{L}*',
      'вряд\\s+ли',
      'едва\\s+ли',
      'оспарива\\p{L}*',
      'оспори\\p{L}*',
      'подвер(?:г|га)\\p{L}*\\s+сомнению',
    ],
    limiter: ['полностью', 'в\\s+полной\\s+мере', 'вполне', 'всегда', 'целиком', 'достаточно', 'до\\s+конца'],
    contrast: [
      'однако',
      'тем\\s+не\\s+менее',
      'хотя',
      'но',
      'в\\s+то\\s+же\\s+время',
      'несмотря\\s+на',
      'вместе\\s+с\\s+тем',
      'при\\s+этом',
      'зато',
      'впрочем',
      'с\\s+другой\\s+стороны',
      'за\\s+исключением',
    ],
    hedge: ['в\\s+целом', 'в\\s+основном', 'преимущественно', 'по\\s+большей\\s+части', 'в\\s+общем', 'в\\s+большинстве\\s+случаев'],
    softener: [
      'некотор\\p{L}*',
      'отдельн\\p{L}*',
      'незначительн\\p{L}*',
      'единичн\\p{L}*',
      'частичн\\p{L}*',
      'мелк\\p{L}*',
      'небольш\\p{L}*',
      'техническ\\p{L}*',
    ],
    posIntensifier: ['очень', 'полностью', 'абсолютно', 'безусловно', 'в\\s+полной\\s+мере', 'совершенно', 'максимально', 'весьма'],
    negIntensifier: ['массов\\p{L}*', 'систематическ\\p{L}*', 'системн\\p{L}*', 'широкомасштабн\\p{L}*', 'масштабн\\p{L}*'],
    upIntensifier: ['значительн\\p{L}*', 'существенн\\p{L}*', 'заметн\\p{L}*', 'серьезн\\p{L}*', 'реальн\\p{L}*', 'больш\\p{L}*'],
    prospective: [
      'чтобы',
      'для\\s+(?:обеспечения|проведения)',
      'должн\\p{L}*',
      'необходим\\p{L}*',
      'следует',
      'призыва\\p{L}*',
      'рекоменд\\p{L}*',
      'с\\s+целью',
      'на\\s+пути\\s+к',
      'стремлени\\p{L}*',
      'надеж\\p{L}*',
      'надеемся',
    ],
    purpose: ['для\\s+того\\s*,?\\s+чтобы', 'с\\s+тем\\s*,?\\s+чтобы', 'чтобы'],
    withheld: [
      '(?:нельзя|невозможно|не\\s+можем|не\\s+могу|не\\s+может|не\\s+могут|не\\s+смог\\p{L}*|нет\\s+(?:никаких\\s+)?оснований|нет\\s+основания|никто\\s+не\\s+может)\\s+(?:бы\\s+)?(?:сказать|утверждать|говорить|считать|констатировать|заявить|подтвердить|прийти\\s+к\\s+выводу|сделать\\s+вывод)',
      '(?:ставит|ставят|ставило|ставила|поставил\\p{L}*|поставить)\\s+под\\s+(?:вопрос|сомнение)',
    ],
    hypothetical: [
      'котор\\p{L}*\\s+(?:мог\\p{L}*|могут|способн\\p{L}*)(?:\\s+бы)?',
      'способн\\p{L}*',
      'могущ\\p{L}*',
      // «надеемся, что выборы пройдут честно»: a hope before the vote assesses nothing yet (codebook R10, R15)
      '(?:надеемся|надеюсь|надеется|надеются|рассчитываем|рассчитывает|ожидаем|ожидает|выража\\p{L}*\\s+надежду)\\s*,?\\s*(?:что|на\\s+то\\s*,?\\s*что)',
      '(?:оцени|оценива|провер|установ|определ|посмотр|выясн|изуч)\\p{L}*(?:\\s*,\\s*|\\s+)(?:насколько|ли)',
    ],
    concession: ['несмотря\\s+на', 'невзирая\\s+на', 'за\\s+исключением', 'помимо'],

    denied: [
      // «не похоже (на то), чтобы ...», «не думаю, что ...»: the clause that follows is negated (codebook R13)
      'не\\s+(?:похоже|думаю|думаем|считаю|считаем|кажется|верю|верим|представляется|видно)(?:\\s+на\\s+то)?\\s*,?\\s*(?:что(?:бы)?|будто(?:\\s+бы)?)',
      'нет\\s+(?:никаких\\s+)?(?:признаков|свидетельств|оснований\\s+(?:полагать|считать|думать))\\s*,?\\s*(?:что(?:бы)?|будто)',
    ],
    postDoubt: [
      '(?:был\\p{L}*\\s+|были\\s+)?(?:поставлен\\p{L}*\\s+под\\s+(?:сомнение|вопрос)|оспорен\\p{L}*|подвергнут\\p{L}*\\s+сомнению|вызыва\\p{L}*\\s+сомнени\\p{L}*|вызвал\\p{L}*\\s+сомнени\\p{L}*)',
    ],
    conclusion: [
      '(?:следует|нужно|необходимо|надо|можно|должн\\p{L}*\\s+быть)\\s+(?:было\\s+)?(?:признать|признаны|признан\\p{L}*|считать|назвать|оценить|квалифицировать|расценивать|расценить)',
    ],
    remedy: [
      '(?:не\\s+)?(?:был\\p{L}*\\s+)?(?:учтен\\p{L}*|устранен\\p{L}*|рассмотрен\\p{L}*|удовлетворен\\p{L}*|исправлен\\p{L}*|принят\\p{L}*\\s+во\\s+внимание)',
    ],
  },
};

/** Token windows in which a cue affects a phrase (counted in words, never across a sentence end). */
export const WINDOWS = {
  /** negation / doubt cues before the phrase; also stops at commas and contrast words */
  negationBefore: 7,
  /** post-negation after the phrase ("нарушений не выявлено"); a relative clause in between is skipped */
  negationAfter: 6,
  /** intensifiers, softeners and limiters before the phrase (plus inside it) */
  degreeBefore: 2,
  /** hedges before the phrase (may cross a comma: "Overall, ..."; "in general the Election Day was conducted in ...") */
  hedgeBefore: 8,
  /** goal/recommendation cues before the phrase */
  prospectiveBefore: 4,
  /** how far back a post-posed negation reaches over a list of denied problems («не увидели ни X, ни Y, ни Z») */
  absenceListBefore: 14,
  /** how far a passive doubt after the phrase reaches back over its subject ("the democratic nature of ... was questioned") */
  subjectLength: 30,
} as const;

/**
 * How contrast mixes the signals: when a contrast cue is present and the statement
 * carries both positive and negative evidence, it is MIXED unless one side outweighs the
 * other by at least this factor; then the dominant side wins, one step closer to MIXED.
 */
export const CONTRAST_DOMINANCE_RATIO = 2;

// ---------------------------------------------------------------------------------------
// Statement-kind hints
// ---------------------------------------------------------------------------------------

export interface StatementKindHint {
  /** A kind that decides the verdict on its own. */
  verdict?: 'NOT_OBSERVED';
  /** Multiplier on confidence: off-the-cuff remarks are weaker evidence than reports. */
  confidence: number;
  note: string;
}

export const STATEMENT_KIND_HINTS: Record<string, StatementKindHint> = {
  declined: {
    verdict: 'NOT_OBSERVED',
    confidence: 0.95,
    note: 'the body declined or was prevented from observing',
  },
  final: { confidence: 1, note: 'final report: considered wording' },
  preliminary: { confidence: 1, note: 'statement of preliminary findings and conclusions' },
  press: { confidence: 0.9, note: 'press conference or release, often paraphrased' },
  interview: { confidence: 0.85, note: 'interview remark, not a mission finding' },
};
