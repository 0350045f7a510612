/**
 * The agreement figures as CSV: one row per other body and one pooled, each figure with its n
 * (the paired rounds) and 95% interval, read through the public GraphQL API
 * (Query.comparison.summary) with the comparison export's filter.
 */
import type { RouteContext } from '../http/route.js';
import { toCsv, type CsvValue } from './csv.js';
import type { ComparisonParams } from './comparison-params.js';
import { runOperation } from './graphql-client.js';

export const AGREEMENT_CSV_QUERY = /* GraphQL */ `
  query AgreementCsv($subject: String, $filter: ElectionFilter, $scope: ComparisonScope) {
    comparison(subject: $subject, filter: $filter, scope: $scope) {
      subject { name }
      summary {
        pooled { ...Row }
        byBody { ...Row }
      }
    }
  }
  fragment Row on AgreementFigures {
    organization { name }
    pairedRounds subjectAssessedRounds coverage agreements didNotObserve fewRounds
    agreementRate agreementRateInterval { low high }
    withinOneRate withinOneRateInterval { low high }
    meanGap meanGapInterval { low high }
    meanAbsoluteGap meanAbsoluteGapInterval { low high }
    weightedKappa weightedKappaInterval { low high }
    krippendorffAlpha
  }
`;

type Bounds = { low: number; high: number } | null;
interface Row {
  organization: { name: string } | null;
  pairedRounds: number;
  subjectAssessedRounds: number;
  coverage: number | null;
  agreements: number;
  didNotObserve: number;
  fewRounds: boolean;
  agreementRate: number | null;
  agreementRateInterval: Bounds;
  withinOneRate: number | null;
  withinOneRateInterval: Bounds;
  meanGap: number | null;
  meanGapInterval: Bounds;
  meanAbsoluteGap: number | null;
  meanAbsoluteGapInterval: Bounds;
  weightedKappa: number | null;
  weightedKappaInterval: Bounds;
  krippendorffAlpha: number | null;
}

interface Result {
  comparison: { subject: { name: string }; summary: { pooled: Row; byBody: Row[] } };
}

const FIGURES = ['agreement_rate', 'within_one_rate', 'mean_gap', 'mean_absolute_gap', 'weighted_kappa'] as const;

export const AGREEMENT_CSV_HEADER = [
  'subject',
  'body',
  'paired_rounds',
  'few_rounds',
  'subject_assessed_rounds',
  'coverage',
  'agreements',
  ...FIGURES.flatMap((f) => [f, `${f}_low`, `${f}_high`]),
  'krippendorff_alpha',
  'did_not_observe',
];

const withBounds = (value: number | null, bounds: Bounds): CsvValue[] => [value, bounds?.low ?? null, bounds?.high ?? null];

export async function agreementCsv(context: RouteContext, params: ComparisonParams): Promise<string> {
  const result = await runOperation<Result>(context, AGREEMENT_CSV_QUERY, {
    subject: params.subject,
    filter: params.filter,
    scope: params.scope,
  });
  const subject = result.comparison.subject.name;
  const { pooled, byBody } = result.comparison.summary;
  const rows = [pooled, ...byBody].map((f): CsvValue[] => [
    subject,
    f.organization?.name ?? '(all other bodies)',
    f.pairedRounds,
    f.fewRounds,
    f.subjectAssessedRounds,
    f.coverage,
    f.agreements,
    ...withBounds(f.agreementRate, f.agreementRateInterval),
    ...withBounds(f.withinOneRate, f.withinOneRateInterval),
    ...withBounds(f.meanGap, f.meanGapInterval),
    ...withBounds(f.meanAbsoluteGap, f.meanAbsoluteGapInterval),
    ...withBounds(f.weightedKappa, f.weightedKappaInterval),
    f.krippendorffAlpha,
    f.didNotObserve,
  ]);
  return toCsv(AGREEMENT_CSV_HEADER, rows);
}
