/**
 * Rule-based verdict coder for election-observation statements (English and Russian).
 *
 * Pure and deterministic: the same input always gives the same output, no I/O.
 * All vocabulary lives in rules.ts; this file only applies it:
 *
 *   1. normalise the quote, tokenise it, mark cue words (negation, contrast, hedges ...);
 *   2. find phrase-rule matches, keep the longest non-overlapping ones (blockers included);
 *   3. score each match: base score → intensifiers/softeners → hedges → clamp →
 *      negation/doubt; goal/recommendation language ("to ensure free elections") is
 *      neutralised;
 *   4. aggregate: weighted mean, except that a contrast cue with evidence on both sides
 *      yields MIXED unless one side clearly dominates.
 */
import {
  CONTRAST_DOMINANCE_RATIO,
  CUES,
  PHRASE_RULES,
  STATEMENT_KIND_HINTS,
  WINDOWS,
  re,
  wordMatches,
  type CueKind,
  type Lang,
  type PhraseRule,
} from './rules.js';
import { verdictFromScore, type Verdict } from './scale.js';

/** Changes whenever rules.ts or the scoring below change; stored with every coded verdict. */
export const CODER_VERSION = 'rules-2026.12.3';

/** Confidence of a NOT_OBSERVED decided by the statement kind alone, no phrase in the text confirming it. */
const KIND_ONLY_CONFIDENCE = 0.45;

export interface CodeVerdictInput {
  quote: string;
  /** 'en' | 'ru'; anything else (or nothing) → detected from the script. */
  language?: string | undefined;
  /** preliminary | final | press | interview | declined */
  statementKind?: string | undefined;
}

export interface VerdictEvidence {
  /** The matched text, as it appears in the (whitespace-normalised) quote. */
  phrase: string;
  ruleId: string;
  /** Score after cues; null for NOT_OBSERVED phrases and neutralised (goal) phrases. */
  score: number | null;
  negated: boolean;
}

export interface CodedVerdict {
  verdict: Verdict | null;
  /** 0..1; 0 when nothing matched. */
  confidence: number;
  /** Id(s) of the rule(s) that decided, '+'-joined, strongest first. */
  rule: string;
  evidence: VerdictEvidence[];
  explanation: string;
}

// ---------------------------------------------------------------------------------------
// Text preparation
// ---------------------------------------------------------------------------------------

interface Token {
  start: number;
  end: number;
  text: string;
  isWord: boolean;
  /** Sentence-level boundary: . ; : ! ? … */
  strong: boolean;
  cues: Set<CueKind>;
  /** Index of the accepted match covering this token, or -1. */
  matchIndex: number;
  /** Clause-wide scopes this token lies in (after a "cannot say that", a "despite", a goal infinitive). */
  scopes: Set<ScopeKind>;
}

/** Cues whose reach is the rest of a clause rather than a few words. */
type ScopeKind = 'withheld' | 'concession' | 'purpose' | 'hypothetical' | 'denied';

function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u00B4`]/g, "'")
    .replace(/ё/g, 'е')
    .replace(/Ё/g, 'Е')
    .replace(/\s+/g, ' ')
    .trim();
}

const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}'-]*|[.;:!?…]+|[,()«»"“”„—–-]/gu;

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    const t = m[0];
    const isWord = /^[\p{L}\p{N}]/u.test(t);
    tokens.push({
      start,
      end: start + t.length,
      text: t,
      isWord,
      strong: !isWord && /^[.;:!?…]+$/.test(t),
      cues: new Set<CueKind>(),
      matchIndex: -1,
      scopes: new Set<ScopeKind>(),
    });
  }
  return tokens;
}

export function detectLanguage(text: string): Lang {
  const cyr = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const lat = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  return cyr > lat ? 'ru' : 'en';
}

function resolveLanguage(language: string | undefined, text: string): Lang {
  const l = (language ?? '').trim().toLowerCase();
  if (l === 'en' || l === 'ru') return l;
  return detectLanguage(text);
}

// Cue regexes are compiled once per language.
const CUE_ORDER: CueKind[] = [
  // contrast first: its words ("тем не менее") must not also count as negation
  'contrast',
  // before negation, purpose and prospective: "не похоже, чтобы ..." is a denial, not a goal
  'denied',
  'conclusion',
  'postDoubt',
  'remedy',
  'postNegation',
  'deficit',
  'negation',
  'doubt',
  'limiter',
  'hedge',
  'softener',
  'posIntensifier',
  'negIntensifier',
  'upIntensifier',
  'prospective',
  'purpose',
  'withheld',
  'concession',
  'hypothetical',
];
const cueRegexCache = new Map<string, RegExp>();
function cueRegex(lang: Lang, kind: CueKind): RegExp | null {
  const key = `${lang}:${kind}`;
  const cached = cueRegexCache.get(key);
  if (cached) return cached;
  const list = CUES[lang][kind];
  if (list.length === 0) return null;
  const compiled = re(list.map((s) => `(?:${s})`).join('|'));
  cueRegexCache.set(key, compiled);
  return compiled;
}

function tokensIn(tokens: Token[], start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t && t.end > start && t.start < end) out.push(i);
  }
  return out;
}

/**
 * Spreads the clause-wide cues over the words after them: "cannot say that ..." withholds the
 * whole rest of the sentence (codebook R13), "despite ..." concedes up to the next comma, a goal
 * infinitive governs the rest of its clause ("to create a legal framework ... fully in line with").
 */
function markScopes(tokens: Token[]): void {
  const kinds: ScopeKind[] = ['withheld', 'concession', 'purpose', 'hypothetical', 'denied'];
  for (const kind of kinds) {
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens[i]?.cues.has(kind)) continue;
      let j = i + 1;
      while (j < tokens.length && tokens[j]?.cues.has(kind)) j++;
      for (; j < tokens.length; j++) {
        const t = tokens[j];
        if (!t || t.strong) break;
        if (kind !== 'withheld' && kind !== 'hypothetical' && kind !== 'denied' && !t.isWord && t.text === ',') break;
        if (kind === 'hypothetical' && t.cues.has('contrast')) break;
        // a contrast opens a new assertion ("we cannot say it was free, but it was calm")
        if ((kind === 'purpose' || kind === 'withheld' || kind === 'denied') && t.cues.has('contrast')) break;
        t.scopes.add(kind);
      }
      i = j;
    }
  }
}

/** A conditional conjunction among the few words before a token ("before elections can be called democratic"). */
const CONDITIONAL = /^(?:before|until|unless|if|once|when|so|прежде|пока|если|когда|чтобы)$/iu;
function conditionBefore(tokens: Token[], at: number): boolean {
  for (let i = at - 1, words = 0; i >= 0 && words < 5; i--) {
    const t = tokens[i];
    if (!t || t.strong) break;
    if (!t.isWord) continue;
    words++;
    if (CONDITIONAL.test(t.text)) return true;
  }
  return false;
}

function markCues(text: string, tokens: Token[], lang: Lang): void {
  for (const kind of CUE_ORDER) {
    const rx = cueRegex(lang, kind);
    if (!rx) continue;
    for (const m of wordMatches(text, rx)) {
      const start = m.index ?? 0;
      const idx = tokensIn(tokens, start, start + m[0].length);
      // Words of a contrast phrase are not negations ("тем не менее", "nevertheless").
      if ((kind === 'negation' || kind === 'postNegation' || kind === 'deficit') && idx.some((i) => tokens[i]?.cues.has('contrast')))
        continue;
      // "не похоже, чтобы ...": the conjunction of an indirect denial opens no goal clause
      if ((kind === 'purpose' || kind === 'prospective') && idx.some((i) => tokens[i]?.cues.has('denied'))) continue;
      // "should be considered illegitimate" states a conclusion; "before it can be called democratic" is a condition
      if (kind === 'conclusion' && conditionBefore(tokens, idx[0] ?? 0)) continue;
      for (const i of idx) tokens[i]?.cues.add(kind);
    }
  }
  markScopes(tokens);
}

// ---------------------------------------------------------------------------------------
// Phrase matching
// ---------------------------------------------------------------------------------------

interface Match {
  rule: PhraseRule;
  start: number;
  end: number;
  first: number; // first token index
  last: number; // last token index
}

function findMatches(text: string, tokens: Token[], lang: Lang): Match[] {
  const candidates: { rule: PhraseRule; start: number; end: number }[] = [];
  for (const rule of PHRASE_RULES) {
    if (rule.lang !== lang) continue;
    for (const m of wordMatches(text, rule.pattern)) candidates.push({ rule, start: m.index, end: m.index + m[0].length });
  }
  // Longest match wins (a stock phrase beats the single words inside it); then weight.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || b.rule.weight - a.rule.weight || a.start - b.start);
  const accepted: Match[] = [];
  for (const c of candidates) {
    if (accepted.some((a) => c.start < a.end && a.start < c.end)) continue;
    const idx = tokensIn(tokens, c.start, c.end);
    const first = idx[0];
    const last = idx[idx.length - 1];
    if (first === undefined || last === undefined) continue;
    accepted.push({ ...c, first, last });
  }
  accepted.sort((a, b) => a.start - b.start);
  accepted.forEach((m, mi) => {
    for (let i = m.first; i <= m.last; i++) {
      const t = tokens[i];
      if (t) t.matchIndex = mi;
    }
  });
  return accepted;
}

/** Word-token indices before `from`, nearest first, within `size` words. */
function windowBefore(
  tokens: Token[],
  from: number,
  size: number,
  opts: { stopAtComma: boolean; stopAtContrast: boolean; stopAtPhrase?: boolean },
): number[] {
  const out: number[] = [];
  const self = tokens[from]?.matchIndex ?? -1;
  for (let i = from - 1; i >= 0 && out.length < size; i--) {
    const t = tokens[i];
    if (!t) break;
    if (t.strong) break;
    if (!t.isWord) {
      if (opts.stopAtComma) break;
      continue;
    }
    if (opts.stopAtContrast && t.cues.has('contrast')) break;
    // A degree word modifies the phrase right after it, not one beyond another phrase
    // ("отдельные нарушения не повлияли": "отдельные" belongs to "нарушения").
    if (opts.stopAtPhrase && t.matchIndex !== -1 && t.matchIndex !== self) break;
    out.push(i);
  }
  return out;
}

// relative pronouns and Russian participles that open a clause ("нарушений, способных повлиять ...")
const RELATIVE = /^(?:which|that|who|котор\p{L}*|способн\p{L}*|могущ\p{L}*|\p{L}+(?:ющ|ящ|ащ|вш)(?:ий|ая|ее|ие|их|им|ими|его|ей))$/iu;

/**
 * Word-token indices after `from`, within `size` words; stops at any punctuation or contrast,
 * except that a relative clause set off by commas is stepped over ("нарушений, которые могли
 * повлиять на результаты, выявлено не было": the negation belongs to "нарушений").
 */
function windowAfter(tokens: Token[], from: number, size: number): number[] {
  const out: number[] = [];
  for (let i = from + 1; i < tokens.length && out.length < size; i++) {
    let t = tokens[i];
    if (t?.text === ',' && RELATIVE.test(tokens[i + 1]?.text ?? '')) {
      let j = i + 1;
      while (j < tokens.length && tokens[j] && !tokens[j]?.strong && tokens[j]?.text !== ',') j++;
      if (tokens[j]?.text !== ',') break;
      i = j + 1;
      t = tokens[i];
    }
    if (!t?.isWord || t.cues.has('contrast')) break;
    out.push(i);
  }
  return out;
}

/**
 * Whether the phrase stands in the subject of a passive doubt later in its sentence ("the democratic
 * nature of the repeat round, which ..., was questioned by the mission"): no other phrase, contrast or
 * sentence end comes between, within a subject's length.
 */
function subjectOfDoubt(tokens: Token[], from: number): boolean {
  for (let i = from + 1, words = 0; i < tokens.length && words < WINDOWS.subjectLength; i++) {
    const t = tokens[i];
    if (!t || t.strong || t.cues.has('contrast')) return false;
    if (!t.isWord) continue;
    words++;
    if (t.cues.has('postDoubt') && t.matchIndex === -1) return true;
    if (t.matchIndex !== -1 || t.cues.has('negation')) return false;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------

interface Scored {
  match: Match;
  phrase: string;
  base: number | null;
  score: number | null;
  negated: boolean;
  notes: string[];
  /** The weight it counts with: the rule's, or 3 for an absence of problems (codebook R3). */
  weight: number;
  /** Secondary formula (R3): decides only without a primary headline. */
  secondary: boolean;
  /** Inside a concessive phrase ("despite some problems"). */
  conceded: boolean;
}

const CONJUNCTION = /^(?:and|or|nor|и|или|ни|,)$/iu;
/** Words that may stand between a negation and the problem it denies ("did not register any procedural violations"). */
const FINDING_WORD =
  /^(?:any|no|not|serious|major|significant|grave|gross|such|other|further|were|was|have|has|had|been|there|we|they|it|the|of|observe[ds]?|found|find|record(?:ed)?|register(?:ed)?|note[ds]?|see|seen|notice[ds]?|detect(?:ed)?|identif(?:y|ied)|encounter(?:ed)?|confirmation|evidence|information|cases|reports|instances|facts|signs|widespread|massive|that|with|сталкивал\p{L}*|столкнул\p{L}*|встречал\p{L}*|с|фактов|случаев|информаци\p{L}*|сведени\p{L}*|серьезн\p{L}*|груб\p{L}*|значительн\p{L}*|существенн\p{L}*|каких-либо|никаких|каких|прямых|вопиющ\p{L}*|удалось|выявить|обнаружить|зафиксировать|найти|отметить|было|были|выявлено|зафиксировано|обнаружено|отмечено|мы|нам)$/iu;

/** Doubt words that, said of problems, mean almost none of them. */
const ALMOST_NONE = /^(?:hardly|scarcely|вряд|едва)$/iu;

function findingBetween(tokens: Token[], from: number, to: number): boolean {
  let unknown = 0;
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i];
    // other matched phrases and conjunctions are a coordinated list ("no major irregularities or violations")
    if (t?.isWord && t.matchIndex === -1 && !t.cues.has('negation') && !CONJUNCTION.test(t.text) && !FINDING_WORD.test(t.text)) unknown++;
  }
  return unknown <= 1;
}

function towardThree(s: number): number {
  return s > 3 ? s - 1 : s < 3 ? s + 1 : s;
}

function scoreMatch(text: string, tokens: Token[], m: Match, mi: number): Scored {
  const rule = m.rule;
  const phrase = text.slice(m.start, m.end);
  const notes: string[] = [];
  const inside: number[] = [];
  for (let i = m.first; i <= m.last; i++) inside.push(i);
  const conceded = inside.some((i) => tokens[i]?.scopes.has('concession'));
  const out = (score: number | null, negated: boolean, weight = rule.weight, secondary = rule.secondary === true): Scored => ({
    match: m,
    phrase,
    base: rule.score,
    score,
    negated,
    notes,
    weight,
    secondary,
    conceded,
  });
  if (rule.score === null) return out(null, false);

  // A cue counts when it is free (not part of another matched phrase) or part of this one.
  const own = (i: number) => tokens[i]?.matchIndex === mi;
  const free = (i: number) => (tokens[i]?.matchIndex ?? -1) === -1;
  const has = (i: number, k: CueKind) => tokens[i]?.cues.has(k) === true;

  // --- negation and doubt ---------------------------------------------------------
  let negated = false;
  let doubted = false;
  let deficit = false;
  let negationAt = -1;
  if (rule.negatable !== false) {
    const before = windowBefore(tokens, m.first, WINDOWS.negationBefore, { stopAtComma: true, stopAtContrast: true });
    let closer = -1; // the word last visited, between the cue and the phrase
    for (const i of before) {
      if (!free(i)) {
        // A negation is shared across coordinated phrases ("not free and fair", "не свободными и
        // честными") but not across a phrase that stands in another role ("lack of genuine
        // opposition limited voter choice": "lack" belongs to "genuine opposition").
        if (closer === -1) break;
        closer = i;
        continue;
      }
      if (has(i, 'negation') || has(i, 'deficit')) {
        // "no serious violations were found" denies problems; "not one of the concerns was taken
        // into account" denies the remedy, not the concerns: the words between must be a finding's.
        if (rule.absence === true && !findingBetween(tokens, i, m.first)) break;
        negated = true;
        deficit = has(i, 'deficit');
        negationAt = i;
        break;
      }
      if (has(i, 'doubt')) {
        // "no reason to doubt that the vote was free": a denied doubt affirms
        const denied = windowBefore(tokens, i, 3, { stopAtComma: true, stopAtContrast: true }).some((j) => has(j, 'negation'));
        if (denied) notes.push('doubt denied');
        else if (rule.absence === true && (ALMOST_NONE.test(tokens[i]?.text ?? '') || ALMOST_NONE.test(tokens[i - 1]?.text ?? ''))) {
          // "hardly any violations", «вряд ли были нарушения»: almost none, an absence of problems
          negated = true;
          negationAt = i;
        } else {
          doubted = true;
          negationAt = i;
        }
        break;
      }
      closer = i;
    }
    // "не было отмечено прямых, грубых и вопиющих нарушений": a finding's negation reaches over a list.
    if (!negated && !doubted && rule.absence === true) {
      for (let i = m.first - 1, words = 0; i >= 0 && words < WINDOWS.absenceListBefore; i--) {
        const t = tokens[i];
        if (!t || t.strong || t.cues.has('contrast')) break;
        if (!t.isWord) continue;
        words++;
        if (free(i) && has(i, 'postNegation')) {
          negated = true;
          negationAt = i;
          break;
        }
      }
    }
    if (!negated && !doubted) {
      const after = windowAfter(tokens, m.last, WINDOWS.negationAfter);
      if (after.some((i) => free(i) && has(i, 'postNegation'))) negated = true;
      else if (after.some((i) => free(i) && has(i, 'postDoubt'))) {
        doubted = true;
        notes.push('doubted after the phrase');
      } else if (subjectOfDoubt(tokens, m.last)) {
        // "the democratic nature of the final round ..., was questioned by the mission" (codebook R13)
        doubted = true;
        notes.push('subject of a doubt ("... was questioned")');
      }
    } else if (doubted) {
      // «сомнений в легитимности выборов нет»: the doubt is denied after the phrase
      const after = windowAfter(tokens, m.last, WINDOWS.negationAfter);
      if (after.some((i) => free(i) && has(i, 'postNegation'))) {
        doubted = false;
        notes.push('doubt denied');
      }
    }
  }
  // "none of the concerns were addressed" denies the remedy, not the concerns (codebook R13): they stand.
  if (negated && rule.absence === true && windowAfter(tokens, m.last, WINDOWS.negationAfter).some((i) => free(i) && has(i, 'remedy'))) {
    negated = false;
    deficit = false;
    negationAt = -1;
    notes.push('the negation denies a remedy: the problem stands');
  }
  // "I do not think that the vote was free", «не похоже, чтобы были массовые нарушения»: an indirect
  // denial negates its clause (codebook R13); a negation inside that clause makes a double negative.
  if (rule.negatable !== false && tokens[m.first]?.scopes.has('denied')) {
    if (negated && tokens[negationAt]?.scopes.has('denied') && !tokens[negationAt]?.cues.has('denied')) {
      negated = false;
      deficit = false;
      notes.push('negation denied (double negative)');
    } else if (!negated && !doubted) {
      negated = true;
      notes.push('denied ("I do not think that ...")');
    }
  }
  // "cannot say that the elections were fair" withholds the assessment: a doubt over the clause;
  // "no one can claim the vote was not free" withholds a denial: the double negative affirms.
  if (tokens[m.first]?.scopes.has('hypothetical')) {
    notes.push('neutralised: inside a hypothetical clause ("which could have ...")');
    return out(null, false);
  }
  if (rule.negatable !== false && inside.some((i) => tokens[i]?.scopes.has('withheld'))) {
    if (negated && tokens[negationAt]?.scopes.has('withheld')) {
      negated = false;
      deficit = false;
      notes.push('negation withheld (double negative)');
    } else if (negated) {
      // the negation is the cue's own ("cannot say that"): a doubt, not a denial
      negated = false;
      deficit = false;
      doubted = true;
      notes.push('withheld ("cannot say that ...")');
    } else if (!doubted) {
      doubted = true;
      notes.push('withheld ("cannot say that ...")');
    }
  }
  let limited = false;
  if (negated || doubted) {
    const between: number[] = [];
    for (let i = negationAt >= 0 ? negationAt + 1 : m.first; i <= m.last; i++) between.push(i);
    // "lack of transparency" finds a want of something, as "not fully" does: CRITICAL, not CONDEMNED.
    limited = deficit || between.some((i) => (free(i) || own(i)) && has(i, 'limiter'));
  }

  // --- goals and recommendations are not findings ------------------------------------
  // Fixed idioms carry their own polarity ("must do more", "did everything so that ... as few
  // observers as possible"): a goal word is part of the finding, not a recommendation.
  if (!negated && !doubted && rule.negatable !== false) {
    const before = windowBefore(tokens, m.first, WINDOWS.prospectiveBefore, { stopAtComma: true, stopAtContrast: true });
    // "should be considered illegitimate" is a conclusion, not a recommendation
    const cue = before.find((i) => free(i) && has(i, 'prospective') && !has(i, 'conclusion'));
    if (cue !== undefined) {
      notes.push(`neutralised by goal/recommendation cue "${tokens[cue]?.text ?? ''}"`);
      return out(null, false);
    }
  }
  // a goal clause holds no finding, negated or not ("so that elections are not marred by fraud")
  if (rule.negatable !== false && inside.some((i) => tokens[i]?.scopes.has('purpose'))) {
    notes.push('neutralised: inside a goal clause');
    return out(null, false);
  }

  // --- degree: intensifiers and softeners -----------------------------------------
  let s = rule.score;
  const mode = rule.intensify ?? 'away';
  const degreeIdx = [
    ...windowBefore(tokens, m.first, WINDOWS.degreeBefore, { stopAtComma: true, stopAtContrast: true, stopAtPhrase: true }),
    ...inside,
  ];
  const softened = mode !== 'none' && degreeIdx.some((i) => has(i, 'softener'));
  let intensified = false;
  if (mode === 'up') {
    intensified = degreeIdx.some((i) => has(i, 'upIntensifier'));
    if (intensified) s += 1;
  } else if (mode === 'away') {
    if (s > 3 && !limited) intensified = degreeIdx.some((i) => has(i, 'posIntensifier'));
    if (s < 3) intensified = degreeIdx.some((i) => has(i, 'negIntensifier'));
    if (intensified) s = s > 3 ? s + 1 : s < 3 ? s - 1 : s;
  }
  if (softened) s = towardThree(s);
  if (intensified) notes.push('intensified');
  if (softened) notes.push('softened');

  // --- hedges trim the extremes ("largely transparent") ---------------------------------
  // A hedge that opens the sentence ("Overall, ...", "В целом ...") qualifies all of it.
  const opening: number[] = [];
  for (let i = m.first - 1; i >= 0 && !tokens[i]?.strong; i--) if (tokens[i]?.isWord) opening.unshift(i);
  const hedgeIdx = [
    ...windowBefore(tokens, m.first, WINDOWS.hedgeBefore, { stopAtComma: false, stopAtContrast: true }).filter(free),
    ...opening.slice(0, 3).filter(free),
    ...inside,
  ];
  if (hedgeIdx.some((i) => has(i, 'hedge')) && (s === 5 || s === 1)) {
    s = s === 5 ? 4 : 2;
    notes.push('hedged');
  }

  s = Math.min(rule.maxScore ?? 5, Math.max(rule.minScore ?? 1, s));

  // --- negation / doubt -----------------------------------------------------------
  if (negated) {
    // "not free" is the opposite; "not fully democratic" only partly so;
    // "no serious violations" is reassuring but not an endorsement.
    if (rule.negatedScore !== undefined && s > 3) s = rule.negatedScore;
    else if (s > 3) s = limited ? 2 : 6 - s;
    else if (s < 3 || rule.absence === true) s = 4;
    // "did not result in a more transparent election": no progress is a setback (codebook R5)
    else if (rule.comparison === true) s = 2;
    notes.push(deficit ? 'negated (a deficit: "lack of")' : limited ? 'negated (limited: "not fully")' : 'negated');
  } else if (doubted) {
    s = s > 3 ? 2 : 3;
    notes.push('doubted');
  }
  // "no serious violations were found" is the R3 formula: it weighs as a headline, but only decides alone.
  if (negated && rule.absence === true && s > 3) {
    notes.push('absence of problems (R3)');
    return out(s, true, 3, true);
  }
  return out(s, negated || doubted);
}

function roundTowardThree(x: number): number {
  const f = Math.floor(x);
  const frac = x - f;
  if (Math.abs(frac - 0.5) < 1e-9) return Math.abs(f - 3) < Math.abs(f + 1 - 3) ? f : f + 1;
  return Math.round(x);
}

function fmt(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2);
}

// ---------------------------------------------------------------------------------------
// Which findings decide (codebook R1, R2, R3, R5, R7)
// ---------------------------------------------------------------------------------------

type Found = Scored & { score: number };

/** Nouns naming one component or stage of the process rather than the election as a whole. */
const COMPONENT: Record<Lang, RegExp> = {
  en: /^(?:amendments?|laws?|legislation|legal|code|media|coverage|campaign\p{L}*|canvassing|materials|count|counting|tabulation|registration|lists?|complaints|appeals|commissions?|administration|board|cec|day|procedures?|financing|funding|threshold|candidates?|parties|party)$/iu,
  ru: /^(?:поправк|закон|законодательств|кодекс|сми|освещени|агитаци|кампани|подсчет|регистрац|списк|жалоб|комисси|финансировани|процедур|кандидат|парти|голосовани|организаци(?!онн)|подготовк)\p{L}*$/iu,
};
/** The body calls what failed central: then the contrast is a verdict on the election (R2). */
const CENTRAL = /^(?:central|essential|key|fundamental|core|basic|ключев\p{L}*|основн\p{L}*|фундаментальн\p{L}*|принципиальн\p{L}*)$/iu;

const REPORTING =
  /^(?:that|said|says|stated|states|announced|noted|notes|concluded|declared|believes|told|assessed|что|заявил\p{L}*|отметил\p{L}*|сообщил\p{L}*|подчеркнул\p{L}*|считает|считают|признал\p{L}*|оценил\p{L}*|оценивает|констатировал\p{L}*)$/iu;

function sentenceStart(tokens: Token[], at: number): number {
  let i = at;
  while (i > 0 && !tokens[i - 1]?.strong) i--;
  return i;
}

/**
 * Applies the codebook's rules on which findings decide, in order, and says what it set aside:
 * tone markers alone assess nothing (R15); concessions ("despite some problems") give way to the
 * finding (R1, R3); remaining problems after a "however" that name a component keep a positive
 * headline (R2); secondary formulas ("did not affect the results", "no serious violations",
 * national law) count only without a primary headline (R3); comparisons only when they are all
 * there is (R5); a few criticisms inside a positive headline, or procedural praise inside a
 * negative one, do not offset it (R1); praise said of one component is at most LARGELY_POSITIVE (R7).
 */
function weigh(found: Found[], tokens: Token[], lang: Lang): { kept: Found[]; notes: string[] } {
  const notes: string[] = [];
  let kept = found;
  const drop = (keep: (s: Found) => boolean, note: string) => {
    const next = kept.filter(keep);
    if (next.length < kept.length && next.length > 0) {
      notes.push(note);
      kept = next;
    }
  };
  const isTone = (s: Found) => s.match.rule.tone === true;
  const isComparison = (s: Found) => s.match.rule.comparison === true;

  // R15: a tone marker alone assesses nothing.
  if (kept.every(isTone)) return { kept: [], notes: ['only a tone marker: no assessment (R15)'] };

  // R1/R3: what a concessive phrase concedes gives way to the finding outside it.
  if (kept.some((s) => !s.conceded && !isTone(s)))
    drop((s) => !(s.conceded && s.match.rule.weight < 3), 'conceded findings set aside (R1, R3)');
  // A tone marker leans a negative finding; beside none, it assesses nothing.
  if (!kept.some((s) => !isTone(s) && s.score < 3)) drop((s) => !isTone(s), 'tone marker without a negative finding set aside');

  // R2: a positive headline before "however"; what follows names a component → it stays.
  const headlineEnd = Math.min(...kept.filter((s) => s.score > 3 && s.weight >= 3).map((s) => s.match.last));
  if (Number.isFinite(headlineEnd)) {
    for (let c = headlineEnd + 1; c < tokens.length; c++) {
      const t = tokens[c];
      if (!t?.cues.has('contrast') || t.scopes.has('concession')) continue;
      let end = c;
      while (end + 1 < tokens.length && !tokens[end + 1]?.strong) end++;
      const firstNeg = Math.min(
        end + 1,
        ...kept.filter((s) => s.score < 3 && s.match.first > c && s.match.last <= end).map((s) => s.match.first),
      );
      let component = false;
      let central = false;
      for (let i = c + 1; i <= end; i++) {
        const w = tokens[i];
        if (!w?.isWord) continue;
        if (CENTRAL.test(w.text)) central = true;
        if (i < firstNeg && w.matchIndex === -1 && COMPONENT[lang].test(w.text)) component = true;
      }
      if (component && !central)
        drop(
          (s) => !(s.score < 3 && s.score > 1 && s.match.first > c && s.match.last <= end),
          'criticism of a component after the contrast keeps the headline (R2)',
        );
      c = end;
    }
  }

  // R3: secondary formulas decide only without a primary headline, and lift nothing the statement criticises.
  const primary = kept.filter((s) => !s.secondary && !isComparison(s) && !isTone(s) && s.weight >= 2);
  const primaryWeight = primary.reduce((a, s) => a + s.weight, 0);
  if (primaryWeight >= 3 || primary.some((s) => s.score < 3))
    drop((s) => !s.secondary, 'secondary formula set aside beside a headline (R3)');

  // R5: a comparison counts only when it is all there is.
  const otherWeight = kept.filter((s) => !isComparison(s) && !isTone(s)).reduce((a, s) => a + s.weight, 0);
  if (otherWeight >= 2) drop((s) => !isComparison(s), 'comparison with earlier elections set aside (R5)');

  // R1: procedural praise does not offset a negative conclusion, nor a few criticisms a positive one.
  const weightyNegative = kept.some((s) => s.score < 3 && s.weight >= 2);
  const weightyPositive = kept.some((s) => s.score > 3 && s.weight >= 2);
  if (weightyNegative && !weightyPositive)
    drop((s) => !(s.score > 3 && s.weight === 1), 'procedural praise set aside against a negative conclusion (R1)');
  const headline = kept.some((s) => s.score > 3 && s.weight >= 3 && !s.secondary);
  // (a problem word counts here however softened: "some shortcomings" is still a criticism)
  if (headline && !weightyNegative)
    drop((s) => !((s.base ?? 3) < 3 && s.score <= 3 && s.weight === 1), 'minor criticism set aside inside a positive conclusion (R1)');

  // R1: procedural praise adds nothing to an unhedged headline (it cannot reach 5 itself, R7).
  if (kept.some((s) => s.score === 5 && s.weight >= 3 && !s.secondary) && !weightyNegative)
    drop((s) => !(s.score === 4 && s.weight === 1), 'procedural praise beside an unhedged headline set aside (R1)');

  // R7: an unhedged term said of one component (its subject, or its genitive object) is at most 4.
  kept = kept.map((s) => {
    if (s.score !== 5) return s;
    const start = sentenceStart(tokens, s.match.first);
    let subject: Token[] = [];
    for (let i = start; i < s.match.first; i++) {
      const t = tokens[i];
      // reported speech: the subject is the reported clause's ("the CEC chairman said the vote was free")
      if (t?.isWord && REPORTING.test(t.text)) subject = [];
      else if (t?.isWord && subject.length < 6 && !t.cues.has('contrast') && !t.cues.has('hedge') && !t.scopes.has('concession'))
        subject.push(t);
    }
    const after: Token[] = [];
    for (let i = s.match.last + 1; i < tokens.length && after.length < 3; i++) {
      const t = tokens[i];
      if (!t?.isWord) break;
      after.push(t);
    }
    const objectOf = lang === 'en' ? after[0]?.text.toLowerCase() === 'of' || after[0]?.text.toLowerCase() === 'manner' : true;
    // A headline formula is judged by what it is said of ("legitimacy of the procedures"), not by the sentence's subject.
    const partOf =
      (s.weight < 3 && subject.some((t) => COMPONENT[lang].test(t.text))) || (objectOf && after.some((t) => COMPONENT[lang].test(t.text)));
    if (!partOf) return s;
    if (!notes.includes('praise of one component is at most LARGELY_POSITIVE (R7)'))
      notes.push('praise of one component is at most LARGELY_POSITIVE (R7)');
    return { ...s, score: 4 };
  });
  return { kept, notes };
}

// ---------------------------------------------------------------------------------------
// Public entry point
// ---------------------------------------------------------------------------------------

export function codeVerdict(input: CodeVerdictInput): CodedVerdict {
  const text = normalise(input.quote ?? '');
  const lang = resolveLanguage(input.language, text);
  const kind = (input.statementKind ?? '').trim().toLowerCase();
  const hint = STATEMENT_KIND_HINTS[kind];

  const tokens = tokenise(text);
  markCues(text, tokens, lang);
  const matches = findMatches(text, tokens, lang);
  const scored = matches
    .map((m, mi) => scoreMatch(text, tokens, m, mi))
    .filter((s) => s.match.rule.score !== null || s.match.rule.notObserved === true);

  const evidence: VerdictEvidence[] = scored.map((s) => ({
    phrase: s.phrase,
    ruleId: s.match.rule.id,
    score: s.score,
    negated: s.negated,
  }));
  const describe = (s: Scored) =>
    `"${s.phrase}" [${s.match.rule.id}] ${s.score === null ? (s.match.rule.notObserved ? 'not observed' : 'ignored') : `${s.base ?? '?'}→${s.score}`}${s.notes.length ? ` (${s.notes.join(', ')})` : ''}`;
  const evidenceText = scored.length ? scored.map(describe).join('; ') : 'no rule matched';

  // --- NOT_OBSERVED --------------------------------------------------------------
  const notObserved = scored.filter((s) => s.match.rule.notObserved === true);
  // Codebook R8: an assessment mission or limited observation is deployment, whatever the kind says.
  const deployed = matches.some((m) => m.rule.deployed === true);
  const found = scored.filter((s): s is Scored & { score: number } => s.score !== null);
  const { kept: evaluative, notes: setAside } = weigh(found, tokens, lang);
  const notObservedWeight = deployed ? 0 : notObserved.reduce((a, s) => a + s.match.rule.weight, 0);
  const evaluativeWeight = evaluative.reduce((a, s) => a + s.weight, 0);

  // Codebook R10: a body that did not observe may still assess the election ("this will not be a
  // genuine election"): with no phrase saying it stayed away, the assessment is coded, less surely.
  // Scattered problem words are not such an assessment: it takes a phrase of weight 2 or more.
  const assessesWhileAway =
    hint?.verdict === 'NOT_OBSERVED' && notObserved.length === 0 && evaluativeWeight >= 2 && evaluative.some((s) => s.weight >= 2);
  if (hint?.verdict === 'NOT_OBSERVED' && !assessesWhileAway && !deployed) {
    const ids = ['kind.declined', ...new Set(notObserved.map((s) => s.match.rule.id))];
    // The kind is the codebook's R8 signal, but metadata alone is weak evidence: with no phrase in the
    // text saying the body stayed away, the coding is sent to review (codebook R16: below 0.5).
    return {
      verdict: 'NOT_OBSERVED',
      confidence: notObserved.length > 0 ? hint.confidence : KIND_ONLY_CONFIDENCE,
      rule: ids.join('+'),
      evidence,
      explanation: `statement kind "${kind}": ${hint.note}. Evidence: ${evidenceText}.`,
    };
  }
  if (notObserved.length > 0 && !deployed && notObservedWeight >= evaluativeWeight) {
    const ids = [...new Set(notObserved.map((s) => s.match.rule.id))];
    return {
      verdict: 'NOT_OBSERVED',
      confidence: Math.round(0.8 * (hint?.confidence ?? 1) * 100) / 100,
      rule: ids.join('+'),
      evidence,
      explanation: `phrase says the body did not observe (weight ${notObservedWeight} ≥ evaluative ${evaluativeWeight}). Evidence: ${evidenceText}.`,
    };
  }

  // --- nothing to go on ------------------------------------------------------------
  if (evaluative.length === 0) {
    return {
      verdict: null,
      confidence: 0,
      rule: '',
      evidence,
      explanation: `no evaluative phrase found (${lang}). ${scored.length ? `Evidence: ${evidenceText}.` : ''}`.trim(),
    };
  }

  // --- aggregate -----------------------------------------------------------------
  const W = evaluativeWeight;
  const mean = evaluative.reduce((a, s) => a + s.weight * s.score, 0) / W;
  const posW = evaluative.filter((s) => s.score > 3).reduce((a, s) => a + s.weight, 0);
  const negW = evaluative.filter((s) => s.score < 3).reduce((a, s) => a + s.weight, 0);
  // The first contrast cue, with all its words ("тем не менее", "at the same time").
  const contrastStart = tokens.findIndex((t) => t.cues.has('contrast'));
  let contrastText = '';
  for (let i = contrastStart; i >= 0 && i < tokens.length && tokens[i]?.cues.has('contrast'); i++) {
    contrastText += (contrastText ? ' ' : '') + (tokens[i]?.text ?? '');
  }
  const contrastCue = contrastStart >= 0 ? { text: contrastText } : undefined;

  let score: number;
  let how: string;
  let contrastApplied = false;
  // Codebook R9: a finding of non-compliance with wholesale-rejection words beside it is CONDEMNED.
  // ("not free" / "not democratic" is such wholesale rejection as well: a denied headline at 1)
  // A problem word made wholesale by a scale word ("massive fraud") is such rejection too.
  const rejection = evaluative.some(
    (s) => s.score === 1 && s.weight >= 2 && (s.base === 1 ? !s.negated : s.negated || s.notes.includes('intensified')),
  );
  if (contrastCue && posW > 0 && negW > 0) {
    contrastApplied = true;
    const hi = Math.max(posW, negW);
    const lo = Math.min(posW, negW);
    if (hi < CONTRAST_DOMINANCE_RATIO * lo) {
      score = 3;
      how = `contrast cue "${contrastCue.text}" with positive (w=${posW}) and negative (w=${negW}) evidence`;
    } else {
      score = Math.min(4, Math.max(2, roundTowardThree(mean)));
      how = `contrast cue "${contrastCue.text}" but ${posW > negW ? 'positive' : 'negative'} evidence dominates (w=${hi} vs ${lo}); mean ${fmt(mean)} kept within one step of MIXED`;
    }
  } else {
    score = roundTowardThree(mean);
    how = `weighted mean ${fmt(mean)} over weight ${W}`;
  }
  if (rejection && posW === 0 && score === 2) {
    score = 1;
    how += '; wholesale-rejection words beside the finding (codebook R9) → CONDEMNED';
  }
  if (setAside.length) how += `; ${setAside.join('; ')}`;
  const verdict = verdictFromScore(score);

  // Confidence: more (and heavier) evidence → higher; disagreement among signals → lower.
  const spread = evaluative.reduce((a, s) => a + s.weight * Math.abs(s.score - mean), 0) / W;
  const agreement = Math.max(0, 1 - spread / 2);
  const coverage = 1 - Math.exp(-W / 3);
  let confidence = coverage * agreement * (assessesWhileAway ? 0.5 : (hint?.confidence ?? 1));
  if (contrastApplied) confidence *= 0.8;
  // Codebook R16: medium at most when R2 or R5 decided the level, low when only one stage (R7) did.
  const byComparison = evaluative.every((s) => s.match.rule.comparison === true);
  if (byComparison || setAside.some((n) => /\(R2\)/.test(n))) confidence = Math.min(confidence, 0.6);
  if (setAside.some((n) => /\(R7\)/.test(n))) confidence = Math.min(confidence, 0.4);
  confidence = Math.round(Math.min(0.99, Math.max(0.01, confidence)) * 100) / 100;

  const byWeight = [...evaluative].sort((a, b) => b.weight - a.weight);
  const ids = [...new Set(byWeight.map((s) => s.match.rule.id))];
  if (contrastApplied) ids.push('cue.contrast');
  if (assessesWhileAway) ids.push('kind.declined-but-assessed');

  return {
    verdict,
    confidence,
    rule: ids.join('+'),
    evidence,
    explanation: `${how} → ${verdict ?? 'none'}. Evidence: ${evidenceText}.`,
  };
}

/** A rule coder's result as the columns of its stored coding, one shape for ingestion and for `npm run recode`. */
export function ruleCodingColumns(verdict: Verdict, coded: CodedVerdict, codedAt: Date) {
  return {
    verdict,
    codedBy: CODER_VERSION,
    rule: coded.rule,
    confidence: coded.confidence,
    evidence: JSON.stringify(coded.evidence),
    codedAt,
  };
}
