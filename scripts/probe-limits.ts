/**
 * npm run probe:limits — the worst an anonymous client can do to a running server, measured.
 *
 * Starts the server (as `npm start` does) on a fresh copy of the bundled data, on a loopback
 * port, and sends the requests that stalled it before the limits held: `nodes` with one id
 * repeated 1,100 times expanding statements two levels deep with the page size as a variable,
 * the largest request the cost limit lets through, an oversized /reconcile batch and query.
 * For each: status, bytes in, bytes out, milliseconds, and whether a small read sent meanwhile
 * was answered at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../test/helpers/processes.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-probe-'));
const { child, base } = await startServer(`file:${path.join(dir, 'probe.db')}`);

async function send(url: string, init: RequestInit): Promise<{ status: number; bytes: number; ms: number; code: string }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? /"error":"([^"]{0,60})/.exec(text)?.[1] ?? '';
  return { status: response.status, bytes: Buffer.byteLength(text), ms: performance.now() - started, code };
}

const graphql = (query: string, variables?: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify({ query, variables }),
});

const odihr = (
  (await (await fetch(`${base}/graphql`, graphql('{ organization(name: "ODIHR") { id } }'))).json()) as {
    data: { organization: { id: string } };
  }
).data.organization.id;
const deep = (ids: string[]) =>
  `query ($n: Int) { nodes(ids: ${JSON.stringify(ids)}) { ... on Organization { statements(first: $n) { edges { node { quote speakerName note sourceTitle organization { statements(first: $n) { edges { node { quote speakerName note sourceTitle } } } } } } } } } }`;
const words = () => Array.from({ length: 5 }, () => Math.random().toString(36).slice(2, 9)).join(' ');

const probes: [string, string, RequestInit][] = [
  [
    'nodes: one id × 1,100, statements(first: $n) two levels, n = 100',
    `${base}/graphql`,
    graphql(deep(Array(1_100).fill(odihr)), { n: 100 }),
  ],
  ['nodes: one id × 100, n = 100', `${base}/graphql`, graphql(deep(Array(100).fill(odihr)), { n: 100 })],
  ['the same, n = 12 (just under the cost limit)', `${base}/graphql`, graphql(deep([odihr]), { n: 12 })],
  [
    'statements(first: 100) with their texts and claims (under the cost limit)',
    `${base}/graphql`,
    graphql(
      '{ statements(first: 100) { edges { node { quote note speakerName sourceTitle sourceUrl claims { excerpt locator value } } } } }',
    ),
  ],
  [
    'comparison of every election, pages of 100 with every statement',
    `${base}/graphql`,
    graphql(
      '{ comparison(scope: ALL) { summary { pooled { weightedKappa } } elections(first: 100) { edges { node { election { title } rounds { others { organization { name aliases } statements { quote note sourceTitle speakerName } } } } } } } }',
    ),
  ],
  [
    '/reconcile: 1,000 queries of five words in one batch',
    `${base}/reconcile`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        queries: JSON.stringify(Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`q${i}`, { query: words() }]))),
      }),
    },
  ],
  [
    '/reconcile: the largest batch allowed, of long queries',
    `${base}/reconcile`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        queries: JSON.stringify(
          Object.fromEntries(
            Array.from({ length: 50 }, (_, i) => [`q${i}`, { query: Array.from({ length: 40 }, words).join(' ').slice(0, 500) }]),
          ),
        ),
      }),
    },
  ],
  [
    '/reconcile: one query of 400 kB',
    `${base}/reconcile`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        queries: JSON.stringify({ q0: { query: Array.from({ length: 10_000 }, words).join(' ').slice(0, 400_000) } }),
      }),
    },
  ],
];

console.log('| request | bytes in | status | answer | bytes out | ms | a small read meanwhile (ms) |');
console.log('|---|---:|---:|---|---:|---:|---:|');
for (const [name, url, init] of probes) {
  const bytesIn = Buffer.byteLength(String(init.body ?? ''));
  const big = send(url, init);
  // A small read sent while the probe runs: does the server answer it, or is it stalled?
  await new Promise((resolve) => setTimeout(resolve, 20));
  const small = send(`${base}/graphql`, graphql('{ organizations(first: 1) { totalCount } }'));
  const [b, s] = await Promise.all([big, small]);
  console.log(
    `| ${name} | ${bytesIn.toLocaleString('en')} | ${b.status} | ${b.code || 'data'} | ${b.bytes.toLocaleString('en')} | ${b.ms.toFixed(0)} | ${s.ms.toFixed(0)} |`,
  );
}

child.kill('SIGTERM');
fs.rmSync(dir, { recursive: true, force: true });
