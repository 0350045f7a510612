/**
 * npm run synth -- --elections N --statements M [--seed 1] [--bodies 300] [--chunk 100000] [--no-ingest]
 * Writes a seeded, deterministic synthetic statements spreadsheet (in files of at most
 * --chunk rows, under data/synth/) and ingests it into DATABASE_URL through the same path as
 * real data, printing progress and throughput.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseUrl, projectRoot } from '../src/db/config.js';
import { prepareDatabase } from '../src/ingest/bootstrap.js';
import { ingestStatementsFile } from '../src/ingest/pipeline.js';
import { generateStatements, HEADER } from '../src/synth/world.js';
import { stderrProgress } from '../src/ingest/progress.js';

const { values } = parseArgs({
  options: {
    elections: { type: 'string', default: '2000' },
    statements: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    bodies: { type: 'string', default: '300' },
    chunk: { type: 'string', default: '100000' },
    'no-ingest': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(projectRoot, 'data', 'synth') },
  },
});

const options = {
  elections: Number(values.elections),
  statements: Number(values.statements),
  seed: Number(values.seed),
  bodies: Number(values.bodies),
};
const chunk = Number(values.chunk);
for (const [k, v] of Object.entries({ ...options, chunk })) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a positive integer`);
}

fs.mkdirSync(values.out!, { recursive: true });
const files: string[] = [];
let lines: string[] = [];
const flush = () => {
  if (lines.length <= 1) return;
  const file = path.join(
    values.out!,
    `synth-s${options.seed}-${options.elections}e-${options.statements}s-part${String(files.length + 1).padStart(3, '0')}.csv`,
  );
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  files.push(file);
  lines = [HEADER];
};
const started = Date.now();
const world = generateStatements(options, (line) => {
  if (line === HEADER && lines.length === 0) {
    lines.push(line);
    return;
  }
  lines.push(line);
  if (lines.length > chunk) flush();
});
flush();
console.log(
  `generated ${world.statements} statements on ${world.elections} elections by ${world.bodies} bodies in ${files.length} file(s), ${Date.now() - started} ms`,
);

if (!values['no-ingest']) {
  const { db } = await prepareDatabase(databaseUrl());
  try {
    let rows = 0;
    const ingestStarted = Date.now();
    for (const [i, file] of files.entries()) {
      const t0 = Date.now();
      const report = await ingestStatementsFile(db, file, stderrProgress(`[${i + 1}/${files.length}]`));
      rows += report.statements;
      const seconds = (Date.now() - t0) / 1000;
      console.log(
        `[${i + 1}/${files.length}] ${path.basename(file)}: ${report.statements} rows in ${seconds.toFixed(1)} s (${Math.round(report.statements / seconds)} rows/s); total ${rows}/${options.statements}`,
      );
    }
    const seconds = (Date.now() - ingestStarted) / 1000;
    console.log(`ingested ${rows} rows in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds)} rows/s`);
  } finally {
    await db.$disconnect();
  }
}
