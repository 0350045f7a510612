/**
 * One statement as the write path takes it, and the checks that make it one. A statements
 * spreadsheet (statements-csv.ts) and the addStatement mutation (curated-statement.ts) both put
 * each statement's fields through `checkStatement`, against the read model's vocabularies and
 * names, and write what it returns; each reports a problem in its own terms (file, row and column;
 * the input field).
 */
import { hasControlCharacter } from '../reconcile/normalize.js';
import type { ElectionType, RoundKind, StatementKind, Verdict } from '../generated/prisma/enums.js';
import { parseIsoPartial, type PartialDate } from '../reconcile/dates.js';
import { AmbiguousNameError, type Reconciler } from '../reconcile/reconciler.js';
import { isNoVerdict, parseVerdict } from '../verdicts/scale.js';
import { parseBoolean, parseElectionType, parseRound, parseStatementKind } from './vocabulary.js';

/**
 * A statement's fields as a caller has them, before any check: text as a spreadsheet holds it, or
 * the typed values of the GraphQL input, which are among the spellings the vocabularies accept
 * (PARLIAMENTARY or "parliamentary", FIRST or "1", true or "true").
 */
export interface StatementFields {
  organization: string;
  jurisdiction: string;
  electionType: string;
  electionDate: string;
  round: string;
  statementDate?: string | null;
  statementKind: string;
  speaker?: string | null;
  quote: string;
  quoteLanguage: string;
  translated: string | boolean;
  verdict?: string | null;
  sourceTitle?: string | null;
  sourceUrl?: string | null;
  note?: string | null;
}

export type StatementField = keyof StatementFields;

/** A checked statement, ready for writeStatementRows. */
export interface StatementRow {
  /** Where it is in its source: the line of its row (a spreadsheet's header is line 1). */
  line: number;
  organization: string;
  areaId: string;
  electionType: ElectionType;
  electionDate: PartialDate;
  round: RoundKind;
  statementDate: string | null;
  kind: StatementKind;
  speaker: string | null;
  quote: string;
  quoteLanguage: string;
  translated: boolean;
  verdict: Verdict | null;
  /**
   * The source says on purpose that the statement gives no verdict (its verdict cell holds
   * NO_VERDICT: it assesses no election, codebook R15). An empty cell says nothing, and the rule
   * coder's verdict stands; an abstention is the source's coding, and beats the rule coder's.
   */
  abstained: boolean;
  sourceTitle: string | null;
  sourceUrl: string | null;
  note: string | null;
}

/** What is wrong with one field of a statement. */
export interface FieldProblem {
  field: StatementField;
  message: string;
}

/** A problem the write found with a checked row (a name that an earlier row made ambiguous). */
export class StatementRowError extends Error {
  constructor(
    readonly row: StatementRow,
    readonly problem: FieldProblem,
  ) {
    super(`${problem.field}: ${problem.message}`);
    this.name = 'StatementRowError';
  }
}

/** The lookups the checks need: the cached reconciler, or a Store's. */
export type NameLookup = Pick<Reconciler, 'resolveOrganization' | 'resolveArea'>;

const text = (value: string | boolean | null | undefined) => (value === null || value === undefined ? '' : String(value).trim());

/**
 * Checks one statement's fields: every problem at once, or the statement as the write path takes
 * it. `line` is where the statement is in its source.
 */
export function checkStatement(
  fields: StatementFields,
  names: NameLookup,
  line: number,
): { row: StatementRow; problems: [] } | { row: null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: StatementField, message: string) => problems.push({ field, message });
  const get = (field: StatementField) => text(fields[field]);

  // A NUL byte or other control character is never part of a real statement: PostgreSQL cannot store
  // a NUL, and the others break CSV tools downstream. Spreadsheets and the mutation are held to it alike.
  for (const [field, value] of Object.entries(fields) as [StatementField, unknown][]) {
    if (typeof value === 'string' && hasControlCharacter(value)) problem(field, 'contains a control character');
  }

  const organization = get('organization');
  if (!organization) problem('organization', 'is empty');
  else {
    const org = names.resolveOrganization(organization);
    if (org.kind === 'ambiguous')
      problem('organization', `"${organization}" is ambiguous: ${org.candidates.map((c) => `"${c.matched}"`).join(' or ')}`);
  }

  let areaId: string | null = null;
  const jurisdiction = get('jurisdiction');
  try {
    areaId = jurisdiction ? (names.resolveArea(jurisdiction)?.id ?? null) : null;
    if (!areaId) problem('jurisdiction', jurisdiction ? `unknown area "${jurisdiction}"` : 'is empty');
  } catch (error) {
    if (!(error instanceof AmbiguousNameError)) throw error;
    problem('jurisdiction', error.message);
  }

  const electionType = parseElectionType(get('electionType'));
  if (!electionType)
    problem('electionType', `"${get('electionType')}" is not one of presidential, parliamentary, referendum, mayoral, municipal, regional`);
  const electionDate = parseIsoPartial(get('electionDate'));
  if (!electionDate) problem('electionDate', `"${get('electionDate')}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`);
  const round = parseRound(get('round'));
  if (!round) problem('round', `"${get('round')}" is not a round (1, 2 or rerun)`);
  const statementDateText = get('statementDate');
  const statementDate = statementDateText ? parseIsoPartial(statementDateText) : null;
  if (statementDateText && !statementDate) problem('statementDate', `"${statementDateText}" is not a date (YYYY-MM-DD)`);
  const kind = parseStatementKind(get('statementKind'));
  if (!kind) problem('statementKind', `"${get('statementKind')}" is not one of preliminary, final, press, interview, declined`);
  const quote = get('quote');
  if (!quote) problem('quote', 'is empty');
  const quoteLanguage = get('quoteLanguage').toLowerCase();
  if (!/^[a-z]{2,3}$/.test(quoteLanguage)) problem('quoteLanguage', `"${get('quoteLanguage')}" is not a language code such as en or ru`);
  const translated = typeof fields.translated === 'boolean' ? fields.translated : parseBoolean(get('translated'));
  if (translated === null) problem('translated', `"${get('translated')}" is not true or false`);
  const verdictText = get('verdict');
  const abstained = isNoVerdict(verdictText);
  const verdict = verdictText && !abstained ? parseVerdict(verdictText) : null;
  if (verdictText && !verdict && !abstained)
    problem(
      'verdict',
      `"${verdictText}" is not a verdict (ENDORSED, LARGELY_POSITIVE, MIXED, CRITICAL, CONDEMNED, NOT_OBSERVED, NO_VERDICT or empty)`,
    );
  const sourceUrl = get('sourceUrl');
  if (sourceUrl && !/^https?:\/\/\S+$/.test(sourceUrl)) problem('sourceUrl', `"${sourceUrl}" is not an http(s) URL`);

  if (problems.length || !areaId || !electionType || !electionDate || !round || !kind || translated === null)
    return { row: null, problems };
  return {
    row: {
      line,
      organization,
      areaId,
      electionType,
      electionDate,
      round,
      statementDate: statementDate?.iso ?? null,
      kind,
      speaker: get('speaker') || null,
      quote,
      quoteLanguage,
      translated,
      verdict,
      abstained,
      sourceTitle: get('sourceTitle') || null,
      sourceUrl: sourceUrl || null,
      note: get('note') || null,
    },
    problems: [],
  };
}
