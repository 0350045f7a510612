/**
 * Reading a statements spreadsheet (the format of data/sources/assessments.csv) as a stream:
 * `digestStatementsFile` hashes its bytes (the source's version is known before anything is
 * written); then `statementBatches` parses and checks it in one pass, handing the checked rows
 * over a batch at a time, and reports every problem with file, row and field at the end (the
 * ingest's transaction then writes nothing). However large the file, an ingest holds one batch of
 * its rows.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { projectRoot } from '../db/config.js';
import { checkStatement, type NameLookup, type StatementField, type StatementFields, type StatementRow } from './statement-row.js';

export const STATEMENT_COLUMNS = [
  'organization',
  'jurisdiction',
  'election_type',
  'election_date',
  'round',
  'statement_date',
  'statement_kind',
  'speaker',
  'quote',
  'quote_language',
  'translated',
  'verdict',
  'source_title',
  'source_url',
  'note',
] as const;

export interface RowProblem {
  file: string;
  /** Line of the row in the file (the header is line 1). */
  row: number;
  field: string;
  message: string;
}

export class CsvValidationError extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(problems.map((p) => `${p.file}: row ${p.row}, field "${p.field}": ${p.message}`).join('\n'));
    this.name = 'CsvValidationError';
  }
}

/** The statement field each column holds. */
const FIELD_OF_COLUMN: Record<(typeof STATEMENT_COLUMNS)[number], StatementField> = {
  organization: 'organization',
  jurisdiction: 'jurisdiction',
  election_type: 'electionType',
  election_date: 'electionDate',
  round: 'round',
  statement_date: 'statementDate',
  statement_kind: 'statementKind',
  speaker: 'speaker',
  quote: 'quote',
  quote_language: 'quoteLanguage',
  translated: 'translated',
  verdict: 'verdict',
  source_title: 'sourceTitle',
  source_url: 'sourceUrl',
  note: 'note',
};

/** The column a statement field is in, for problems named as the file names them. */
export const COLUMN_OF_FIELD = Object.fromEntries(Object.entries(FIELD_OF_COLUMN).map(([column, field]) => [field, column])) as Record<
  StatementField,
  (typeof STATEMENT_COLUMNS)[number]
>;

/** A spreadsheet: a file, or content uploaded under a name (what messages call it). */
export type StatementsInput = { file: string } | { name: string; content: string };

/** The name messages give a spreadsheet: its path relative to the project, or its upload name. */
export function nameOf(input: StatementsInput): string {
  if (!('file' in input)) return input.name;
  return path.isAbsolute(input.file) ? path.relative(projectRoot, input.file) || input.file : input.file;
}

/**
 * Names resolved once each per file: a name resolves the same on every row that gives it (an
 * ambiguity is thrown again), whatever the rows written after its first one added.
 */
export function lookupOnce(reconciler: NameLookup): NameLookup {
  const organizations = new Map<string, ReturnType<NameLookup['resolveOrganization']>>();
  const areas = new Map<string, { found: ReturnType<NameLookup['resolveArea']> } | { error: unknown }>();
  return {
    resolveOrganization(name) {
      let found = organizations.get(name);
      if (!found) organizations.set(name, (found = reconciler.resolveOrganization(name)));
      return found;
    },
    resolveArea(name) {
      let known = areas.get(name);
      if (!known) {
        try {
          known = { found: reconciler.resolveArea(name) };
        } catch (error) {
          known = { error };
        }
        areas.set(name, known);
      }
      if ('error' in known) throw known.error;
      return known.found;
    },
  };
}

type RawRow = Record<string, string>;

/** One pass over a spreadsheet: each checked row (or its problems), and the SHA-256 of its bytes at the end. */
async function* passOver(
  input: StatementsInput,
  names: NameLookup,
): AsyncGenerator<{ line: number; row: StatementRow | null; problems: RowProblem[] }, string> {
  const file = nameOf(input);
  const hash = createHash('sha256');
  // Large reads: fewer turns of the event loop spent waiting for the next 64 kB.
  const bytes =
    'file' in input ? fs.createReadStream(input.file, { highWaterMark: 1 << 20 }) : Readable.from([Buffer.from(input.content, 'utf8')]);
  bytes.on('data', (chunk: Buffer | string) => hash.update(chunk));
  let header: string[] | null = null;
  const parser = parse({
    columns: (first: string[]) => {
      header = first.map((h) => h.trim());
      return header;
    },
    info: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
  bytes.on('error', (error: Error) => parser.destroy(error));
  bytes.pipe(parser);
  const checkHeader = () => {
    const missing = STATEMENT_COLUMNS.filter((c) => !(header ?? []).includes(c));
    if (missing.length)
      throw new CsvValidationError(missing.map((field) => ({ file, row: 1, field, message: 'missing column in the header' })));
  };
  let headerChecked = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: RawRow; info: { lines: number } }>) {
      if (!headerChecked) {
        checkHeader();
        headerChecked = true;
      }
      const line = info.lines;
      const fields = Object.fromEntries(STATEMENT_COLUMNS.map((c) => [FIELD_OF_COLUMN[c], record[c] ?? ''])) as unknown as StatementFields;
      const checked = checkStatement(fields, names, line);
      yield {
        line,
        row: checked.row,
        problems: checked.problems.map((p) => ({ file, row: line, field: COLUMN_OF_FIELD[p.field], message: p.message })),
      };
    }
  } catch (error) {
    if (error instanceof CsvValidationError) throw error;
    const e = error as Error & { code?: string; lines?: number; column?: string | number };
    // A file that cannot be read is not a CSV problem; its message names no path of this machine beyond the file's own.
    if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR') throw error;
    throw new CsvValidationError([{ file, row: e.lines ?? 0, field: String(e.column ?? '(row)'), message: `not valid CSV: ${e.message}` }]);
  } finally {
    bytes.destroy();
    parser.destroy();
  }
  if (!headerChecked) checkHeader();
  return hash.digest('hex');
}

/** What a quick read of the bytes finds before any row is read: their SHA-256 and their lines (the rows, but for quotes that span lines). */
export interface FileDigest {
  sha256: string;
  lines: number;
}

/**
 * Hashes the spreadsheet's bytes and counts its lines: the source's version is known by its hash
 * before anything is written, and the count gives progress a total. Far quicker than parsing.
 */
export async function digestStatementsFile(input: StatementsInput): Promise<FileDigest> {
  const hash = createHash('sha256');
  let lines = 0;
  let last = 10;
  const chunks = 'file' in input ? fs.createReadStream(input.file, { highWaterMark: 1 << 20 }) : [Buffer.from(input.content, 'utf8')];
  for await (const chunk of chunks as AsyncIterable<Buffer>) {
    hash.update(chunk);
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
    if (chunk.length) last = chunk[chunk.length - 1];
  }
  // A last line without its newline is a line too.
  return { sha256: hash.digest('hex'), lines: lines + (last === 10 ? 0 : 1) };
}

/** Problems reported at most: enough to fix a file by, not a second copy of it. */
const MAX_PROBLEMS = 1_000;

/**
 * The rows of a spreadsheet, checked against the read model's vocabularies and areas, `size` at a
 * time, in one pass. From the first bad row on no batch is handed over, but the rest of the file is
 * still read and every problem is collected (the first thousand listed); at the end they are
 * thrown together as a CsvValidationError, and the caller's transaction writes nothing. The bytes
 * must hash as `digest` says, or the file changed while it was read (FileChangedError).
 */
export async function* statementBatches(
  input: StatementsInput,
  names: NameLookup,
  digest: FileDigest,
  size: number,
): AsyncGenerator<StatementRow[]> {
  const pass = passOver(input, names);
  const problems: RowProblem[] = [];
  let unlisted = 0;
  let lastLine = 1;
  let batch: StatementRow[] = [];
  for (;;) {
    const next = await pass.next();
    if (next.done) {
      if (next.value !== digest.sha256) throw new FileChangedError(nameOf(input));
      if (unlisted)
        problems.push({ file: nameOf(input), row: lastLine, field: '(file)', message: `${unlisted} more problems are not listed` });
      if (problems.length) throw new CsvValidationError(problems);
      if (batch.length) yield batch;
      return;
    }
    lastLine = next.value.line;
    // A file with thousands of bad rows is reported by its first thousand problems.
    for (const problem of next.value.problems) {
      if (problems.length < MAX_PROBLEMS) problems.push(problem);
      else unlisted++;
    }
    if (problems.length || !next.value.row) continue;
    batch.push(next.value.row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
}

/** The file was changed while it was being ingested. */
export class FileChangedError extends Error {
  constructor(file: string) {
    super(`${file} changed while it was read; nothing was written, run the ingest again`);
    this.name = 'FileChangedError';
  }
}
