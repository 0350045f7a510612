/**
 * The comparison dashboard in a real browser: the server runs as `npm start` would, headless
 * Chromium (the Debian package) loads the page through playwright-core, a filter is applied and
 * a drill-down opened, and screenshots go to artifacts/. The operations the page sends are also
 * validated against the schema, browser or not.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, separateOperations, validate } from 'graphql';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from './helpers/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/db/config.js';
import { schema } from '../src/schema/index.js';

const artifacts = path.join(projectRoot, 'artifacts');

describe('the dashboard operations', () => {
  it('are valid against the public schema, each on its own', () => {
    const document = parse(fs.readFileSync(path.join(projectRoot, 'src/dashboard/operations.graphql'), 'utf8'));
    const operations = separateOperations(document);
    expect(Object.keys(operations).sort()).toEqual([
      'DashboardComparison',
      'DashboardElection',
      'DashboardOptions',
      'DashboardPeople',
      'DashboardSearch',
    ]);
    for (const [name, operation] of Object.entries(operations)) {
      expect(validate(schema, operation).map((e) => `${name}: ${e.message}`)).toEqual([]);
    }
  });
});

if (!hasChromium) {
  console.warn(`dashboard browser test skipped: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);
}

// Once as deployed by default, once locked to the persisted documents: the page sends its operations
// by id (src/dashboard/api.js), so it must work the same where the server accepts nothing else.
const modes = [
  { mode: 'any document allowed', PERSISTED_OPERATIONS_ONLY: '0' },
  { mode: 'persisted operations only', PERSISTED_OPERATIONS_ONLY: '1' },
];

describe.skipIf(!hasChromium).each(modes)(
  `the dashboard in headless Chromium, $mode (skipped when ${CHROMIUM} is missing)`,
  ({ PERSISTED_OPERATIONS_ONLY }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-dashboard-'));
    let server: ReturnType<typeof spawn>;
    let browser: Browser;
    let page: Page;
    let base = '';

    beforeAll(async () => {
      const port = 20000 + Math.floor(Math.random() * 20000);
      base = `http://127.0.0.1:${port}`;
      server = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), [path.join(projectRoot, 'src/server/main.ts')], {
        env: {
          ...process.env,
          DATABASE_URL: `file:${path.join(dir, 'dashboard.db')}`,
          PORT: String(port),
          HOST: '127.0.0.1',
          PERSISTED_OPERATIONS_ONLY,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const started = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('server did not start')), 90_000);
        server.stdout!.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('comparison dashboard at')) {
            clearTimeout(timer);
            resolve();
          }
        });
        server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      const launched = launchChromium();
      [browser] = await Promise.all([launched, started]);
      page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      fs.mkdirSync(artifacts, { recursive: true });
    });

    afterAll(async () => {
      await browser?.close();
      server?.kill('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    });

    /** Waits until the page has drawn the view its URL asks for. */
    async function drawn(p: Page) {
      await p.waitForFunction(() => {
        const main = document.getElementById('comparison')!;
        return (
          main.dataset.loadedFor ===
            new URLSearchParams(location.search)
              .toString()
              .replace(/&?election=[^&]*/, '')
              .replace(/^(?=.)/, '?') && !main.hasAttribute('aria-busy')
        );
      });
    }

    const rowTitles = (p: Page) =>
      p.$$eval('#side-by-side tbody tr[data-election-id]', (rows) => rows.map((r) => (r as HTMLElement).dataset.title!));
    const timelineTotal = (p: Page) =>
      p.evaluate(() => {
        const chart = (
          window as unknown as { Chart: { getChart(id: string): { data: { datasets: { data: number[] }[] } } } }
        ).Chart.getChart('chart-timeline');
        return chart.data.datasets.flatMap((d) => d.data).reduce((a, b) => a + b, 0);
      });
    const inkedPixels = (p: Page, id: string) =>
      p.evaluate((canvasId) => {
        const canvas = document.getElementById(canvasId) as HTMLCanvasElement;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
        return inked;
      }, id);

    it('draws the side-by-side table and the charts from the API', async () => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const sent: { documentId?: string; query?: string }[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/graphql') && r.method() === 'POST') sent.push(r.postDataJSON() as { documentId?: string; query?: string });
      });
      await page.goto(`${base}/`);
      await drawn(page);
      const titles = await rowTitles(page);
      const elections = new Set(titles).size;
      // The article lists 44 missions; Ukraine's municipal and regional elections of 2010 were one vote: 43 elections.
      expect(elections).toBeGreaterThanOrEqual(43);
      expect(await page.textContent('#summary-elections .value')).toBe(String(elections));
      expect(await timelineTotal(page)).toBe(elections);
      for (const id of ['chart-timeline', 'chart-agreement', 'chart-pairs']) expect(await inkedPixels(page, id)).toBeGreaterThan(500);
      // The gap is highlighted where CIS-EMO and ODIHR differ by three steps.
      const ukraine = page.locator('tr[data-title="Ukraine parliamentary election 2012"]');
      await expect(ukraine.locator('[data-gap="3"]').count()).resolves.toBe(1);
      expect(await ukraine.getAttribute('class')).toContain('wide-gap');
      expect(await page.$$eval('#agreement-table tbody tr', (rows) => rows.length)).toBeGreaterThanOrEqual(2);
      expect(errors).toEqual([]);
      // Every operation went by its persisted id, never as text.
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every((body) => /^sha256:[0-9a-f]{64}$/.test(body.documentId ?? '') && body.query === undefined)).toBe(true);
    });

    it(`answers a document of a researcher's own as PERSISTED_OPERATIONS_ONLY=${PERSISTED_OPERATIONS_ONLY} says`, async () => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ organization(name: "CIS-EMO") { name } }' }),
      });
      const body = (await response.json()) as { data?: { organization: { name: string } }; errors?: { extensions: { code: string } }[] };
      if (PERSISTED_OPERATIONS_ONLY === '1')
        expect([response.status, body.errors?.[0].extensions.code]).toEqual([400, 'PERSISTED_OPERATIONS_ONLY']);
      else expect(body.data?.organization.name).toBe('CIS-EMO');
    });

    it('applies a filter: the URL says so, the rows and the chart follow, and Back undoes it', async () => {
      const before = new Set(await rowTitles(page)).size;
      await page.selectOption('#filter-country', 'Ukraine');
      await page.waitForURL(/\?country=Ukraine$/);
      await drawn(page);
      const titles = await rowTitles(page);
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.every((t) => t.startsWith('Ukraine '))).toBe(true);
      expect(new Set(titles).size).toBeLessThan(before);
      expect(await timelineTotal(page)).toBe(new Set(titles).size);
      expect(await page.getAttribute('#download-csv', 'href')).toBe('/export/comparison.csv?country=Ukraine');
      await page.screenshot({ path: path.join(artifacts, 'dashboard.png'), fullPage: true });

      await page.goBack();
      await drawn(page);
      expect(await page.inputValue('#filter-country')).toBe('');
      expect(new Set(await rowTitles(page)).size).toBe(before);
    });

    it('keeps one body when the body filter is set: its column, its figures, its dots', async () => {
      await page.selectOption('#filter-body', 'OSCE Office for Democratic Institutions and Human Rights');
      await page.waitForURL(/body=OSCE\+Office/);
      await drawn(page);
      expect(await page.$$eval('#side-by-side th.body-head', (th) => th.map((x) => x.textContent))).toEqual(['ODIHR']);
      expect(await page.$$eval('#agreement-table tbody tr', (tr) => tr.map((x) => (x as HTMLElement).dataset.body))).toEqual([
        'OSCE Office for Democratic Institutions and Human Rights',
      ]);
      const labels = await page.evaluate(() =>
        (window as unknown as { Chart: { getChart(id: string): { data: { datasets: { label: string }[] } } } }).Chart.getChart(
          'chart-pairs',
        ).data.datasets.map((d) => d.label),
      );
      expect(labels).toEqual(['ODIHR', 'Same verdict']);
      expect(await page.textContent('#summary-paired .value')).toBe('2');
      // Two rounds support no conclusion: the figures are greyed, flagged and carry their intervals.
      expect(await page.textContent('#summary-thin')).toContain('Only 2 paired rounds');
      expect(await page.$$eval('#summary .card[data-thin="true"]', (cards) => cards.length)).toBe(4);
      expect(await page.$$eval('#agreement-table tbody tr[data-thin="true"] .thin-flag', (f) => f.map((x) => x.textContent))).toEqual([
        ' (n < 10)',
      ]);
      const sameVerdict = await page.$$eval('#agreement-table tbody tr td:nth-child(4) .interval', (x) => x.map((e) => e.textContent));
      expect(sameVerdict).toEqual(['0% to 66%']);
      expect(await page.getAttribute('#download-agreement', 'href')).toContain('/export/agreement.csv?');
    });

    it('opens a shared URL with its filters, and drills down to quotes, sources and coders', async () => {
      const shared = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await shared.goto(`${base}/?country=Ukraine&yearFrom=2012&yearTo=2012&scope=WITH_STATEMENTS`);
      await drawn(shared);
      expect(await shared.inputValue('#filter-country')).toBe('Ukraine');
      expect(await shared.inputValue('#filter-yearFrom')).toBe('2012');
      expect(await shared.inputValue('#filter-scope')).toBe('WITH_STATEMENTS');
      expect(new Set(await rowTitles(shared))).toEqual(new Set(['Ukraine parliamentary election 2012']));

      await shared.click('tr[data-title="Ukraine parliamentary election 2012"] .election-link');
      await shared.waitForURL(/election=/);
      await shared.waitForSelector('#drilldown [data-testid=quote]');
      expect(await shared.textContent('[data-testid=drilldown-title]')).toBe('Ukraine parliamentary election 2012');
      const quotes = await shared.$$eval('#drilldown [data-testid=quote]', (q) => q.map((x) => x.textContent));
      expect(quotes.some((q) => q!.includes('transparent'))).toBe(true);
      expect(quotes.some((q) => q!.includes('level playing field'))).toBe(true);
      const sources = await shared.$$eval('#drilldown [data-testid=source] a', (a) => a.map((x) => (x as HTMLAnchorElement).href));
      expect(sources.some((href) => href.includes('korrespondent.net'))).toBe(true);
      const coders = await shared.$$eval('#drilldown [data-testid=coder]', (c) => c.map((x) => x.textContent));
      expect(coders.some((c) => c!.includes('SOURCE: dataset/assessments.csv'))).toBe(true);
      await shared.screenshot({ path: path.join(artifacts, 'dashboard-drilldown.png') });

      // The drill-down is part of the URL: reloading it reopens the same election.
      await shared.reload();
      await shared.waitForSelector('#drilldown [data-testid=quote]');
      expect(await shared.textContent('[data-testid=drilldown-title]')).toBe('Ukraine parliamentary election 2012');
      await shared.keyboard.press('Escape');
      expect(await shared.isHidden('#drilldown')).toBe(true);
      expect(shared.url()).not.toContain('election=');
      await shared.close();
    });

    /** Serious or critical WCAG 2.1 A/AA violations axe-core finds on the page as it stands. */
    async function violations(p: Page): Promise<string[]> {
      const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }

    for (const width of [1400, 390]) {
      it(`passes axe-core (WCAG 2.1 AA) on every view at ${width} px wide, and fits the screen`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const p = await context.newPage();
        await p.goto(`${base}/?scope=WITH_STATEMENTS`);
        await drawn(p);
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await violations(p)).toEqual([]);
        // Each chart's data as a table; the agreement chart's rows are the bodies it draws.
        expect(await p.$$eval('.chart-data', (d) => d.length)).toBe(3);
        const bars = await p.evaluate(
          () =>
            (window as unknown as { Chart: { getChart(id: string): { data: { labels: string[] } } } }).Chart.getChart('chart-agreement')
              .data.labels.length,
        );
        expect(await p.$$eval('.chart-box:has(#chart-agreement) + .chart-data tbody tr', (r) => r.length)).toBe(bars);

        // The drill-down is a dialog named by its heading: it takes the focus, and Escape gives it back.
        const link = p.locator('#side-by-side .election-link').first();
        await link.click();
        await p.waitForSelector('#drilldown [data-testid=quote]');
        expect(await p.evaluate(() => document.getElementById('drilldown')!.contains(document.activeElement))).toBe(true);
        expect(await p.getAttribute('#drilldown', 'role')).toBe('dialog');
        expect(await p.textContent('#drilldown-heading')).toBe(await p.textContent('[data-testid=drilldown-title]'));
        expect(await violations(p)).toEqual([]);
        await p.keyboard.press('Escape');
        expect(await p.evaluate(() => document.activeElement?.classList.contains('election-link'))).toBe(true);

        await p.fill('#search-query', 'transparent');
        await p.press('#search-query', 'Enter');
        await p.waitForSelector('[data-testid=search-result]');
        expect(await violations(p)).toEqual([]);
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

        // The people view, narrowed to seats in parliaments and assemblies: checked as the rest.
        await p.waitForSelector('[data-testid=person]');
        await p.selectOption('#people-seat', 'PARLIAMENT,PARLIAMENTARY_ASSEMBLY');
        await p.waitForFunction(() => /^10 people/.test(document.getElementById('people-status')!.textContent ?? ''));
        expect(await violations(p)).toEqual([]);
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await p.screenshot({ path: path.join(artifacts, `dashboard-${width}px.png`), fullPage: true });
        await context.close();
      });
    }

    it('lists the people linked to CIS-EMO with their roles as of the time, their bodies and the source lines', async () => {
      const viewing = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await viewing.goto(`${base}/`);
      await viewing.waitForFunction(() =>
        /^\d+ people linked to CIS-EMO/.test(document.getElementById('people-status')!.textContent ?? ''),
      );
      const names = await viewing.$$eval('[data-testid=person] h3', (h) => h.map((x) => x.textContent));
      expect(names).toContain('Michel Voisin');
      expect(names.length).toBeGreaterThanOrEqual(24);
      const voisin = viewing.locator('[data-testid=person]', { hasText: 'Michel Voisin' });
      const roles = await voisin.locator('[data-testid=person-role]').allTextContents();
      expect(
        roles.some((r) => r.includes('head of delegation') && r.includes('Delegation of France to the OSCE Parliamentary Assembly')),
      ).toBe(true);
      expect(roles.some((r) => r.includes('member') && r.includes('National Assembly of France'))).toBe(true);
      expect(roles.every((r) => r.includes('at the moment of participation'))).toBe(true);
      const sources = await voisin.locator('[data-testid=person-source]').allTextContents();
      expect(sources).toContain('CIS-EMO (encyclopedia article), line 67: head of Delegation, the Delegation of France to the OSCE PA');
      // A mission a source names opens its election.
      const rupp = viewing.locator('[data-testid=person]', { hasText: 'Rainer Rupp' });
      const mission = rupp.locator('.mission button.link');
      expect(await mission.textContent()).toBe('Voronezh Oblast parliamentary election 2010');
      await mission.click();
      await viewing.waitForURL(/election=/);
      await viewing.waitForSelector('#drilldown [data-testid=drilldown-title]');
      expect(await viewing.textContent('[data-testid=drilldown-title]')).toBe('Voronezh Oblast parliamentary election 2010');
      await viewing.keyboard.press('Escape');
      await viewing.selectOption('#people-seat', 'PARLIAMENT,PARLIAMENTARY_ASSEMBLY');
      await viewing.waitForFunction(() => /^10 people/.test(document.getElementById('people-status')!.textContent ?? ''));
      await viewing.check('#people-current');
      await viewing.waitForFunction(() => /^9 people/.test(document.getElementById('people-status')!.textContent ?? ''));
      expect(await viewing.$$eval('[data-testid=person] h3', (h) => h.map((x) => x.textContent))).not.toContain('Frank Schwalba-Hoth');
      await viewing.close();
    });

    it('searches what was said in Russian word forms, highlights the words, and opens the election', async () => {
      const searching = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await searching.goto(`${base}/`);
      await drawn(searching);
      await searching.fill('#search-query', 'прозрачными');
      await searching.press('#search-query', 'Enter');
      await searching.waitForSelector('[data-testid=search-result]');
      expect(await searching.textContent('#search-status')).toMatch(/^\d+ statements? found/);
      const marked = await searching.$$eval('#search-results mark', (m) => m.map((x) => x.textContent!.toLowerCase()));
      expect(marked).toContain('прозрачные');
      expect(marked.every((w) => w.startsWith('прозрачн'))).toBe(true);
      const first = searching.locator('[data-testid=search-result] button.link').first();
      const title = await first.textContent();
      await first.click();
      await searching.waitForURL(/election=/);
      await searching.waitForSelector('#drilldown [data-testid=quote]');
      expect(await searching.textContent('[data-testid=drilldown-title]')).toBe(title);
      await searching.close();
    });
  },
);
