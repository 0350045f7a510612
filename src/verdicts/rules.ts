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
  /** Marks a NOT_OBSERVED phrase instead of an evaluative one. */
  notObserved?: boolean;
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
  | 'prospective'; // goals and recommendations, not findings: "to ensure", "should", "towards"

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
      `(?<=(?:essential|central|necessary|needed|required|conducive|key|important|basis|framework|conditions?|prerequisites?)\\s+)(?:for|to)\\s+(?:a\\s+|the\\s+)?(?:genuinely\\s+|truly\\s+)?${EN_DEMO_ADJ}\\s+(?:elections?|election\\s+process|electoral\\s+process|process)`,
    ),
    note: '"commitments essential for a genuinely democratic election process"',
  },

  // --- compliance with commitments: the headline ODIHR/PACE/CIS formula ---------------
  {
    id: 'en.compliance.full',
    lang: 'en',
    score: 5,
    weight: 3,
    pattern: re(
      `(?:fully\\s+|entirely\\s+|completely\\s+)?(?:met|meets|meeting|complied\\s+with|compl(?:y|ies)\\s+with|(?:in\\s+)?(?:full\\s+)?(?:line|accordance|compliance|conformity|keeping)\\s+with|conform(?:s|ed)?\\s+to|consistent\\s+with|respected|upheld|lived\\s+up\\s+to)[\\s,]+(?!${EN_QUANT})${gap(6)}${EN_STD}`,
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
        `|(?:fell|falls?|fallen|falling)\\s+short\\s+of(?:[\\s,]+${gap(8)}${EN_STD}|\\s+(?:(?:a\\s+)?(?:considerable|significant|large|great)\\s+number|a\\s+number|some|many|most|several|certain|key|a\\s+few|important))?` +
        `|(?:was|were|is|are)\\s+not\\s+in\\s+(?:line|accordance|compliance|conformity)\\s+with(?:[\\s,]+${gap(6)}${EN_STD})?` +
        `|(?:run|runs|ran)\\s+counter\\s+to(?:[\\s,]+${gap(6)}${EN_STD})?`,
    ),
    intensify: 'none',
    note: '"did not meet a (considerable) number of OSCE commitments", "fell short of": CRITICAL whatever the quantifier (codebook R9); only wholesale-rejection words make it CONDEMNED',
  },
  {
    id: 'en.legality',
    lang: 'en',
    score: 4,
    weight: 2,
    pattern: re(
      `(?:in\\s+(?:full\\s+)?(?:accordance|compliance|conformity|line)\\s+with|complied\\s+with|compl(?:y|ies)\\s+with|held\\s+according\\s+to)\\s+(?:the\\s+)?${gap(2)}(?:law|laws|legislation|constitution|electoral\\s+code|election\\s+code|election\\s+law)`,
    ),
    note: 'legal compliance is weaker than compliance with democratic standards',
  },
  {
    id: 'en.no-effect-on-result',
    lang: 'en',
    score: 4,
    weight: 3,
    negatable: false,
    intensify: 'none', // "some violations did not affect the result" is not weaker for "some"
    pattern: re(
      `(?:${EN_PROBLEM_NOUNS}\\s+${gap(5)})?(?:(?:did|do|does|could|can|would|will)\\s+not|didn't|doesn't|couldn't|cannot|can't|wouldn't|won't|were\\s+not\\s+(?:of\\s+a\\s+nature|such\\s+as|sufficient)\\s+to|not\\s+(?:of\\s+a\\s+nature|serious\\s+enough)\\s+to)\\s+(?:have\\s+)?(?:significantly\\s+|materially\\s+|substantially\\s+|seriously\\s+)?(?:affect(?:ed)?|influence[d]?|impact(?:ed)?|change[d]?|alter(?:ed)?|call\\s+into\\s+question|undermine[d]?)\\s+${gap(4)}(?:results?|outcome|free\\s+choice|will|expression|integrity|legitimacy)`,
    ),
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
    pattern: re(
      any(
        `progress(?:ed)?(?:\\s+${gap(4)}towards?\\s+(?:meeting|fulfilling|holding|complying\\s+with|achieving|democratic)?\\s*(?:${WORD}[\\s,]+){0,5}?(?:${EN_STD}|elections?|democracy))?`,
        `closer\\s+to\\s+(?:meeting|fulfilling|holding|complying\\s+with|achieving)?\\s*(?:${WORD}[\\s,]+){0,5}?(?:${EN_STD}|elections?|democracy)`,
        `steps?\\s+forward|improve(?:ment|ments|d)`,
      ),
    ),
    note: 'progress is relative: "tangible progress towards meeting" = MIXED, "substantially closer" = LARGELY_POSITIVE, never ENDORSED',
  },
  {
    id: 'en.step-back',
    lang: 'en',
    score: 2,
    weight: 2,
    pattern: re(
      `steps?\\s+back(?:ward|wards)?|backward\\s+step|regress\\p{L}*|backslid\\p{L}*|deteriorat\\p{L}*|setbacks?|missed\\s+(?:an\\s+)?opportunit(?:y|ies)`,
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
    pattern: re(`good(?:\\s+and\\s+(?:competitive|genuine|democratic|fair))?\\s+(?:elections?|vote|contest)`),
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
    pattern: re(`open(?:ly|ness)?(?!\\s+(?:to|up|question|issue|air))`),
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
      `level\\s+playing\\s+field|equal\\s+(?:conditions|opportunities|treatment|access)|genuine\\s+(?:choice|competition|alternatives?|opposition)|meaningful\\s+(?:choice|competition)`,
    ),
    note: '"lack of a level playing field" = CRITICAL via the negation cue "lack of"',
  },
  {
    id: 'en.term.balanced',
    lang: 'en',
    score: 4,
    weight: 1,
    pattern: re(
      `balanced|unbiased|impartial(?:ity|ly)?|even-?handed|independen(?:t|ce)\\s+(?:of\\s+the\\s+)?(?:election\\s+administration|administration|commissions?)`,
    ),
  },
  {
    id: 'en.term.procedural-positive',
    lang: 'en',
    score: 4,
    weight: 1,
    pattern: re(
      `calm(?:ly)?|peaceful(?:ly)?|orderly|well[- ]organi[sz]ed|well[- ]administered|efficient(?:ly)?|professional(?:ly)?|smooth(?:ly)?|competitive|pluralis(?:tic|m)|vibrant|high[- ]quality|of\\s+high\\s+quality|good|positive(?:ly)?|clean`,
    ),
    note: 'procedural praise: real but secondary, so weight 1',
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
    pattern: re(
      `violations?|excess(?:es)?|irregularit(?:y|ies)|shortcomings?|deficienc(?:y|ies)|flaws?|flawed|problems?|concerns?|infringements?|malpractices?|misconduct|intimidat\\p{L}*|harass\\p{L}*|pressure|coercion|bias(?:ed)?|partiality|restrictions?|restricted|restrictive|interference|tampering|manipulat\\p{L}*|multiple\\s+voting|vote[- ]buying|unequal|uneven|disproportionate|marred|undermin\\p{L}*|skewed|slanted|tilted|disappoint\\p{L}*|obstruct\\p{L}*|detentions?|arrests?|limited\\s+(?:voter\\s+)?choice|predominant\\s+position`,
    ),
    note: 'findings of problems; "serious violations" → CONDEMNED via intensifier, "no violations" → positive via negation',
  },
  {
    id: 'en.term.abuse-of-resources',
    lang: 'en',
    score: 2,
    weight: 2,
    pattern: re(
      `(?:arbitrary\\s+)?(?:abuse|misuse)\\s+of\\s+(?:${WORD}\\s+)?(?:administrative\\s+resources|state\\s+resources|public\\s+resources|power|office|state\\s+power)|administrative\\s+resources|convergence\\s+of\\s+(?:the\\s+)?state\\s+and\\s+(?:the\\s+)?(?:governing|ruling)\\s+party`,
    ),
  },
  {
    id: 'en.term.fraud',
    lang: 'en',
    score: 1,
    weight: 2,
    pattern: re(
      `fraud\\p{L}*|falsif\\p{L}*|rigg(?:ed|ing)|ballot[- ]box\\s+stuffing|ballot\\s+stuffing|farce|sham|travesty|(?:severely|fundamentally|deeply)\\s+flawed|far\\s+(?:beyond|from)\\s+(?:acceptable|international|democratic|satisf\\p{L}*)`,
    ),
  },
  {
    id: 'en.term.regret',
    lang: 'en',
    score: 2,
    weight: 1,
    pattern: re(`regrettabl[ey]|unfortunately|sadly|pains\\s+me|heavy\\s+heart`),
    note: 'tone markers that ODIHR/OSCE PA heads use to introduce a negative finding',
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
        `(?:declin\\p{L}*|refus\\p{L}*)\\s+${gap(2)}(?:to\\s+)?(?:observe|observation|send|deploy|monitor|the\\s+invitation|an\\s+invitation)`,
        `(?:will|would|could|did|does|do|shall|was|were)\\s*(?:not|n't)\\s+(?:be\\s+able\\s+to\\s+)?(?:observe|deploy|send|monitor|dispatch)`,
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

  // --- compliance ------------------------------------------------------------------
  {
    id: 'ru.compliance',
    lang: 'ru',
    score: 5,
    weight: 3,
    pattern: re(`(?:в\\s+(?:полном\\s+)?соответствии\\s+со?|соответству\\p{L}*|отвеча\\p{L}*|соблюд\\p{L}*)[\\s,]+${gap(8)}${RU_STD}`),
    note: '"соответствуют международным стандартам", "общепризнанным демократическим нормам"',
  },
  {
    id: 'ru.noncompliance',
    lang: 'ru',
    score: 2,
    weight: 3,
    negatable: false,
    pattern: re(
      `(?:не\\s+(?:в\\s+полной\\s+мере\\s+|полностью\\s+)?(?:соответств\\p{L}*|отвеча\\p{L}*|соблюд\\p{L}*)|несоответстви\\p{L}*|нарушил\\p{L}*)(?:[\\s,]+${gap(8)}(?:${RU_STD}|${RU_LAW}))?`,
    ),
    intensify: 'none',
    note: '"не соответствуют стандартам": CRITICAL whatever the quantifier ("значительному числу", "ряду"), codebook R9',
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
    pattern: re(`(?:в\\s+(?:полном\\s+)?соответствии\\s+со?|соответству\\p{L}*|согласно)\\s+${gap(3)}${RU_LAW}`),
  },
  {
    id: 'ru.no-effect-on-result',
    lang: 'ru',
    score: 4,
    weight: 3,
    negatable: false,
    intensify: 'none', // "some violations did not affect the result" is not weaker for "some"
    pattern: re(
      `(?:${RU_PROBLEM_NOUNS}\\s+${gap(5)})?не\\s+(?:мог\\p{L}*\\s+|смог\\p{L}*\\s+|могут\\s+|способн\\p{L}*\\s+)?(?:повлия\\p{L}*|влия\\p{L}*|сказа\\p{L}*|отрази\\p{L}*|измени\\p{L}*|поставить\\s+под\\s+сомнение|ставят\\s+под\\s+сомнение)\\s+(?:на\\s+)?${gap(3)}(?:итог\\p{L}*|результат\\p{L}*|исход\\p{L}*|волеизъявлени\\p{L}*)`,
    ),
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
    note: '"честными", "свободные и справедливые"',
  },
  {
    id: 'ru.term.unfair',
    lang: 'ru',
    score: 1,
    weight: 2,
    pattern: re(`нечестн\\p{L}*|несправедлив\\p{L}*`),
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
    pattern: re(`(?:консолидац|укреплени)\\p{L}*\\s+(?:${WORD}\\s+){0,2}?демократи\\p{L}*`),
  },
  {
    id: 'ru.progress',
    lang: 'ru',
    score: 3,
    weight: 2,
    intensify: 'up',
    maxScore: 4,
    pattern: re(`прогресс\\p{L}*|шаг\\p{L}*\\s+вперед|улучшени\\p{L}*|продвижени\\p{L}*\\s+к`),
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
      `спокойн\\p{L}*|организованн\\p{L}*|четк\\p{L}*\\s+организаци\\p{L}*|на\\s+высоком\\s+уровне|профессиональн\\p{L}*|конкурентн\\p{L}*|плюралистич\\p{L}*|беспристрастн\\p{L}*|равн\\p{L}*\\s+(?:услови|возможност|доступ)\\p{L}*|положительн\\p{L}*|позитивн\\p{L}*|высок\\p{L}*\\s+оцен\\p{L}*`,
    ),
  },
  {
    id: 'ru.term.mixed',
    lang: 'ru',
    score: 3,
    weight: 2,
    pattern: re(`неоднозначн\\p{L}*|противоречив\\p{L}*|смешанн\\p{L}*`),
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
    note: '"нарушения не носили системного характера": problems conceded as immaterial (codebook R3); the conceded problems are part of the formula',
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
    pattern: re(
      `нарушени\\p{L}*|эксцесс\\p{L}*|инцидент\\p{L}*|недостатк\\p{L}*|недочет\\p{L}*|изъян\\p{L}*|проблем\\p{L}*|претензи\\p{L}*|давлени\\p{L}*|запугивани\\p{L}*|принуждени\\p{L}*|вмешательств\\p{L}*|манипуляци\\p{L}*|ограничени\\p{L}*|ограниченн\\p{L}*|неравн\\p{L}*|предвзят\\p{L}*|отрицательн\\p{L}*|негативн\\p{L}*`,
    ),
    note: '"нарушения"; "серьезные нарушения" via intensifier, "без нарушений" via negation',
  },
  {
    id: 'ru.term.skew',
    lang: 'ru',
    score: 2,
    weight: 2,
    pattern: re(
      `перекос\\p{L}*|(?:злоупотреблени\\p{L}*\\s+)?административн\\p{L}*\\s+ресурс\\p{L}*|злоупотреблени\\p{L}*\\s+(?:${WORD}\\s+)?(?:власт|полномочи)\\p{L}*`,
    ),
  },
  {
    id: 'ru.term.fraud',
    lang: 'ru',
    score: 1,
    weight: 2,
    pattern: re(
      `фальсификац\\p{L}*|фальсифицир\\p{L}*|вброс\\p{L}*|подтасовк\\p{L}*|карусел\\p{L}*|фарс\\p{L}*|имитаци\\p{L}*\\s+(?:выбор|демократ|голосовани)\\p{L}*`,
    ),
    note: '"фальсификации"',
  },
  {
    id: 'ru.term.regret',
    lang: 'ru',
    score: 2,
    weight: 1,
    pattern: re(`к\\s+сожалению|с\\s+сожалением|вынужден\\p{L}*\\s+(?:признать|констатировать)`),
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
        `не\\s+(?:будет\\s+|будут\\s+|станет\\s+|станут\\s+)?(?:направ|присыла|пришл|посыла|пошл|разверн|развертыва)\\p{L}*\\s+${gap(2)}(?:мисси|наблюдател|представител|делегаци)\\p{L}*`,
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
    ],
    deficit: ['lack(?:s|ed|ing)?(?:\\s+of)?', 'absence\\s+of', 'insufficient(?:ly)?', 'inadequate(?:ly)?', 'limited'],
    postNegation: [
      '(?:was|were|is|are|has|have|had)\\s+not\\s+(?:been\\s+)?(?:observed|found|recorded|registered|noted|reported|detected|identified|seen)',
    ],
    doubt: ['doubts?', 'doubtful', 'question(?:s|ed|able)?', 'dubious', 'uncertain(?:ty)?', 'call(?:s|ed)?\\s+into\\s+question'],
    limiter: ['fully', 'entirely', 'completely', 'totally', 'wholly', 'in\\s+full', 'quite', 'always'],
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
    negIntensifier: [
      'grave(?:ly)?',
      'gross(?:ly)?',
      'massive(?:ly)?',
      'severe(?:ly)?',
      'flagrant(?:ly)?',
      'blatant(?:ly)?',
      'egregious(?:ly)?',
      'widespread',
      'systematic(?:ally)?',
      'systemic',
      'large[- ]scale',
      'extensive(?:ly)?',
      'pervasive',
    ],
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
    ],
  },
  ru: {
    negation: ['не', 'нет', 'ни', 'без', 'нельзя', 'невозможно'],
    deficit: ['отсутстви\\p{L}*', 'нехватк\\p{L}*', 'недостаточн\\p{L}*', 'недостат(?:ок|ка|ком)'],
    postNegation: [
      'не\\s+(?:было|были|был|была|выявлен\\p{L}*|зафиксирован\\p{L}*|обнаружен\\p{L}*|отмечен\\p{L}*|наблюдал\\p{L}*|установлен\\p{L}*|зарегистрирован\\p{L}*|выявили|зафиксировали|обнаружили|отметили)',
      'нет',
      'отсутствовал\\p{L}*',
      'отсутствует',
      'отсутствуют',
    ],
    doubt: ['сомнени\\p{L}*', 'сомнительн\\p{L}*', 'под\\s+вопрос\\p{L}*', 'усомни\\p{L}*'],
    limiter: ['полностью', 'в\\s+полной\\s+мере', 'вполне', 'всегда', 'целиком'],
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
    negIntensifier: [
      'массов\\p{L}*',
      'груб\\p{L}*',
      'систематическ\\p{L}*',
      'системн\\p{L}*',
      'вопиющ\\p{L}*',
      'широкомасштабн\\p{L}*',
      'масштабн\\p{L}*',
    ],
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
  },
};

/** Token windows in which a cue affects a phrase (counted in words, never across a sentence end). */
export const WINDOWS = {
  /** negation / doubt cues before the phrase; also stops at commas and contrast words */
  negationBefore: 7,
  /** post-negation after the phrase ("нарушений не выявлено") */
  negationAfter: 3,
  /** intensifiers, softeners and limiters before the phrase (plus inside it) */
  degreeBefore: 2,
  /** hedges before the phrase (may cross a comma: "Overall, ...") */
  hedgeBefore: 3,
  /** goal/recommendation cues before the phrase */
  prospectiveBefore: 4,
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
