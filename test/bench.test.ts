/** `npm run bench` end to end on a tiny configuration: the report has its figures and they make sense. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/db/config.js';
import type { BenchReport } from '../src/bench/report.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observer-ledger-bench-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('measures ours and the floor on a 300-statement dataset and writes the JSON report', () => {
    const out = path.join(dir, 'bench.json');
    const run = spawnSync(
      path.join(projectRoot, 'node_modules', '.bin', 'tsx'),
      [
        'scripts/bench.ts',
        '--sizes',
        '300',
        '--engines',
        'sqlite',
        '--duration',
        '1',
        '--connections',
        '4',
        '--skip-peer',
        '--ingest-rows',
        '400',
        '--out',
        out,
        '--cache-dir',
        path.join(dir, 'cache'),
      ],
      { cwd: projectRoot, encoding: 'utf8', timeout: 170_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('| engine | statements | query |');

    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchReport;
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.results).toHaveLength(1);
    const [result] = report.results;
    expect(result.dataset).toMatchObject({ engine: 'sqlite', statements: 300, cached: false });

    const implementations = { comparison: ['ours', 'floor', 'projection-floor'], deep: ['ours', 'floor'] } as const;
    for (const query of ['comparison', 'deep'] as const) {
      for (const mode of ['repeat', 'varied'] as const) {
        for (const implementation of implementations[query]) {
          const m = result.measurements.find((x) => x.query === query && x.implementation === implementation && x.mode === mode);
          expect(m, `${implementation} ${query} ${mode}`).toBeDefined();
          expect(m!.load.requests).toBeGreaterThan(0);
          expect(m!.load.requestsPerSecond).toBeGreaterThan(0);
          expect(m!.load.non2xx + m!.load.errors).toBe(0);
          expect(m!.load.latency.p99).toBeGreaterThanOrEqual(m!.load.latency.p50);
          expect(m!.load.bytesPerResponse).toBeGreaterThan(100);
          if (mode === 'varied') expect(m!.distinctRequests).toBeGreaterThan(m!.load.requests);
        }
      }
    }
    expect(result.measurements.some((m) => m.implementation === 'peer' || m.implementation === 'peer4')).toBe(false);
    expect(result.comparisonAlone.requestsPerSecond).toBeGreaterThan(0);
    // Every floor answers exactly what the API answers, to the same request, in both modes.
    expect(result.equivalence.map((e) => [e.query, e.mode, e.against, e.same])).toEqual([
      ['comparison', 'repeat', 'floor', true],
      ['comparison', 'repeat', 'projection-floor', true],
      ['comparison', 'varied', 'floor', true],
      ['comparison', 'varied', 'projection-floor', true],
      ['deep', 'repeat', 'floor', true],
      ['deep', 'varied', 'floor', true],
    ]);

    // The ingest line: the command loaded every row, the bulk loader too, and the ratio is of the two times.
    expect(report.ingest).toHaveLength(1);
    const [ingest] = report.ingest;
    expect(ingest).toMatchObject({ engine: 'sqlite', rows: 400 });
    expect(ingest.oursSeconds).toBeGreaterThan(ingest.floorSeconds);
    expect(ingest.timesFloor).toBeCloseTo(ingest.oursSeconds / ingest.floorSeconds, 6);
    expect(ingest.oursRowsPerSecond).toBeCloseTo(400 / ingest.oursSeconds, 6);
    expect(run.stdout).toContain('| sqlite | 400 |');

    const [counts] = report.statementCounts;
    expect(counts.counts.map((c) => c.first)).toEqual([10, 100, 1000, 10, 100, 1000]);
    expect(counts.constant).toEqual({ comparison: true, deep: true });
    for (const query of ['comparison', 'deep'] as const) {
      const perPage = counts.counts.filter((c) => c.query === query);
      expect(perPage[0].statements).toBeGreaterThan(0);
      expect(new Set(perPage.map((c) => c.statements)).size).toBe(1);
    }
    // The targets are judged at 100,000 and 1,000,000 statements only, the ingest's at a 50,000-row spreadsheet.
    expect(report.targets).toEqual([]);
  }, 180_000);
});
