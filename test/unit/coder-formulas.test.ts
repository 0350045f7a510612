/**
 * Rules of rules-2026.12.3, on sentences written for these tests (none is taken from the data
 * files), in English and Russian, each with cases that show where the rule stops.
 */
import { describe, expect, it } from 'vitest';
import { codeVerdict } from '../../src/verdicts/coder.js';

const v = (quote: string, statementKind?: string) => codeVerdict({ quote, statementKind }).verdict;

describe('"not fair" and fraud words: the codebook\'s levels (CRITICAL definition, R9)', () => {
  it('reads "not fair" / «нечестные» as CRITICAL, but "not free" and "neither free nor fair" as CONDEMNED', () => {
    expect(v('The polls were not fair.')).toBe('CRITICAL');
    expect(v('Голосование не было честным.')).toBe('CRITICAL');
    expect(v('Наблюдатели назвали кампанию несправедливой.')).toBe('CRITICAL');
    expect(v('The vote was neither free nor fair.')).toBe('CONDEMNED');
    expect(v('Выборы не были ни свободными, ни честными.')).toBe('CONDEMNED');
    expect(v('The municipal vote was not free.')).toBe('CONDEMNED');
  });

  it('keeps fraud found without a scale word CRITICAL, and makes it CONDEMNED with one', () => {
    expect(v('Observers reported evidence of ballot stuffing at several polling stations.')).toBe('CRITICAL');
    expect(v('Наблюдатели зафиксировали вбросы бюллетеней на ряде участков.')).toBe('CRITICAL');
    expect(v('Observers reported massive fraud across the country.')).toBe('CONDEMNED');
    expect(v('Наблюдатели сообщили о массовых фальсификациях.')).toBe('CONDEMNED');
    // R9: non-compliance plus a wholesale-rejection phrase
    expect(v('The vote fell short of OSCE commitments and was marred by systematic fraud.')).toBe('CONDEMNED');
    expect(v('The vote fell short of OSCE commitments; observers noted some cases of ballot stuffing.')).toBe('CRITICAL');
  });

  it('keeps the wholesale-rejection words CONDEMNED and reads denied fraud as reassurance (R3)', () => {
    expect(v('Это был фарс, а не выборы.')).toBe('CONDEMNED');
    expect(v('The presidential contest was a sham.')).toBe('CONDEMNED');
    expect(v('No fraud was observed.')).toBe('LARGELY_POSITIVE');
    expect(v('Фальсификаций наблюдатели не выявили.')).toBe('LARGELY_POSITIVE');
  });
});

describe('"democratic": said of the election, or of something else (R1, R15)', () => {
  it('reads the term said of the election itself as the overall conclusion, which procedural praise does not dilute', () => {
    expect(v('The vote showed a democratic and competitive electoral process.')).toBe('ENDORSED');
    expect(v('These were democratic elections, calm and well organised, with high turnout.')).toBe('ENDORSED');
  });

  it('reads "democratic" before another noun as describing that noun, not the election', () => {
    expect(v('The president spoke of a democratic future for the nation.')).toBeNull();
    expect(v('We discussed democratic reforms and the separation of powers with the minister.')).toBeNull();
    expect(v('The country has promised to uphold democratic standards.')).toBeNull();
  });

  it('still blocks the yardstick and the goal', () => {
    expect(v('The delegation discussed the standards for democratic elections with the commission.')).toBeNull();
    expect(v('The authorities must do everything to hold democratic elections next year.')).not.toBe('ENDORSED');
  });
});

describe('a conclusion stated as a condition or a modal (R13)', () => {
  it('reads "can hardly be considered" / «вряд ли можно назвать» as a withheld assessment: CRITICAL', () => {
    expect(v('Such a vote can hardly be regarded as democratic.')).toBe('CRITICAL');
    expect(v('Эти выборы вряд ли можно назвать честными.')).toBe('CRITICAL');
  });

  it('reads "hardly any" problems as almost none: LARGELY_POSITIVE', () => {
    expect(v('There were hardly any irregularities at the polling stations we visited.')).toBe('LARGELY_POSITIVE');
    expect(v('Вряд ли можно говорить о каких-либо нарушениях в ходе голосования.')).toBe('LARGELY_POSITIVE');
  });

  it('reads "should be considered" / «следует признать» as a conclusion, not a recommendation', () => {
    expect(v('The referendum should be considered illegitimate.')).toBe('CONDEMNED');
    expect(v('The elections can be considered free and fair.')).toBe('ENDORSED');
    expect(v('Выборы следует признать легитимными.')).toBe('ENDORSED');
  });

  it('keeps a modal after a conditional conjunction a condition, and a plain recommendation a goal', () => {
    expect(v('Substantial reforms are needed before these polls can be called democratic.')).not.toBe('ENDORSED');
    expect(v('The authorities should ensure that future elections are free.')).toBeNull();
  });
});

describe('indirect denial in reported speech (R13)', () => {
  it('negates the clause after «не похоже, чтобы», «не думаю, что», "I do not think that"', () => {
    expect(v('Не похоже, чтобы на участках были серьезные нарушения.')).toBe('LARGELY_POSITIVE');
    expect(v('Я не думаю, что были какие-либо массовые фальсификации.')).toBe('LARGELY_POSITIVE');
    expect(v('I do not think the vote was fair.')).toBe('CRITICAL');
    expect(v("We don't believe that this election was free.")).toBe('CONDEMNED');
    expect(v('It does not look as if there was any significant fraud.')).toBe('LARGELY_POSITIVE');
  });

  it('assesses nothing when the denied clause holds no finding', () => {
    expect(v('Я не думаю, что нужно ехать во все районы.')).toBeNull();
    expect(v('I do not think that we need more observers in the north.')).toBeNull();
  });
});

describe('a doubt written after its subject (R13)', () => {
  it('reads "the legitimacy of ... was questioned" as a doubt: CRITICAL', () => {
    expect(
      v('The legitimacy of the municipal poll, held amid a boycott by the main opposition groups, was widely questioned by the monitors.'),
    ).toBe('CRITICAL');
    expect(v('Легитимность голосования была поставлена под сомнение наблюдателями.')).toBe('CRITICAL');
  });

  it('does not reach over another finding or a sentence end', () => {
    expect(v('The vote was free. Its timing was questioned by some parties.')).toBe('ENDORSED');
  });
});

describe('a negation that denies a remedy (R13)', () => {
  it('reads "none of the problems were addressed" as problems that stand', () => {
    expect(v('None of the problems identified by the earlier mission were addressed before polling day.')).toBe('CRITICAL');
    expect(v('No serious problems were identified by the mission.')).toBe('LARGELY_POSITIVE');
  });
});

describe('the field slanted towards the ruling party (CRITICAL anchor)', () => {
  it('reads an advantage to the ruling party and partisan coverage as criticism; "openly" before a word qualifies that word', () => {
    expect(v('Media coverage gave a clear advantage to the ruling party.')).toBe('CRITICAL');
    expect(v('The coverage was openly partisan.')).toBe('CRITICAL');
    expect(v('The commissions worked in a non-partisan manner.')).toBe('LARGELY_POSITIVE');
    expect(v('Candidates campaigned openly.')).not.toBe('CRITICAL');
  });
});

describe('the non-compliance family and graded compliance (R4, R9)', () => {
  it('reads violations of the standards, and action contrary to commitments, as CRITICAL', () => {
    expect(v('The municipal elections were held with numerous violations of the standards of democratic elections.')).toBe('CRITICAL');
    expect(v('Голосование прошло с грубым нарушением демократических принципов.')).toBe('CRITICAL');
    expect(v('The new rules are contrary to OSCE commitments.')).toBe('CRITICAL');
  });

  it('reads denied violations of the standards as the R3 absence', () => {
    expect(v('The mission found no violations of international standards.')).toBe('LARGELY_POSITIVE');
    expect(v('Нарушений международных стандартов миссия не выявила.')).toBe('LARGELY_POSITIVE');
  });

  it('grades «соответствовали большинству» as most, LARGELY_POSITIVE, not full compliance', () => {
    expect(v('Выборы соответствовали большинству обязательств ОБСЕ.')).toBe('LARGELY_POSITIVE');
    expect(v('Выборы соответствовали ряду обязательств ОБСЕ, однако многое ещё предстоит сделать.')).not.toBe('ENDORSED');
    expect(v('Выборы соответствовали обязательствам ОБСЕ.')).toBe('ENDORSED');
  });

  it('finds a compliance formula across a longer list of yardsticks', () => {
    expect(v('The poll was conducted in line with international and regional, including OSCE, commitments.')).toBe('ENDORSED');
  });

  it('neutralises a compliance formula inside a goal infinitive ("to consolidate ... in line with")', () => {
    expect(
      v(
        'The vote was peaceful, but problems showed that the process should be improved to consolidate democratic practice in line with international commitments.',
      ),
    ).toBe('MIXED');
  });
});

describe('what assesses nothing: topics, hosts, definitions (R12, R15)', () => {
  it("reads the hosts' openness towards the observers as no assessment", () => {
    expect(v('Мы встретились с гостеприимством и готовностью властей к сотрудничеству.')).toBeNull();
    expect(v('We thank the authorities for their openness and cooperation with the mission.')).toBeNull();
    // negative case: openness said of the vote is still an assessment
    expect(v('The voting was open and transparent.')).toBe('ENDORSED');
  });

  it('reads violations named as a task or a possibility as no finding', () => {
    expect(v('Сейчас мы составляем карту нарушений по всем округам.')).toBeNull();
    expect(v('The mission has received reports of alleged violations from several parties.')).toBeNull();
    expect(v('The observers noted violations of the secrecy of the vote.')).toBe('CRITICAL');
  });

  it('reads a definition of the yardstick as no assessment', () => {
    expect(v('A free election requires that candidates can register without obstruction.')).toBeNull();
    expect(v('The agreement calls for a peaceful and lasting settlement of the conflict.')).toBeNull();
  });

  it('reads the kind of elections named after a preposition as a yardstick, the finding beside it still counts', () => {
    expect(v('Обязательства в отношении демократических выборов не были выполнены.')).toBe('CRITICAL');
    expect(v('Власти не выполнили обязательств ОБСЕ.')).toBe('CRITICAL');
    expect(v('Key OSCE commitments were not fulfilled during the campaign.')).toBe('CRITICAL');
  });
});

describe('conceded problems, praise words and competition (R3, R5, R7, R11)', () => {
  it('reads «носили единичный характер» as the R3 formula', () => {
    expect(v('Выявленные нарушения носили единичный характер и не повлияли на итоги.')).toBe('LARGELY_POSITIVE');
    expect(v('Отдельные нарушения носили локальный характер.')).toBe('LARGELY_POSITIVE');
  });

  it('reads Russian praise words of the election as unreserved, not of anything else', () => {
    expect(v('Это были безупречные выборы.')).toBe('ENDORSED');
    expect(v('Наблюдатели прибыли в отличном настроении.')).toBeNull();
  });

  it('weighs competition: "not competitive" and "lacked genuine competition" CRITICAL, genuine alternatives LARGELY_POSITIVE', () => {
    expect(v('The campaign was not competitive.')).toBe('CRITICAL');
    expect(v('The election lacked genuine competition.')).toBe('CRITICAL');
    expect(v('Voters could choose between genuine and distinct political alternatives.')).toBe('LARGELY_POSITIVE');
    expect(v('Candidates were free to campaign throughout the country.')).toBe('LARGELY_POSITIVE');
  });

  it('reads "an important step" with no standard named as progress, MIXED, whatever its adjective', () => {
    expect(v("The referendum was an important step in the country's development.")).toBe('MIXED');
    expect(v('Эти выборы стали важным шагом в развитии страны.')).toBe('MIXED');
    expect(v('This was a step backwards.')).toBe('CRITICAL');
  });

  it('reads "not sufficiently transparent" as a want, CRITICAL, not a denial, CONDEMNED', () => {
    expect(v('The count was not sufficiently transparent.')).toBe('CRITICAL');
    expect(v('Подсчёт голосов был не достаточно прозрачным.')).toBe('CRITICAL');
    expect(v('Подсчёт голосов был недостаточно прозрачным.')).toBe('CRITICAL');
  });
});

describe('text that assesses nothing yet: the coder abstains (R10, R15)', () => {
  it('abstains on announcements, facts and schedules', () => {
    for (const q of [
      'The mission will deploy 30 long-term observers across the country next week.',
      'Миссия наблюдателей СНГ начала работу в Бишкеке.',
      'Turnout was 64 per cent.',
      'Наблюдатели посетили более 200 избирательных участков.',
      'Election day is on Sunday; polling stations open at 7 am.',
      'Observers will follow the counting and tabulation of results.',
    ])
      expect(v(q, 'preliminary'), q).toBeNull();
  });

  it('abstains on hopes and on the yardstick of an assessment to come', () => {
    expect(v('We hope that the elections will be free and fair.')).toBeNull();
    expect(v('Мы надеемся, что выборы пройдут честно и прозрачно.')).toBeNull();
    expect(v('The observers will assess whether the elections are free and fair.')).toBeNull();
    expect(v('Миссия будет оценивать выборы на соответствие обязательствам ОБСЕ.')).toBeNull();
    expect(v('Наблюдатели посмотрят, насколько выборы будут прозрачными.')).toBeNull();
  });

  it('still codes a conclusion held with confidence, and a doubt over whether', () => {
    expect(v('We are confident that the elections were free and fair.')).toBe('ENDORSED');
    expect(v('Мы уверены, что выборы были честными и прозрачными.')).toBe('ENDORSED');
    expect(v('The lack of access calls into question whether the count was transparent.')).toBe('CRITICAL');
  });
});

describe('an assessment reported with "оценили ... как"', () => {
  it('is coded, not read as an assessment to come', () => {
    expect(v('Наблюдатели оценили эти выборы как нечестные и несправедливые.')).toBe('CRITICAL');
  });
});
