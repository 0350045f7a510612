import { describe, expect, it } from 'vitest';
import { codeVerdict } from '../../src/verdicts/coder.js';
import { AsideCoder, codeVerdictsAside, codingKey } from '../../src/verdicts/coder-pool.js';

const quotes = [
  { quote: 'The elections were free and fair and met international standards.', language: 'en', statementKind: 'final' },
  { quote: 'Выборы прошли в соответствии с законодательством, нарушений не выявлено.', language: 'ru', statementKind: 'preliminary' },
  { quote: 'The vote fell short of OSCE commitments; fundamental freedoms were restricted.', language: 'en', statementKind: 'preliminary' },
  { quote: 'The mission did not observe the vote.', language: 'en', statementKind: 'declined' },
  { quote: 'No verdict words here at all.', language: 'en', statementKind: 'press' },
];

describe('the rule coder beside the caller', () => {
  it('codes on a worker thread exactly as in this one, once per distinct statement', async () => {
    const inputs = Array.from({ length: 40 }, (_, i) => ({
      ...quotes[i % quotes.length],
      quote: `${quotes[i % quotes.length].quote} (${i % 8})`,
    }));
    const aside = await codeVerdictsAside(inputs, { workerFrom: 1 });
    expect(aside.size).toBe(new Set(inputs.map(codingKey)).size);
    for (const input of inputs) expect(aside.get(codingKey(input))).toEqual(codeVerdict(input));
    expect(new Set([...aside.values()].map((c) => c.verdict)).size).toBeGreaterThan(2);
  });

  it('codes a small batch in this thread with the same answers', async () => {
    const here = await codeVerdictsAside(quotes);
    for (const input of quotes) expect(here.get(codingKey(input))).toEqual(codeVerdict(input));
  });
});

describe('the aside coder across batches', () => {
  it('answers each batch as it is coded, hands a coding out once, and codes alike on one worker', async () => {
    const coder = new AsideCoder({ workerFrom: 1 });
    try {
      const first = quotes.slice(0, 3);
      const second = quotes.slice(3);
      coder.add(first);
      coder.add(second);
      await coder.of(first.map(codingKey));
      for (const input of first) expect(coder.take(codingKey(input))).toEqual(codeVerdict(input));
      expect(coder.take(codingKey(first[0]))).toBeUndefined();
      await coder.of(second.map(codingKey));
      for (const input of second) expect(coder.take(codingKey(input))).toEqual(codeVerdict(input));
    } finally {
      coder.close();
    }
  });
});
