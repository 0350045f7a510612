/**
 * GraphiQL without the internet: the server runs as `npm start` would, and headless Chromium (the
 * Debian package, through playwright-core) opens /graphql with every host but 127.0.0.1 unresolvable
 * and every request elsewhere aborted and recorded. The editor must render, the default query run,
 * and the docs explorer show the schema, with no request leaving the machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from './helpers/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/db/config.js';
import { startServer } from './helpers/processes.js';

const artifacts = path.join(projectRoot, 'artifacts');

if (!hasChromium) {
  console.warn(`GraphiQL browser test skipped: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);
}

describe.skipIf(!hasChromium)(`GraphiQL offline in headless Chromium (skipped when ${CHROMIUM} is missing)`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-graphiql-'));
  let server: ChildProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base = '';
  /** Every request (or WebSocket) the page tried to send anywhere but the loopback server. */
  const outside = new Set<string>();
  const errors: string[] = [];

  const isOutside = (address: string) => {
    const url = new URL(address);
    // data: and blob: URLs (the inlined favicon, the editor workers) never leave the page.
    return ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname !== '127.0.0.1';
  };

  beforeAll(async () => {
    const launched = launchChromium([
      // No name resolves but the loopback address: a CDN asset would fail here even if routing missed it.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ]);
    let started: { child: ChildProcess; base: string };
    // GraphiQL sends documents of its own (introspection, the query typed): an open deployment.
    [browser, started] = await Promise.all([
      launched,
      startServer(`file:${path.join(dir, 'graphiql.db')}`, [], { PERSISTED_OPERATIONS_ONLY: '0' }),
    ]);
    ({ child: server, base } = started);
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Routed on the context, so that requests from workers are seen as well as the page's.
    await context.route('**/*', (route) => {
      const address = route.request().url();
      if (!isOutside(address)) return route.continue();
      outside.add(address);
      return route.abort('internetdisconnected');
    });
    context.on('request', (request) => {
      if (isOutside(request.url())) outside.add(request.url());
    });
    page = await context.newPage();
    page.on('websocket', (ws) => {
      if (isOutside(ws.url())) outside.add(ws.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    fs.mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders the editor with the default query', async () => {
    await page.goto(`${base}/graphql`);
    // GraphiQL's editors are Monaco editors; the CDN page would stay on "Loading…" instead.
    const editor = page.locator('.graphiql-query-editor .monaco-editor');
    await editor.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(editor.isVisible()).resolves.toBe(true);
    await expect.poll(() => page.textContent('.graphiql-query-editor .view-lines')).toContain('Ukraine2012');
    expect(await page.title()).toBe('Observer Ledger');
  });

  it('runs the default query against the server', async () => {
    await page.click('.graphiql-execute-button');
    // Monaco writes spaces as no-break spaces.
    const resultText = () =>
      page.evaluate(() => (document.querySelector('.graphiql-response .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' '));
    await expect.poll(resultText, { timeout: 30_000 }).toContain('Ukraine parliamentary election 2012');
    const text = await resultText();
    expect(text).toContain('"comparison"');
    expect(text).toContain('"elections"');
    expect(text).not.toContain('"errors"');
  });

  it('opens the docs explorer on the Query type and its fields', async () => {
    await page.click('[aria-label="Show Documentation Explorer"]');
    const explorer = page.locator('.graphiql-doc-explorer');
    await explorer.waitFor({ state: 'visible' });
    // Root Types: "query: Query", the type name a link to the type.
    await explorer
      .locator('a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ })
      .first()
      .click();
    await expect(page.locator('.graphiql-doc-explorer-title').textContent()).resolves.toBe('Query');
    const fields = await page.$$eval('.graphiql-doc-explorer .graphiql-doc-explorer-field-name', (a) => a.map((x) => x.textContent));
    expect(fields).toEqual(expect.arrayContaining(['comparison', 'organization', 'elections', 'node']));
    await page.screenshot({ path: path.join(artifacts, 'graphiql.png') });
  });

  it('sent no request beyond the loopback server', () => {
    expect([...outside]).toEqual([]);
    expect(errors).toEqual([]);
  });
});
