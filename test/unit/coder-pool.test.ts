import { describe, expect, it } from 'vitest';
import { codeVerdict } from '../../src/verdicts/coder.js';
import { codeVerdictsAside, codingKey } from '../../src/verdicts/coder-pool.js';

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
    const aside = await codeVerdictsAside(inputs, { workerFrom: 1 }).all();
    expect(aside.size).toBe(new Set(inputs.map(codingKey)).size);
    for (const input of inputs) expect(aside.get(codingKey(input))).toEqual(codeVerdict(input));
    expect(new Set([...aside.values()].map((c) => c.verdict)).size).toBeGreaterThan(2);
  });

  it('codes a small batch in this thread with the same answers', async () => {
    const here = await codeVerdictsAside(quotes).all();
    for (const input of quotes) expect(here.get(codingKey(input))).toEqual(codeVerdict(input));
  });
});
