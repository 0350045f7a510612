/**
 * The read model's vocabularies as GraphQL enums, from the Prisma enums, each value described
 * where it is defined.
 */
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
    'Ordinal verdict on an election: ENDORSED 5, LARGELY_POSITIVE 4, MIXED 3, CRITICAL 2, CONDEMNED 1; NOT_OBSERVED (declined or prevented) stands outside the scale. Coded to the codebook, docs/codebook.md in the repository: definitions, English and Russian anchor phrases and decision rules R1–R16.',
  values: {
    ENDORSED: { description: 'Endorsed: an unhedged positive conclusion: free, fair, legitimate, in line with standards (score 5).' },
    LARGELY_POSITIVE: {
      description:
        'Largely positive: a qualified positive conclusion: met most commitments, isolated violations that did not affect the result (score 4).',
    },
    MIXED: { description: 'Mixed: positives and negatives in balance, or only some commitments met (score 3).' },
    CRITICAL: {
      description: 'Critical: fell short of or did not meet (a number of) commitments, free but not fair, legitimacy doubted (score 2).',
    },
    CONDEMNED: { description: 'Condemned: wholesale rejection: not free, not democratic, a farce, mass fraud, illegitimate (score 1).' },
    NOT_OBSERVED: {
      description: 'The body declined, was not invited or was prevented from observing; outside the ordinal scale.',
    },
  },
});
export const ElectionTypeEnum = builder.enumType(ElectionType, {
  name: 'ElectionType',
  description: 'Kind of vote.',
  values: {
    PRESIDENTIAL: { description: 'Election of a head of state.' },
    PARLIAMENTARY: { description: 'Election of a national or regional legislature ("Parliament elections").' },
    REFERENDUM: { description: 'A referendum or plebiscite.' },
    MAYORAL: { description: 'Election of a mayor or city head.' },
    MUNICIPAL: { description: 'Local elections to municipal councils.' },
    REGIONAL: { description: 'Elections to regional bodies.' },
  },
});
export const RoundKindEnum = builder.enumType(RoundKind, {
  name: 'RoundKind',
  description: 'FIRST round, SECOND round (run-off), or RERUN (a repeated round).',
  values: {
    FIRST: { description: 'The first round.' },
    SECOND: { description: 'The second round (run-off).' },
    RERUN: { description: "A repeated round (e.g. Ukraine 2004's repeat second round)." },
  },
});
export const StatementStatusEnum = builder.enumType('StatementStatus', {
  description: 'Whether a statement counts. Only statements IN_FORCE are in any answer or figure; the others are kept and resolve by ID.',
  values: {
    IN_FORCE: { description: "In its source's latest version, and not withdrawn." },
    RETIRED: { description: 'No longer in the latest version of its source (removed from the file, or edited beyond recognition).' },
    WITHDRAWN: { description: 'Withdrawn by a curator, or its source was (withdrawStatement, withdrawSource).' },
  } as const,
});

export const StatementKindEnum = builder.enumType(StatementKind, {
  name: 'StatementKind',
  description: 'What kind of statement: how considered it is.',
  values: {
    PRELIMINARY: { description: 'Statement of preliminary findings, usually the day after polling.' },
    FINAL: { description: 'Final report.' },
    PRESS: { description: 'Press statement or press conference.' },
    INTERVIEW: { description: 'An interview given by a member or head of the mission.' },
    DECLINED: { description: 'A statement that the body will not or could not observe.' },
  },
});
export const OrganizationKindEnum = builder.enumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of body an organization is.',
  values: {
    NGO: { description: 'Non-governmental organization.' },
    INTERGOVERNMENTAL: { description: 'Intergovernmental organization or one of its institutions.' },
    PARLIAMENTARY_ASSEMBLY: { description: 'An inter-parliamentary assembly (PACE, OSCE PA, IPA CIS, CSTO PA).' },
    ELECTION_COMMISSION: { description: 'A national election management body.' },
    AD_HOC_MISSION: { description: 'An observation mission formed for elections by a parent body.' },
    PROFESSIONAL_ASSOCIATION: { description: 'Association of professionals, e.g. election officials.' },
    PARLIAMENT: { description: 'A parliament or one of its chambers.' },
    DELEGATION: { description: 'A national delegation to an assembly.' },
    GOVERNMENT_BODY: { description: 'A ministry, service or other state body.' },
    MEDIA: { description: 'News agency or other media.' },
    OTHER: { description: 'Kind not known (e.g. first seen in a spreadsheet).' },
  },
});
export const AreaKindEnum = builder.enumType(AreaKind, {
  name: 'AreaKind',
  description:
    'DE_FACTO_STATE: an entity with de-facto control of territory, recognised by few or no states (Transnistria, Abkhazia, South Ossetia).',
  values: {
    COUNTRY: { description: 'A state with an ISO 3166-1 code.' },
    DE_FACTO_STATE: { description: 'De-facto state: controls territory, recognised by few or no states.' },
    REGION: { description: 'A region inside a country (oblast, republic, krai).' },
    CITY: { description: 'A city.' },
  },
});
export const EventKindEnum = builder.enumType(EventKind, {
  name: 'EventKind',
  description: 'What kind of event.',
  values: {
    CONFERENCE: { description: 'Conference.' },
    ROUND_TABLE: { description: 'Round table.' },
    MEETING: { description: 'Meeting.' },
    FORUM: { description: 'Forum.' },
    SCHOOL: { description: 'Training school (e.g. for observers).' },
    ARREST: { description: 'An arrest.' },
    DEPORTATION: { description: 'A deportation.' },
    CRISIS: { description: 'A political crisis.' },
    SIGNING: { description: 'Signing of a treaty or convention.' },
    PRESS_CENTRE: { description: 'A press centre set up for a period.' },
    OTHER: { description: 'Another kind of event.' },
  },
});
export const DatePrecisionEnum = builder.enumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precisely a date is known.',
  values: {
    YEAR: { description: 'Known to the year.' },
    MONTH: { description: 'Known to the month.' },
    DAY: { description: 'Known to the day.' },
  },
});
export const CoderKindEnum = builder.enumType(CoderKind, {
  name: 'CoderKind',
  description:
    'Who coded a verdict: SOURCE (the dataset it came with), HUMAN (a curator), RULE (the rule coder). HUMAN beats SOURCE beats RULE.',
  values: {
    SOURCE: { description: 'Coded by the dataset the statement came with.' },
    HUMAN: { description: 'Coded by a curator.' },
    RULE: { description: 'Coded by the rule coder (machine coding).' },
  },
});
export const SourceKindEnum = builder.enumType(SourceKind, {
  name: 'SourceKind',
  description: 'What kind of source.',
  values: {
    ARTICLE: { description: 'An encyclopedia or biographical article.' },
    WEB_PAGE: { description: 'A web page of an organization.' },
    DATASET: { description: 'A spreadsheet or reference dataset.' },
    CURATION: { description: 'Entered by a curator through the API.' },
  },
});
