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
export const CODER_VERSION = 'rules-2026.12';

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
}

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
      for (const i of idx) tokens[i]?.cues.add(kind);
    }
  }
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

/** Word-token indices after `from`, within `size` words; stops at any punctuation or contrast. */
function windowAfter(tokens: Token[], from: number, size: number): number[] {
  const out: number[] = [];
  for (let i = from + 1; i < tokens.length && out.length < size; i++) {
    const t = tokens[i];
    if (!t?.isWord || t.cues.has('contrast')) break;
    out.push(i);
  }
  return out;
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
}

function towardThree(s: number): number {
  return s > 3 ? s - 1 : s < 3 ? s + 1 : s;
}

function scoreMatch(text: string, tokens: Token[], m: Match, mi: number): Scored {
  const rule = m.rule;
  const phrase = text.slice(m.start, m.end);
  const notes: string[] = [];
  if (rule.score === null) return { match: m, phrase, base: null, score: null, negated: false, notes };

  // A cue counts when it is free (not part of another matched phrase) or part of this one.
  const own = (i: number) => tokens[i]?.matchIndex === mi;
  const free = (i: number) => (tokens[i]?.matchIndex ?? -1) === -1;
  const has = (i: number, k: CueKind) => tokens[i]?.cues.has(k) === true;
  const inside: number[] = [];
  for (let i = m.first; i <= m.last; i++) inside.push(i);

  // --- negation and doubt ---------------------------------------------------------
  let negated = false;
  let doubted = false;
  let deficit = false;
  let negationAt = -1;
  if (rule.negatable !== false) {
    const before = windowBefore(tokens, m.first, WINDOWS.negationBefore, { stopAtComma: true, stopAtContrast: true });
    for (const i of before) {
      if (!free(i)) continue;
      if (has(i, 'negation') || has(i, 'deficit')) {
        negated = true;
        deficit = has(i, 'deficit');
        negationAt = i;
        break;
      }
      if (has(i, 'doubt')) {
        doubted = true;
        negationAt = i;
        break;
      }
    }
    if (!negated && !doubted) {
      const after = windowAfter(tokens, m.last, WINDOWS.negationAfter);
      if (after.some((i) => free(i) && has(i, 'postNegation'))) negated = true;
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
  if (!negated && !doubted) {
    const before = windowBefore(tokens, m.first, WINDOWS.prospectiveBefore, { stopAtComma: true, stopAtContrast: true });
    const cue = before.find((i) => free(i) && has(i, 'prospective'));
    if (cue !== undefined) {
      notes.push(`neutralised by goal/recommendation cue "${tokens[cue]?.text ?? ''}"`);
      return { match: m, phrase, base: rule.score, score: null, negated: false, notes };
    }
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
  const hedgeIdx = [
    ...windowBefore(tokens, m.first, WINDOWS.hedgeBefore, { stopAtComma: false, stopAtContrast: true }).filter(free),
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
    if (s > 3) s = limited ? 2 : 6 - s;
    else if (s < 3) s = 4;
    notes.push(deficit ? 'negated (a deficit: "lack of")' : limited ? 'negated (limited: "not fully")' : 'negated');
  } else if (doubted) {
    s = s > 3 ? 2 : 3;
    notes.push('doubted');
  }
  return { match: m, phrase, base: rule.score, score: s, negated: negated || doubted, notes };
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
  const found = scored.filter((s): s is Scored & { score: number } => s.score !== null);
  // Codebook R1: praise of the procedure (weight 1) does not offset a negative conclusion
  // (weight 2 or more) when nothing weightier speaks for the election.
  const weightyNegative = found.some((s) => s.score < 3 && s.match.rule.weight >= 2);
  const weightyPositive = found.some((s) => s.score > 3 && s.match.rule.weight >= 2);
  const offsetOnly = weightyNegative && !weightyPositive;
  const evaluative = offsetOnly ? found.filter((s) => !(s.score > 3 && s.match.rule.weight === 1)) : found;
  const notObservedWeight = notObserved.reduce((a, s) => a + s.match.rule.weight, 0);
  const evaluativeWeight = evaluative.reduce((a, s) => a + s.match.rule.weight, 0);

  // Codebook R10: a body that did not observe may still assess the election ("this will not be a
  // genuine election"): with no phrase saying it stayed away, the assessment is coded, less surely.
  const assessesWhileAway = hint?.verdict === 'NOT_OBSERVED' && notObserved.length === 0 && evaluativeWeight >= 2;
  if (hint?.verdict === 'NOT_OBSERVED' && !assessesWhileAway) {
    const ids = ['kind.declined', ...new Set(notObserved.map((s) => s.match.rule.id))];
    return {
      verdict: 'NOT_OBSERVED',
      confidence: hint.confidence,
      rule: ids.join('+'),
      evidence,
      explanation: `statement kind "${kind}": ${hint.note}. Evidence: ${evidenceText}.`,
    };
  }
  if (notObserved.length > 0 && notObservedWeight >= evaluativeWeight) {
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
  const mean = evaluative.reduce((a, s) => a + s.match.rule.weight * s.score, 0) / W;
  const posW = evaluative.filter((s) => s.score > 3).reduce((a, s) => a + s.match.rule.weight, 0);
  const negW = evaluative.filter((s) => s.score < 3).reduce((a, s) => a + s.match.rule.weight, 0);
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
  const rejection = evaluative.some((s) => s.base === 1 && s.score === 1 && s.match.rule.weight >= 2 && !s.negated);
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
  if (offsetOnly && evaluative.length < found.length) how += '; procedural praise set aside against a negative conclusion (codebook R1)';
  const verdict = verdictFromScore(score);

  // Confidence: more (and heavier) evidence → higher; disagreement among signals → lower.
  const spread = evaluative.reduce((a, s) => a + s.match.rule.weight * Math.abs(s.score - mean), 0) / W;
  const agreement = Math.max(0, 1 - spread / 2);
  const coverage = 1 - Math.exp(-W / 3);
  let confidence = coverage * agreement * (assessesWhileAway ? 0.5 : (hint?.confidence ?? 1));
  if (contrastApplied) confidence *= 0.8;
  confidence = Math.round(Math.min(0.99, Math.max(0.01, confidence)) * 100) / 100;

  const byWeight = [...evaluative].sort((a, b) => b.match.rule.weight - a.match.rule.weight);
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
