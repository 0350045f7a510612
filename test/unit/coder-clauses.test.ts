/**
 * The rule coder's clause-level rules and the codebook's decision rules, on sentences written for
 * these tests (none is taken from the data files): each rule is tried on wordings it was not
 * written from, in English and Russian.
 */
import { describe, expect, it } from 'vitest';
import { codeVerdict } from '../../src/verdicts/coder.js';

const v = (quote: string, statementKind?: string) => codeVerdict({ quote, statementKind }).verdict;

describe('withheld assessments: "cannot say that ..." (codebook R13)', () => {
  it('reads a withheld endorsement as a doubt, CRITICAL, in both languages', () => {
    expect(v('We cannot say that the parliamentary vote in Ruritania was free and fair.')).toBe('CRITICAL');
    expect(v('The delegation sees no grounds to claim that the ballot met international standards.')).toBe('CRITICAL');
    expect(v('Нельзя сказать, что эти выборы были честными и прозрачными.')).toBe('CRITICAL');
    expect(v('У миссии нет оснований утверждать, что голосование в полной мере соответствовало международным нормам.')).toBe('CRITICAL');
  });

  it('ends the withheld clause at a contrast, which opens an assertion of its own', () => {
    const c = codeVerdict({ quote: 'We cannot say that the vote was free, but it was calm.' });
    expect(c.evidence.find((e) => e.phrase === 'calm')).toMatchObject({ score: 4, negated: false });
  });

  it('reads a body unable to conclude that the vote was democratic as withholding', () => {
    expect(v('Миссия не смогла прийти к выводу о том, что выборы были демократическими.')).toBe('CRITICAL');
    expect(v('The delegation was unable to conclude that the elections were democratic.')).toBe('CRITICAL');
  });

  it('reads access to the media denied to contestants as CRITICAL', () => {
    expect(v('Ни один из кандидатов оппозиции не получил доступа к государственным СМИ.')).toBe('CRITICAL');
    expect(v('Opposition candidates were denied access to state media.')).toBe('CRITICAL');
  });

  it('reads a withheld denial as an affirmation (double negative)', () => {
    expect(v('No one can claim that the referendum was not free.')).toBe('ENDORSED');
  });

  it('keeps "cannot be recognised as" a denial, not a doubt', () => {
    expect(v('Эти выборы нельзя признать демократическими')).toBe('CONDEMNED');
  });

  it('spreads a question over its clause: "calls into question how far ..."', () => {
    expect(v('The lack of access for observers calls into question whether the count was transparent.')).toBe('CRITICAL');
    expect(v('Это ставит под сомнение то, насколько эти выборы были свободными.')).toBe('CRITICAL');
  });
});

describe('negation across a clause', () => {
  it('finds a negation written after the noun, over a relative clause', () => {
    expect(v('Нарушений, которые могли бы изменить итоги голосования, наблюдатели не выявили.')).toBe('LARGELY_POSITIVE');
    expect(v('Grave irregularities, which would have changed the outcome, were not observed.')).toBe('LARGELY_POSITIVE');
  });

  it('finds a split negation in reported speech', () => {
    expect(v('Of serious breaches of procedure in the polling stations the monitors did not notice any.')).not.toBe('CRITICAL');
    expect(v('Of serious violations on polling day the monitors did not notice.')).toBe('LARGELY_POSITIVE');
  });

  it('reads "met neither ... nor ..." as non-compliance (R9)', () => {
    expect(v('The municipal vote met neither OSCE commitments nor the standards of the previous round.')).toBe('CRITICAL');
    expect(v('The election met none of the key Council of Europe standards.')).toBe('CRITICAL');
  });

  it('does not let a negation of the remedy deny the problems', () => {
    expect(v('Not one of the complaints about violations was examined by the commission.')).not.toBe('LARGELY_POSITIVE');
    expect(v('Ни одна из жалоб на нарушения не была рассмотрена комиссией.')).not.toBe('LARGELY_POSITIVE');
  });

  it('does not share a negation with an adjacent phrase in another role', () => {
    expect(v('The absence of genuine competition limited voter choice.')).toBe('CRITICAL');
  });
});

describe('concessions and contrasts (R1, R2, R3)', () => {
  it('sets aside a conceded problem beside an unhedged headline', () => {
    expect(v('In spite of some irregularities, the presidential vote reflected the will of the people.')).toBe('ENDORSED');
    expect(v('Несмотря на отдельные недочёты, выборы прошли свободно и прозрачно.')).toBe('ENDORSED');
  });

  it('keeps an unhedged headline when "although" adds a few criticisms (R1)', () => {
    expect(v('The presidential election was held in line with OSCE commitments, although some procedural shortcomings were noted.')).toBe(
      'ENDORSED',
    );
  });

  it('sets aside what a concessive clause reports from others', () => {
    expect(v('The poll saw many violations, despite official claims that no serious violations were recorded.')).toBe('CRITICAL');
  });

  it('keeps a hedged headline when "however" names a component (R2)', () => {
    expect(v('The elections largely met OSCE commitments. However, the new media law runs counter to international standards.')).toBe(
      'LARGELY_POSITIVE',
    );
  });

  it('drops to MIXED when the contrast is a verdict on central commitments (R2)', () => {
    expect(
      v('The elections generally met OSCE commitments; however, they fell short of several that are central to a genuine contest.'),
    ).toBe('MIXED');
  });

  it('lets the R3 formula decide only alone', () => {
    expect(v('Isolated shortcomings could not influence the overall outcome.')).toBe('LARGELY_POSITIVE');
    expect(v('The ballot was free and fair; isolated shortcomings could not influence the outcome.')).toBe('ENDORSED');
    // The absence of serious violations lifts nothing the statement criticises.
    expect(v('The poll did not meet a number of OSCE commitments, though no serious violations were recorded on polling day.')).toBe(
      'CRITICAL',
    );
    expect(v('The campaign was slanted in favour of the incumbent, though no serious violations were recorded on polling day.')).toBe(
      'CRITICAL',
    );
  });
});

describe('goals, requirements and conditions', () => {
  it('neutralises an assessment inside a goal clause', () => {
    expect(v('It is essential to adopt an electoral code that is fully in line with international standards.')).toBeNull();
    expect(v('Для того чтобы выборы были свободными и честными, необходимо изменить закон.')).toBeNull();
  });

  it('reads criticism phrased as a requirement as CRITICAL (R11)', () => {
    expect(v('To meet its democratic commitments, the country must do more than hold orderly polls.')).toBe('CRITICAL');
    expect(v('Genuine reforms still have to be implemented before elections here can be called democratic.')).toBe('CRITICAL');
    expect(v('Многое ещё предстоит сделать, чтобы выборы стали по-настоящему конкурентными.')).toBe('CRITICAL');
  });

  it('reads an insufficient political will as CRITICAL', () => {
    expect(v('The authorities lacked the political will to hold a genuinely democratic vote.')).toBe('CRITICAL');
  });

  it('neutralises a condition: "violations which could have ..."', () => {
    expect(v('No irregularities which might have cast doubt on the legitimacy of the vote were found.')).toBe('LARGELY_POSITIVE');
  });
});

describe('comparisons and progress (R5)', () => {
  it('codes a comparison with an earlier election as MIXED whatever the degree word', () => {
    expect(v('The vote was a significant improvement over the 2003 elections.')).toBe('MIXED');
    expect(v('Голосование прошло значительно организованнее, чем в 2008 году.')).toBe('MIXED');
  });

  it('lets a degree word lift progress towards the standard', () => {
    expect(v('The country took a major step towards democratic elections.')).toBe('LARGELY_POSITIVE');
  });

  it('reads progress undone or a want of progress as CRITICAL', () => {
    expect(v('Democratic gains of recent years have been rolled back.')).toBe('CRITICAL');
    expect(v('The new law did not result in a more transparent election.')).toBe('CRITICAL');
    expect(v('Voters deserved better from this election.')).toBe('CRITICAL');
  });

  it('sets a comparison aside beside a finding', () => {
    expect(v('Серьёзных нарушений выявлено не было; их гораздо меньше, чем на прошлых выборах.')).toBe('LARGELY_POSITIVE');
  });
});

describe('one component (R7) and no stock phrase (R11)', () => {
  it('caps praise of one stage or body at LARGELY_POSITIVE', () => {
    expect(v('The central election commission worked in a transparent and impartial manner.')).toBe('LARGELY_POSITIVE');
    expect(v('The electoral code provides a sound basis for democratic elections.')).toBe('LARGELY_POSITIVE');
    expect(v('Наблюдатели отметили прозрачность процедуры подсчёта голосов.')).toBe('LARGELY_POSITIVE');
    expect(v('Polling was organised at a high level in the precincts we visited.')).toBe('LARGELY_POSITIVE');
  });

  it('codes the absence of criticism as LARGELY_POSITIVE', () => {
    expect(v('The delegation has no complaints about the conduct of the vote.')).toBe('LARGELY_POSITIVE');
    expect(v('Претензий к организации голосования у наблюдателей нет.')).not.toBe('CRITICAL');
    expect(v('У наблюдателей нет никаких замечаний к ходу голосования.')).toBe('LARGELY_POSITIVE');
  });

  it('codes congratulations and a good rating as an endorsement', () => {
    expect(v('The head of the mission congratulated the people of Ruritania on a well-run election.')).toBe('ENDORSED');
    expect(v('We assess the presidential election as very good.')).toBe('ENDORSED');
  });

  it('codes predetermined results and non-recognition as CONDEMNED', () => {
    expect(v('The absence of any real alternative predetermined the outcome of the vote.')).toBe('CONDEMNED');
    expect(v('The Union does not recognise the results of this so-called referendum.')).toBe('CONDEMNED');
    expect(v('Мы не признаём итоги этих так называемых выборов.')).toBe('CONDEMNED');
  });

  it('codes obstruction of observers as CRITICAL, not as NOT_OBSERVED (R8)', () => {
    expect(v('The mission could not observe the count because observers were denied access to the tabulation.')).toBe('CRITICAL');
    expect(v('The authorities repeatedly obstructed the work of international observers.')).toBe('CRITICAL');
    expect(v('Власти препятствовали работе наблюдателей на участках.')).toBe('CRITICAL');
  });

  it('keeps gross violations CRITICAL; only scale words make them CONDEMNED (R9)', () => {
    expect(v('The vote was marred by gross violations.')).toBe('CRITICAL');
    expect(v('Голосование прошло с грубыми нарушениями.')).toBe('CRITICAL');
    expect(v('Голосование сопровождалось массовыми нарушениями.')).toBe('CONDEMNED');
  });
});

describe('abstaining (R15) and not observing (R8)', () => {
  it('gives no verdict to a tone marker alone or a problem reported as put right', () => {
    expect(v('Regrettably, the debate was about personalities rather than programmes.')).toBeNull();
    expect(v('Two ballot boxes were found unsealed; the violations were promptly corrected.')).toBeNull();
  });

  it('reads criticism of the observers as no assessment of the election, but keeps bias the mission noted', () => {
    expect(v('The Foreign Ministry accused Western observers of bias.')).toBeNull();
    expect(v('Предвзятость западных наблюдателей очевидна.')).toBeNull();
    expect(v('The mission noted media bias in favour of the incumbent.')).toBe('CRITICAL');
  });

  it('gives no verdict to announcements and bare facts', () => {
    expect(v('Observers visited 450 polling stations in all regions of the country.')).toBeNull();
    expect(v('Явка избирателей составила 67 процентов.')).toBeNull();
    expect(v('The mission calls on the authorities to ensure that the elections are free and fair.')).toBeNull();
  });

  it('reads names and topics as no assessment', () => {
    expect(v('Representatives of the Office for Democratic Institutions and Human Rights arrived in the capital.')).toBeNull();
    expect(v('Делегация Центра мониторинга демократических процессов прибыла в столицу.')).toBeNull();
  });

  it('reads a reported decision not to send a mission as NOT_OBSERVED', () => {
    expect(v('The Assembly decided, after long debate, not to send observers to the vote.')).toBe('NOT_OBSERVED');
    expect(v('Бюро не намерено направлять миссию наблюдателей на эти выборы.')).toBe('NOT_OBSERVED');
  });

  it('does not take an assessment mission for a refusal, whatever the kind says', () => {
    const c = codeVerdict({
      quote: 'The Office deployed a limited election assessment mission of eight experts.',
      statementKind: 'declined',
    });
    expect(c.verdict).toBeNull();
    expect(v('The team will not conduct comprehensive observation on election day.', 'declined')).toBeNull();
  });
});

describe('more wordings the rules were not written from', () => {
  it('keeps a negated compliance formula CRITICAL (R9), a denied choice beside "not free" CONDEMNED', () => {
    expect(
      v('По оценке миссии, выборы прошли с существенными нарушениями, что не позволяет признать их соответствующими стандартам ОБСЕ.'),
    ).toBe('CRITICAL');
    expect(v('The presidential election was not free, and voters were denied a genuine choice.')).toBe('CONDEMNED');
  });

  it('reads a denied doubt as an affirmation and a passive "cannot be said" as withheld', () => {
    expect(v('We see no reason to doubt that the election was free and fair.')).toBe('ENDORSED');
    expect(v('It cannot be said that the vote was genuinely competitive.')).toBe('CRITICAL');
  });

  it('steps over a participle clause to the negation', () => {
    expect(v('Никаких нарушений, способных повлиять на итоги голосования, не выявлено.')).toBe('LARGELY_POSITIVE');
  });

  it('reads restricted freedoms and a missed opportunity as CRITICAL over procedural praise (R1)', () => {
    expect(v('The elections took place in a calm atmosphere, but under a legal framework that restricts fundamental freedoms.')).toBe(
      'CRITICAL',
    );
    expect(v('The elections were a missed opportunity to demonstrate a commitment to democratic standards.')).toBe('CRITICAL');
    expect(v('The election was efficiently administered but lacked genuine political alternatives.')).toBe('CRITICAL');
  });

  it('reads a choice withheld from voters as CRITICAL, and an organisational level is no component', () => {
    expect(v('По словам главы миссии, избирателям не был предоставлен реальный выбор.')).toBe('CRITICAL');
    expect(v('Выборы проведены на высоком организационном уровне, прозрачно и демократично.')).toBe('ENDORSED');
  });

  it('takes the subject of reported speech from the reported clause (R7)', () => {
    expect(v('The Central Election Commission chairman said the vote was free and transparent.')).toBe('ENDORSED');
    expect(v('Election day was calm and transparent.')).toBe('LARGELY_POSITIVE');
  });

  it('reads allegations of fraud as criticism, not wholesale rejection, and "marred by" as a finding on the whole', () => {
    expect(
      v('The elections were held in a peaceful manner but were marred by numerous procedural violations and allegations of fraud.'),
    ).toBe('CRITICAL');
  });

  it('reads "no facts that could call the result into question" as the R3 formula', () => {
    expect(v('Миссия не выявила фактов, которые могли бы поставить под сомнение легитимность выборов.')).toBe('LARGELY_POSITIVE');
    expect(v('The delegation found no evidence that could have called the outcome into question.')).toBe('LARGELY_POSITIVE');
  });

  it('reads a positive trend compared with earlier elections as a comparison (R5)', () => {
    expect(v('The mission noted a positive trend compared with previous elections.')).toBe('MIXED');
  });

  it('tells a finding of no pressure from not observing, and a problematic count from a good one', () => {
    expect(v('We did not observe any pressure on voters.')).toBe('LARGELY_POSITIVE');
    expect(v('The vote was generally well organised, but the counting was problematic in many polling stations.')).toBe('MIXED');
    expect(
      v(
        'The campaign was vibrant and competitive and the voting well administered; the elections were in line with international standards.',
      ),
    ).toBe('ENDORSED');
  });

  it('reads a denied doubt written after the noun as an affirmation', () => {
    expect(v('Сомнений в легитимности этих выборов нет.')).toBe('ENDORSED');
    expect(v('There is no doubt that the elections were legitimate.')).toBe('ENDORSED');
  });

  it('lets an opening hedge qualify the whole sentence (R3)', () => {
    expect(v('Overall, the elections were conducted in a professional and transparent manner.')).toBe('LARGELY_POSITIVE');
  });
});

describe('confidence follows the codebook (R16)', () => {
  it('is at most medium when a comparison or R2 decided, low when only one stage did', () => {
    expect(
      codeVerdict({ quote: 'The vote was a clear improvement over the 2003 elections and a step forward.' }).confidence,
    ).toBeLessThanOrEqual(0.6);
    const stage = codeVerdict({ quote: 'The central election commission worked in a transparent and impartial manner.' });
    expect(stage.verdict).toBe('LARGELY_POSITIVE');
    expect(stage.confidence).toBeLessThanOrEqual(0.4);
    const plain = codeVerdict({ quote: 'The parliamentary elections were free and fair and fully in line with OSCE commitments.' });
    expect(plain.confidence).toBeGreaterThan(0.6);
  });
});
