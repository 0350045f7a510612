/**
 * npx tsx scripts/eval-coder.ts [file.csv ...] [--json]
 *
 * Codes every row of each assessments CSV with its human verdict hidden (the coder sees
 * only quote, quote_language and statement_kind) and reports agreement per file:
 * exact accuracy, accuracy within one step, quadratic-weighted kappa and Krippendorff's
 * alpha (ordinal) over the ordinal rows, the rows the coder left without a verdict, a confusion matrix (rows human, columns coder) and the misses.
 *
 * With no file named, it reads CODER_EVAL_FILES, in two groups: the files the rules were written
 * from, then the held-out file(s) no rule was written from (a held-out file not yet present is
 * reported as absent, not an error). Files named on the command line are reported ungrouped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { CODER_VERSION, codeVerdict } from '../src/verdicts/coder.js';
import { krippendorffAlphaOrdinal, tableOfPairs, weightedKappa } from '../src/verdicts/agreement.js';
import { VERDICTS, isNoVerdict, parseVerdict, verdictScore, type Verdict } from '../src/verdicts/scale.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Row = Record<string, string | undefined>;

export type EvalGroup = 'rules' | 'heldout';

/** What each group means, as the report heads it. */
export const EVAL_GROUP_TITLES: Record<EvalGroup, string> = {
  rules: 'files the rules were written from',
  heldout: 'held-out: never used to write rules',
};

/**
 * THE list of the coder's evaluation files and which is which (paths from the repository root).
 * A file moves from `heldout` to `rules` once a rule has been written from it, and a new held-out
 * file takes its place: a held-out figure is honest only while no rule has seen its statements.
 */
export const CODER_EVAL_FILES: readonly { file: string; group: EvalGroup }[] = [
  { file: 'data/sources/assessments.csv', group: 'rules' },
  { file: 'data/sources/assessments-extra.csv', group: 'rules' },
  { file: 'data/sources/coder-heldout.csv', group: 'rules' },
  { file: 'data/sources/coder-heldout-2.csv', group: 'rules' },
  { file: 'data/sources/coder-heldout-3.csv', group: 'rules' },
  { file: 'data/sources/coder-heldout-4.csv', group: 'heldout' },
];

/** The evaluation files of one group, as absolute paths. */
export function evalFiles(group: EvalGroup): string[] {
  return CODER_EVAL_FILES.filter((f) => f.group === group).map((f) => path.join(root, f.file));
}
type CoderLabel = Verdict | 'none';

export interface Miss {
  line: number;
  organization: string;
  quote: string;
  human: Verdict;
  coder: CoderLabel;
  confidence: number;
  rule: string;
}

export interface FileReport {
  file: string;
  n: number;
  skipped: { line: number; reason: string }[];
  exact: number;
  exactAccuracy: number | null;
  withinOne: number;
  withinOneAccuracy: number | null;
  ordinalPairs: number;
  kappaQuadratic: number | null;
  kappaLinear: number | null;
  alphaOrdinal: number | null;
  /** Rows the coder gave no verdict (it could not decide). */
  abstained: number;
  /**
   * Rows the coder coded at or above the codebook's review threshold (R16: below 0.5 goes to a
   * person), and how many of them agree exactly and within one step: what a reader who trusts
   * only confident codings gets.
   */
  confident: { rows: number; exact: number; withinOne: number };
  /** Rows a human left without a verdict (R15), and how many of them the coder left without one too. */
  unverdicted: { rows: number; coderAbstained: number };
  confusion: { rows: Verdict[]; columns: CoderLabel[]; counts: number[][] };
  misses: Miss[];
}

/** Exact: same label. Within one: both ordinal and ≤ 1 step apart, or both NOT_OBSERVED. */
function withinOneStep(human: Verdict, coder: CoderLabel): boolean {
  if (coder === 'none') return false;
  const h = verdictScore(human);
  const c = verdictScore(coder);
  if (h === null || c === null) return h === null && c === null;
  return Math.abs(h - c) <= 1;
}

function alphaOf(pairs: [number, number][]): number | null {
  return krippendorffAlphaOrdinal(tableOfPairs(pairs, [1, 2, 3, 4, 5]));
}

/** The codebook's review threshold (R16): a coding below it is sent to a person. */
const REVIEW_THRESHOLD = 0.5;

export function evaluateFile(file: string): FileReport {
  const rows = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true }) as Row[];
  const columns: CoderLabel[] = [...VERDICTS, 'none'];
  const counts = VERDICTS.map(() => columns.map(() => 0));
  const skipped: FileReport['skipped'] = [];
  const misses: Miss[] = [];
  const pairs: [number, number][] = [];
  let n = 0;
  let exact = 0;
  let withinOne = 0;
  const unverdicted = { rows: 0, coderAbstained: 0 };
  const confident = { rows: 0, exact: 0, withinOne: 0 };

  rows.forEach((row, i) => {
    const line = i + 2; // header is line 1
    const human = parseVerdict(row.verdict);
    if (!human) {
      // NO_VERDICT: the human coded it as assessing no election; an empty cell in these files says the same.
      const unverdictedRow = (row.verdict ?? '').trim() === '' || isNoVerdict(row.verdict);
      skipped.push({ line, reason: unverdictedRow ? 'no verdict by the human (R15)' : `unknown human verdict "${row.verdict ?? ''}"` });
      if (unverdictedRow) {
        unverdicted.rows++;
        const coded = codeVerdict({ quote: row.quote ?? '', language: row.quote_language, statementKind: row.statement_kind });
        if (coded.verdict === null) unverdicted.coderAbstained++;
      }
      return;
    }
    const quote = row.quote ?? '';
    // The verdict column is deliberately not passed.
    const coded = codeVerdict({ quote, language: row.quote_language, statementKind: row.statement_kind });
    const coder: CoderLabel = coded.verdict ?? 'none';
    n++;
    const r = VERDICTS.indexOf(human);
    const c = columns.indexOf(coder);
    const countRow = counts[r];
    if (countRow) countRow[c] = (countRow[c] ?? 0) + 1;
    if (coder === human) exact++;
    else
      misses.push({
        line,
        organization: row.organization ?? '',
        quote,
        human,
        coder,
        confidence: coded.confidence,
        rule: coded.rule,
      });
    if (withinOneStep(human, coder)) withinOne++;
    if (coded.verdict !== null && coded.confidence >= REVIEW_THRESHOLD) {
      confident.rows++;
      if (coder === human) confident.exact++;
      if (withinOneStep(human, coder)) confident.withinOne++;
    }
    const hs = verdictScore(human);
    const cs = coder === 'none' ? null : verdictScore(coder);
    if (hs !== null && cs !== null) pairs.push([hs, cs]);
  });

  return {
    file: path.relative(root, file) || file,
    n,
    skipped,
    exact,
    exactAccuracy: n ? exact / n : null,
    withinOne,
    withinOneAccuracy: n ? withinOne / n : null,
    ordinalPairs: pairs.length,
    kappaQuadratic: weightedKappa(pairs, [1, 2, 3, 4, 5], 'quadratic'),
    kappaLinear: weightedKappa(pairs, [1, 2, 3, 4, 5], 'linear'),
    alphaOrdinal: alphaOf(pairs),
    abstained: counts.reduce((a, row) => a + (row[columns.length - 1] ?? 0), 0),
    unverdicted,
    confident,
    confusion: { rows: [...VERDICTS], columns, counts },
    misses,
  };
}

// ---------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------

const SHORT: Record<CoderLabel, string> = {
  ENDORSED: 'END',
  LARGELY_POSITIVE: 'LP',
  MIXED: 'MIX',
  CRITICAL: 'CRIT',
  CONDEMNED: 'COND',
  NOT_OBSERVED: 'N/O',
  none: 'none',
};

function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`;
}

function printReport(rep: FileReport): void {
  const k = (x: number | null) => (x === null ? 'undefined' : x.toFixed(3));
  console.log(`\n=== ${rep.file} ===`);
  console.log(`n = ${rep.n}${rep.skipped.length ? ` (skipped ${rep.skipped.length})` : ''}`);
  console.log(`exact agreement      ${rep.exact}/${rep.n} = ${pct(rep.exactAccuracy)}`);
  console.log(`within one step      ${rep.withinOne}/${rep.n} = ${pct(rep.withinOneAccuracy)}`);
  console.log(
    `weighted kappa       quadratic ${k(rep.kappaQuadratic)} · linear ${k(rep.kappaLinear)} (over ${rep.ordinalPairs} ordinal pairs)`,
  );
  console.log(`Krippendorff's alpha ordinal ${k(rep.alphaOrdinal)} (same pairs)`);
  console.log(`no verdict (abstained) ${rep.abstained}/${rep.n}`);
  const c = rep.confident;
  console.log(
    `coded at confidence ≥ ${REVIEW_THRESHOLD} (R16: the rest go to review): ${c.rows}/${rep.n}; of them exact ${c.exact}/${c.rows} = ${pct(c.rows ? c.exact / c.rows : null)}, within one step ${pct(c.rows ? c.withinOne / c.rows : null)}`,
  );
  if (rep.unverdicted.rows)
    console.log(
      `left without a verdict by the human (R15, not counted above): ${rep.unverdicted.rows}; the coder abstained on ${rep.unverdicted.coderAbstained}`,
    );
  for (const s of rep.skipped) if (!s.reason.endsWith('""')) console.log(`  skipped line ${s.line}: ${s.reason}`);

  console.log('\nconfusion (rows human, columns coder):');
  const w = 6;
  console.log(`${'human\\coder'.padEnd(12)}${rep.confusion.columns.map((c) => SHORT[c].padStart(w)).join('')}`);
  rep.confusion.rows.forEach((r, i) => {
    const cells = (rep.confusion.counts[i] ?? []).map((v) => (v ? String(v) : '.').padStart(w)).join('');
    console.log(`${SHORT[r].padEnd(12)}${cells}`);
  });

  console.log(`\nmisses (${rep.misses.length}):`);
  for (const m of rep.misses) {
    const q = m.quote.length > 160 ? `${m.quote.slice(0, 157)}...` : m.quote;
    console.log(
      `  line ${m.line} [${m.organization}] human ${m.human} · coder ${m.coder} (conf ${m.confidence.toFixed(2)}; ${m.rule || '-'})`,
    );
    console.log(`    "${q}"`);
  }
}

/** Pooled figures over the files of a group (the rows of all its files as one sample). */
function printPooled(reports: FileReport[]): void {
  if (reports.length < 2) return;
  const n = reports.reduce((a, r) => a + r.n, 0);
  const exact = reports.reduce((a, r) => a + r.exact, 0);
  const within = reports.reduce((a, r) => a + r.withinOne, 0);
  const abstained = reports.reduce((a, r) => a + r.abstained, 0);
  console.log(
    `\npooled over ${reports.length} files: n = ${n} · exact ${exact}/${n} = ${pct(n ? exact / n : null)} · within one step ${within}/${n} = ${pct(n ? within / n : null)} · no verdict ${abstained}`,
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const named = args.filter((a) => !a.startsWith('--')).map((f) => path.resolve(f));
  if (named.length > 0) {
    const reports = named.map(evaluateFile);
    if (json) console.log(JSON.stringify({ coderVersion: CODER_VERSION, files: reports }, null, 2));
    else {
      console.log(`verdict coder ${CODER_VERSION}`);
      reports.forEach(printReport);
    }
    return;
  }
  const groups = (['rules', 'heldout'] as const).map((group) => {
    const files = evalFiles(group);
    const present = files.filter((f) => fs.existsSync(f));
    const absent = files.filter((f) => !fs.existsSync(f)).map((f) => path.relative(root, f));
    return { group, title: EVAL_GROUP_TITLES[group], absent, reports: present.map(evaluateFile) };
  });
  if (json) {
    console.log(JSON.stringify({ coderVersion: CODER_VERSION, groups }, null, 2));
    return;
  }
  console.log(`verdict coder ${CODER_VERSION}`);
  for (const g of groups) {
    console.log(`\n##### ${g.title} #####`);
    for (const a of g.absent) console.log(`\n(${a} is absent: not measured)`);
    if (g.reports.length === 0) console.log('\nno file of this group is present.');
    g.reports.forEach(printReport);
    printPooled(g.reports);
  }
}

// Run only when executed directly, so tests can import evaluateFile.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
