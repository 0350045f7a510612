import { builder } from './builder.js';
import {
  AreaKind,
  CoderKind,
  DatePrecision,
  ElectionType,
  EventKind,
  OrganizationKind,
  RoundKind,
  SourceKind,
  StatementKind,
  Verdict,
} from '../generated/prisma/enums.js';

export const VerdictEnum = builder.enumType(Verdict, {
  name: 'Verdict',
  description:
    'Ordinal verdict on an election: ENDORSED 5, LARGELY_POSITIVE 4, MIXED 3, CRITICAL 2, CONDEMNED 1; NOT_OBSERVED (declined or prevented) stands outside the scale.',
});
export const ElectionTypeEnum = builder.enumType(ElectionType, { name: 'ElectionType' });
export const RoundKindEnum = builder.enumType(RoundKind, {
  name: 'RoundKind',
  description: 'FIRST round, SECOND round (run-off), or RERUN (a repeated round).',
});
export const StatementKindEnum = builder.enumType(StatementKind, { name: 'StatementKind' });
export const OrganizationKindEnum = builder.enumType(OrganizationKind, { name: 'OrganizationKind' });
export const AreaKindEnum = builder.enumType(AreaKind, {
  name: 'AreaKind',
  description:
    'DE_FACTO_STATE: an entity with de-facto control of territory, recognised by few or no states (Transnistria, Abkhazia, South Ossetia).',
});
export const EventKindEnum = builder.enumType(EventKind, { name: 'EventKind' });
export const DatePrecisionEnum = builder.enumType(DatePrecision, { name: 'DatePrecision' });
export const CoderKindEnum = builder.enumType(CoderKind, {
  name: 'CoderKind',
  description:
    'Who coded a verdict: SOURCE (the dataset it came with), HUMAN (a curator), RULE (the rule coder). HUMAN beats SOURCE beats RULE.',
});
export const SourceKindEnum = builder.enumType(SourceKind, { name: 'SourceKind' });
