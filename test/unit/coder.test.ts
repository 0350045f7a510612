/**
 * The rule coder, on quotes written for these tests. Confidence is
 *   coverage · agreement · kind factor (× 0.8 when a contrast cue mixes the signals),
 * coverage = 1 − e^(−W/3) over the evaluative weight W, agreement = 1 − spread/2, rounded to
 * 2 decimals. Single-phrase values: W=1 → 0.28, W=2 → 0.49, W=3 → 0.63, W=4 → 0.74, W=6 → 0.86.
 */
import { describe, expect, it } from 'vitest';
import { codeVerdict, detectLanguage } from '../../src/verdicts/coder.js';

const code = (quote: string, statementKind?: string, language?: string) => codeVerdict({ quote, statementKind, language });
const brief = (quote: string, statementKind?: string) => {
  const c = code(quote, statementKind);
  return { verdict: c.verdict, confidence: c.confidence, rule: c.rule };
};

describe('stock phrases and evidence', () => {
  it('codes "free and fair" as ENDORSED, reporting the rule id and the matched phrase', () => {
    const c = code('The vote in Zembla was free and fair.');
    expect(c.verdict).toBe('ENDORSED');
    expect(c.rule).toBe('en.term.free-and-fair');
    expect(c.confidence).toBe(0.63); // W = 3
    // The whole stock phrase wins over the single words "free" and "fair" inside it.
    expect(c.evidence).toEqual([{ phrase: 'free and fair', ruleId: 'en.term.free-and-fair', score: 5, negated: false }]);
  });

  it('codes the compliance formulas: full compliance ENDORSED, "did not meet" CRITICAL', () => {
    expect(brief('The ballot was conducted in full compliance with international standards.')).toEqual({
      verdict: 'ENDORSED',
      confidence: 0.63,
      rule: 'en.compliance.full',
    });
    const c = code('The ballot did not meet key democratic standards.');
    expect(c.verdict).toBe('CRITICAL');
    expect(c.evidence).toEqual([{ phrase: 'did not meet key democratic standards', ruleId: 'en.noncompliance', score: 2, negated: false }]);
  });

  it('lists every rule that fired, heaviest first, and averages by weight', () => {
    // free (w2, 5), transparent (w2, 5), orderly (w1, 4): mean 24/5 = 4.8 → ENDORSED.
    // spread = (2·0.2 + 2·0.2 + 1·0.8)/5 = 0.32; agreement = 1 − 0.16; coverage = 1 − e^(−5/3).
    // confidence = 0.8111 · 0.84 = 0.6813 → 0.68
    const c = code('The delegation noted that voting was free, transparent and orderly.');
    expect(c.verdict).toBe('ENDORSED');
    expect(c.rule).toBe('en.term.free+en.term.transparent+en.term.procedural-positive');
    expect(c.evidence.map((e) => e.phrase)).toEqual(['free', 'transparent', 'orderly']);
    expect(c.confidence).toBe(0.68);
  });

  it('sets procedural praise aside beside an unhedged headline formula, keeping it as evidence (codebook R1)', () => {
    // free and fair (w3, 5), transparent (w2, 5); orderly set aside: W = 5, no spread → 1 − e^(−5/3) = 0.81
    const c = code('The delegation noted that voting was free and fair, transparent and orderly.');
    expect(c.verdict).toBe('ENDORSED');
    expect(c.rule).toBe('en.term.free-and-fair+en.term.transparent');
    expect(c.evidence.map((e) => e.phrase)).toEqual(['free and fair', 'transparent', 'orderly']);
    expect(c.confidence).toBe(0.81);
  });

  it('gives a clear stock phrase more confidence than a weak procedural cue, and more evidence more still', () => {
    const weak = code('The count was calm.'); // W = 1
    const clear = code('The vote was free and fair.'); // W = 3
    const two = code('The elections were legitimate and reflected the will of the voters.'); // W = 6
    expect(weak).toMatchObject({ verdict: 'LARGELY_POSITIVE', confidence: 0.28 });
    expect(clear.confidence).toBe(0.63);
    expect(two).toMatchObject({ verdict: 'ENDORSED', confidence: 0.86, rule: 'en.term.legitimate+en.will-of-people' });
    expect(weak.confidence).toBeLessThan(clear.confidence);
    expect(clear.confidence).toBeLessThan(two.confidence);
  });

  it('gives no verdict and zero confidence for an empty or irrelevant text', () => {
    for (const quote of ['', '   ', 'The weather was pleasant and the polling stations opened at eight.']) {
      const c = code(quote);
      expect(c, JSON.stringify(quote)).toMatchObject({ verdict: null, confidence: 0, rule: '', evidence: [] });
    }
  });
});

describe('cues', () => {
  it('negation flips a positive term: "not free and fair" is CONDEMNED; a deficit ("lack of transparency") is CRITICAL', () => {
    expect(code('The vote in Zembla was not free and fair.').evidence).toEqual([
      { phrase: 'free and fair', ruleId: 'en.term.free-and-fair', score: 1, negated: true },
    ]);
    expect(brief('There was a lack of transparency.')).toMatchObject({ verdict: 'CRITICAL', rule: 'en.term.transparent' });
    expect(code('Отмечена недостаточная прозрачность подсчёта.').verdict).toBe('CRITICAL');
    expect(code('Подсчёт голосов был непрозрачным.').verdict).toBe('CRITICAL');
    expect(code('There was an absence of violations.').verdict).toBe('LARGELY_POSITIVE');
  });

  it('negation of problems reassures without endorsing; "not fully" only partly negates', () => {
    const c = code('No violations were noted.');
    expect(c.verdict).toBe('LARGELY_POSITIVE');
    expect(c.evidence).toEqual([{ phrase: 'violations', ruleId: 'en.term.problems', score: 4, negated: true }]);
    // "not fully democratic" is CRITICAL, not CONDEMNED.
    expect(code('The election was not fully democratic.').evidence[0]).toMatchObject({ score: 2, negated: true });
  });

  it('doubt is a softer denial: doubts over fairness give CRITICAL', () => {
    expect(code('There were doubts over the fairness of the count.').evidence).toEqual([
      { phrase: 'fairness', ruleId: 'en.term.fair', score: 2, negated: true },
    ]);
  });

  it('intensifiers push away from MIXED and softeners toward it', () => {
    expect(code('Observers noted violations.').evidence[0]?.score).toBe(2);
    expect(code('Observers noted serious violations.').evidence[0]?.score).toBe(2);
    expect(code('Observers noted widespread violations.').evidence[0]?.score).toBe(1);
    expect(code('Observers noted minor violations.').evidence[0]?.score).toBe(3);
    expect(code('The count was very calm.').evidence[0]?.score).toBe(4); // 4 → 5, then at most 4: one stage (codebook R7)
  });

  it('hedges trim the extremes on both ends', () => {
    expect(code('The vote was largely free and fair.').evidence[0]?.score).toBe(4);
    expect(code('The vote was largely fraudulent.').evidence[0]?.score).toBe(2);
    expect(code('Voting was generally transparent.').verdict).toBe('LARGELY_POSITIVE');
  });

  it('goal and recommendation language is not a finding', () => {
    const c = code('We urge the authorities to hold free and fair elections.');
    expect(c).toMatchObject({ verdict: null, confidence: 0, rule: '' });
    expect(c.evidence).toEqual([{ phrase: 'free and fair', ruleId: 'en.term.free-and-fair', score: null, negated: false }]);
  });

  it('a contrast between balanced signals gives MIXED at reduced confidence', () => {
    // calm (w1, 4) vs pressure (w1, 2): mean 3, spread 1, agreement 0.5, coverage 1 − e^(−2/3) = 0.4866.
    // Without contrast: 0.2433 → 0.24; with "but": × 0.8 = 0.1947 → 0.19.
    expect(brief('The campaign was calm, but there was pressure on voters.')).toEqual({
      verdict: 'MIXED',
      confidence: 0.19,
      rule: 'en.term.procedural-positive+en.term.problems+cue.contrast',
    });
    expect(brief('The campaign was calm and there was pressure on voters.')).toEqual({
      verdict: 'MIXED',
      confidence: 0.24,
      rule: 'en.term.procedural-positive+en.term.problems',
    });
  });

  it('across a contrast, a side with twice the weight wins, kept within one step of MIXED', () => {
    // transparent (w2, 5) vs intimidation (w1, 1): 2 ≥ 2·1, mean 11/3 → 4.
    // spread = (2·4/3 + 1·8/3)/3 = 16/9; agreement = 1/9; coverage = 0.6321 → 0.0702 · 0.8 = 0.056 → 0.06.
    expect(brief('Voting was transparent, however observers noted widespread intimidation.')).toEqual({
      verdict: 'LARGELY_POSITIVE',
      confidence: 0.06,
      rule: 'en.term.transparent+en.term.problems+cue.contrast',
    });
  });
});

describe('NOT_OBSERVED', () => {
  it('recognises declined and not-invited phrases, confidence 0.8', () => {
    expect(brief('The mission will not deploy observers to Zembla.')).toEqual({
      verdict: 'NOT_OBSERVED',
      confidence: 0.8,
      rule: 'en.not-observed.declined',
    });
    expect(brief('The delegation was not invited by the authorities.')).toEqual({
      verdict: 'NOT_OBSERVED',
      confidence: 0.8,
      rule: 'en.not-observed.not-invited',
    });
  });

  it('a not-observed phrase wins over evaluative words of no greater weight; the kind scales its confidence', () => {
    const quote = 'The mission was not invited, but the vote was free and fair.'; // 3 ≥ 3
    expect(brief(quote)).toEqual({ verdict: 'NOT_OBSERVED', confidence: 0.8, rule: 'en.not-observed.not-invited' });
    expect(brief(quote, 'press').confidence).toBe(0.72); // 0.8 · 0.9
  });

  it('the statement kind "declined" decides unless the text assesses the election without saying the body stayed away (codebook R10)', () => {
    expect(brief('The mission will not be deployed.', 'declined').verdict).toBe('NOT_OBSERVED');
    // the kind alone decides, but below the review threshold (codebook R16); a phrase confirming it keeps 0.95
    expect(brief('Nothing to add.', 'declined')).toEqual({ verdict: 'NOT_OBSERVED', confidence: 0.45, rule: 'kind.declined' });
    expect(brief('The mission was not invited.', 'declined').confidence).toBe(0.95);
    const warning = brief('The vote will not be free and fair.', 'declined');
    expect(warning.verdict).toBe('CONDEMNED');
    expect(warning.rule).toContain('kind.declined-but-assessed');
    expect(warning.confidence).toBeLessThan(0.5);
    expect(brief('The mission was not invited.', ' Declined ').rule).toBe('kind.declined+en.not-observed.not-invited');
  });
});

describe('statement kind', () => {
  it('scales confidence down for press (0.9) and interview (0.85) remarks, not for final reports', () => {
    // 0.6321 · 0.9 = 0.569 → 0.57; 0.6321 · 0.85 = 0.537 → 0.54
    const quote = 'The vote was free and fair.';
    expect(code(quote, 'final').confidence).toBe(0.63);
    expect(code(quote, 'press').confidence).toBe(0.57);
    expect(code(quote, 'interview').confidence).toBe(0.54);
    expect(code(quote, 'interview').verdict).toBe('ENDORSED');
  });
});

describe('Russian', () => {
  it('codes free and fair elections as ENDORSED from two stems', () => {
    // свободно (w2) + честно (w2): W = 4 → 1 − e^(−4/3) = 0.736 → 0.74
    expect(brief('Выборы прошли свободно и честно.')).toEqual({ verdict: 'ENDORSED', confidence: 0.74, rule: 'ru.term.free+ru.term.fair' });
  });

  it('flips under "не" and reads post-posed negation "нарушений не выявлено"', () => {
    expect(code('Выборы не были свободными.').evidence).toEqual([
      { phrase: 'свободными', ruleId: 'ru.term.free', score: 1, negated: true },
    ]);
    expect(code('Нарушений не выявлено.')).toMatchObject({
      verdict: 'LARGELY_POSITIVE',
      evidence: [{ ruleId: 'ru.term.problems', score: 4, negated: true }],
    });
    expect(code('Выявлены серьезные нарушения.').verdict).toBe('CRITICAL');
    expect(code('Выявлены массовые нарушения.').verdict).toBe('CONDEMNED');
  });

  it('reads the "violations did not affect the results" formula as one LARGELY_POSITIVE finding', () => {
    const c = code('Отдельные нарушения не повлияли на итоги голосования.');
    expect(c).toMatchObject({ verdict: 'LARGELY_POSITIVE', confidence: 0.63, rule: 'ru.no-effect-on-result' });
    expect(c.evidence.map((e) => e.phrase)).toEqual(['нарушения не повлияли на итоги']);
  });

  it('hedges with "в целом", contrasts with "тем не менее" and recognises non-invitation', () => {
    expect(code('Голосование прошло в целом прозрачно.').evidence[0]?.score).toBe(4);
    // прозрачно (w2, 5) vs нарушения (w1, 2): positive dominates → mean 4 → LARGELY_POSITIVE, "не" not read as negation.
    const c = code('Голосование прошло прозрачно, тем не менее выявлены нарушения.');
    expect(c.rule).toBe('ru.term.transparent+ru.term.problems+cue.contrast');
    expect(c.evidence.map((e) => e.negated)).toEqual([false, false]);
    expect(brief('Миссия не была приглашена.')).toEqual({ verdict: 'NOT_OBSERVED', confidence: 0.8, rule: 'ru.not-observed.not-invited' });
  });

  it('detects the language from the script; an explicit language overrides it', () => {
    expect(detectLanguage('Выборы прошли')).toBe('ru');
    expect(detectLanguage('ЦИК of Zembla')).toBe('en'); // more Latin than Cyrillic letters
    expect(code('Выборы прошли свободно и честно.', undefined, 'en').verdict).toBeNull();
    expect(code('The vote was free and fair.', undefined, 'ru').verdict).toBeNull();
    expect(code('Выборы прошли свободно и честно.', undefined, 'de').verdict).toBe('ENDORSED'); // unknown → detected
  });
});

describe('codebook decision rules', () => {
  it('R1: procedural praise does not offset a negative conclusion', () => {
    expect(code('Election day was calm and well administered, but the elections did not meet a number of OSCE commitments.').verdict).toBe(
      'CRITICAL',
    );
    expect(code('The vote was orderly; the campaign was marked by the abuse of administrative resources.').verdict).toBe('CRITICAL');
  });

  it('R11: absence of problems with no stock phrase reassures', () => {
    expect(code('There is no information that there have been any excesses.').verdict).toBe('LARGELY_POSITIVE');
    expect(code('Эксцессов не зафиксировано.').verdict).toBe('LARGELY_POSITIVE');
  });

  it('R13 and R5: "free but not fair", a setback, a missed opportunity are CRITICAL; "a good election" is ENDORSED', () => {
    expect(code('The election was free but not fair.').verdict).toBe('CRITICAL');
    expect(code('Выборы были свободными, но не честными.').verdict).toBe('CRITICAL');
    expect(code('This election was a missed opportunity.').verdict).toBe('CRITICAL');
    expect(code('This was a good and competitive election.').verdict).toBe('ENDORSED');
  });

  it('R4 and R3: partial compliance is MIXED; violations "not systemic" are LARGELY_POSITIVE', () => {
    expect(code('The elections partly met OSCE commitments.').verdict).toBe('MIXED');
    expect(code('Выборы частично соответствовали демократическим стандартам.').verdict).toBe('MIXED');
    expect(code('Выявленные нарушения не носили системного характера.').verdict).toBe('LARGELY_POSITIVE');
  });
});
