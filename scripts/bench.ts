/**
 * npm run bench -- [--sizes 10000,100000] [--engines sqlite,postgresql] [--duration 5] [--connections 10]
 *                  [--page 50] [--count-pages 10,100,1000] [--ingest-rows 50000] [--skip-peer] [--profile] [--out artifacts/bench.json]
 *
 * The comparison dashboard's main query and a deep nested query, on synthetic datasets of each
 * size: our server against the hand-written SQL floor (same process) and PostGraphile (the
 * peer, PostgreSQL only) under the same HTTP load; SQL statements per request as the page
 * grows; `npm run ingest` of a spreadsheet beside the engine's bulk loader. Prints Markdown tables and
 * writes the JSON report. Datasets are cached in data/bench/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/db/config.js';
import { migrate } from '../src/db/setup.js';
import { datasetSpec, obtainDataset } from '../src/bench/datasets.js';
import { measureDataset, type DatasetResult } from '../src/bench/measure.js';
import { parseBenchOptions } from '../src/bench/options.js';
import {
  evaluateIngestTargets,
  evaluateTargets,
  ratios,
  renderTables,
  type BenchReport,
  type StatementCounts,
} from '../src/bench/report.js';
import { measureIngest, type IngestResult } from '../src/bench/ingest.js';
import { constantPerQuery, countStatements } from '../src/bench/statement-counts.js';
import { startPostgres, type PostgresCluster } from './postgres-cluster.js';

const argv = process.argv.slice(2);
const options = parseBenchOptions(argv, {
  out: path.join(projectRoot, 'artifacts', 'bench.json'),
  cacheDir: path.join(projectRoot, 'data', 'bench'),
});
const log = (message: string) => process.stderr.write(`${message}\n`);

let cluster: PostgresCluster | null = null;
const stopCluster = () => {
  cluster?.stop();
  cluster = null;
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopCluster();
    process.exit(130);
  });
}

try {
  if (options.engines.includes('postgresql')) {
    cluster = await startPostgres();
    log(`PostgreSQL on ${cluster.url}`);
  }
  const results: DatasetResult[] = [];
  const statementCounts: StatementCounts[] = [];
  const largest = Math.max(...options.sizes);
  for (const engine of options.engines) {
    for (const size of [...options.sizes].sort((a, b) => a - b)) {
      const dataset = await obtainDataset(
        datasetSpec(engine, size, options.seed, options.statementsPerElection),
        options.cacheDir,
        cluster?.url ?? null,
      );
      // A cached dataset may predate the latest migration.
      await migrate(dataset.url);
      log(
        `${engine}, ${size.toLocaleString('en-US')} statements on ${dataset.elections.toLocaleString('en-US')} elections${dataset.cached ? ' (cached)' : `, ingested in ${dataset.ingestSeconds?.toFixed(0)} s`}`,
      );
      const profileDir = options.profile ? path.join(projectRoot, 'artifacts', 'profiles', `${engine}-${size}`) : undefined;
      results.push(await measureDataset(dataset, options, profileDir));
      if (size === largest) {
        const counts = await countStatements(dataset.url, options.countPages);
        statementCounts.push({ engine, statements: size, counts, constant: constantPerQuery(counts) });
      }
    }
  }
  const ingest: IngestResult[] = [];
  for (const engine of options.ingestRows ? options.engines : []) {
    log(`${engine}: npm run ingest of a ${options.ingestRows.toLocaleString('en-US')}-row spreadsheet, and the bulk loader's floor`);
    ingest.push(await measureIngest(engine, options.ingestRows, options.seed, cluster?.url ?? null));
  }
  const { out: _out, cacheDir: _cacheDir, ...shown } = options;
  const report: BenchReport = {
    date: new Date().toISOString(),
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    options: shown,
    results,
    statementCounts,
    ratios: ratios(results),
    ingest,
    targets: [...evaluateTargets(results, options.page), ...evaluateIngestTargets(ingest)],
  };
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(renderTables(report));
  log(`\nwrote ${path.relative(process.cwd(), options.out)}`);
} finally {
  stopCluster();
}
