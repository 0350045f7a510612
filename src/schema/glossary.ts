/**
 * Documentation for types, fields and enum values that are not described where they are
 * defined (many come straight from Prisma models and enums, or from plugins). Applied to the
 * built schema for anything still without a description, so GraphiQL documents everything;
 * a description written beside a field always wins. A test fails on anything undocumented.
 */
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

const GLOSSARY: Record<string, string> = {
  // scales and vocabularies
  'Verdict.ENDORSED': 'Endorsed: free, fair, legitimate, in line with standards (score 5).',
  'Verdict.LARGELY_POSITIVE': 'Largely positive: met most commitments, with shortcomings (score 4).',
  'Verdict.MIXED': 'Mixed: positive and negative findings in balance (score 3).',
  'Verdict.CRITICAL': 'Critical: fell short of commitments in important respects (score 2).',
  'Verdict.CONDEMNED': 'Condemned: did not meet a considerable number of commitments; not free or fair (score 1).',
  'Verdict.NOT_OBSERVED': 'The body declined, was not invited or was prevented from observing; outside the ordinal scale.',
  ElectionType: 'Kind of vote.',
  'ElectionType.PRESIDENTIAL': 'Election of a head of state.',
  'ElectionType.PARLIAMENTARY': 'Election of a national or regional legislature ("Parliament elections").',
  'ElectionType.REFERENDUM': 'A referendum or plebiscite.',
  'ElectionType.MAYORAL': 'Election of a mayor or city head.',
  'ElectionType.MUNICIPAL': 'Local elections to municipal councils.',
  'ElectionType.REGIONAL': 'Elections to regional bodies.',
  'RoundKind.FIRST': 'The first round.',
  'RoundKind.SECOND': 'The second round (run-off).',
  'RoundKind.RERUN': "A repeated round (e.g. Ukraine 2004's repeat second round).",
  StatementKind: 'What kind of statement: how considered it is.',
  'StatementKind.PRELIMINARY': 'Statement of preliminary findings, usually the day after polling.',
  'StatementKind.FINAL': 'Final report.',
  'StatementKind.PRESS': 'Press statement or press conference.',
  'StatementKind.INTERVIEW': 'An interview given by a member or head of the mission.',
  'StatementKind.DECLINED': 'A statement that the body will not or could not observe.',
  OrganizationKind: 'What kind of body an organization is.',
  'OrganizationKind.NGO': 'Non-governmental organization.',
  'OrganizationKind.INTERGOVERNMENTAL': 'Intergovernmental organization or one of its institutions.',
  'OrganizationKind.PARLIAMENTARY_ASSEMBLY': 'An inter-parliamentary assembly (PACE, OSCE PA, IPA CIS, CSTO PA).',
  'OrganizationKind.ELECTION_COMMISSION': 'A national election management body.',
  'OrganizationKind.AD_HOC_MISSION': 'An observation mission formed for elections by a parent body.',
  'OrganizationKind.PROFESSIONAL_ASSOCIATION': 'Association of professionals, e.g. election officials.',
  'OrganizationKind.PARLIAMENT': 'A parliament or one of its chambers.',
  'OrganizationKind.DELEGATION': 'A national delegation to an assembly.',
  'OrganizationKind.GOVERNMENT_BODY': 'A ministry, service or other state body.',
  'OrganizationKind.MEDIA': 'News agency or other media.',
  'OrganizationKind.OTHER': 'Kind not known (e.g. first seen in a spreadsheet).',
  'AreaKind.COUNTRY': 'A state with an ISO 3166-1 code.',
  'AreaKind.DE_FACTO_STATE': 'De-facto state: controls territory, recognised by few or no states.',
  'AreaKind.REGION': 'A region inside a country (oblast, republic, krai).',
  'AreaKind.CITY': 'A city.',
  DatePrecision: 'How precisely a date is known.',
  'DatePrecision.YEAR': 'Known to the year.',
  'DatePrecision.MONTH': 'Known to the month.',
  'DatePrecision.DAY': 'Known to the day.',
  EventKind: 'What kind of event.',
  'EventKind.CONFERENCE': 'Conference.',
  'EventKind.ROUND_TABLE': 'Round table.',
  'EventKind.MEETING': 'Meeting.',
  'EventKind.FORUM': 'Forum.',
  'EventKind.SCHOOL': 'Training school (e.g. for observers).',
  'EventKind.ARREST': 'An arrest.',
  'EventKind.DEPORTATION': 'A deportation.',
  'EventKind.CRISIS': 'A political crisis.',
  'EventKind.SIGNING': 'Signing of a treaty or convention.',
  'EventKind.PRESS_CENTRE': 'A press centre set up for a period.',
  'EventKind.OTHER': 'Another kind of event.',
  'CoderKind.SOURCE': 'Coded by the dataset the statement came with.',
  'CoderKind.HUMAN': 'Coded by a curator.',
  'CoderKind.RULE': 'Coded by the rule coder (machine coding).',
  SourceKind: 'What kind of source.',
  'SourceKind.ARTICLE': 'An encyclopedia or biographical article.',
  'SourceKind.WEB_PAGE': 'A web page of an organization.',
  'SourceKind.DATASET': 'A spreadsheet or reference dataset.',
  'SourceKind.CURATION': 'Entered by a curator through the API.',
  ComparisonStatus: "How one body's assessment of a round relates to the subject's.",
  ComparisonScope: 'Which elections a comparison covers.',
  MissingKind: 'What is missing from the record.',
  ComparisonSummary: 'Figures over all elections of a comparison.',
  RoundComparison: "One round: the subject's headline verdict beside every other body's.",
  ElectionRound: 'A round of an election (first, second, rerun): statements are about rounds.',
  EventFilter: 'Filters for events; names may be any known spelling.',
  StatementFilter: 'Filters for statements; names may be any known spelling.',

  // common fields
  'Area.key': 'Stable natural key (ISO alpha-2 in lower case for countries).',
  'Area.name': 'Canonical English name.',
  'Area.kind': 'Country, de-facto state, region or city.',
  'Area.parent': 'The area this one lies in.',
  'Area.children': 'Areas inside this one.',
  'Area.aliases': 'Every spelling under which the area appears (sources, reference, curators).',
  'Area.elections': 'Elections held in this area (not in areas inside it).',
  'Area.events': 'Events that took place here.',
  'Organization.key': 'Stable natural key.',
  'Organization.name': 'Canonical name.',
  'Organization.kind': 'What kind of body.',
  'Organization.description': 'A short description, where the reference gives one.',
  'Organization.children': 'Bodies within this one.',
  'Organization.aliases': 'Every spelling under which the organization appears.',
  'Organization.missions': 'Elections this organization observed.',
  'Organization.statements': 'What this organization said about elections.',
  'Organization.memberships': 'People in roles in this organization.',
  'OrganizationName.name': 'The name.',
  'OrganizationName.validFrom': 'From when (YYYY, YYYY-MM or YYYY-MM-DD); null when always.',
  'OrganizationName.validUntil': 'Until when; null when still in use.',
  'Person.key': 'Stable natural key.',
  'Person.name': 'Name as first recorded.',
  'Person.birthYear': 'Year of birth, where a source states it.',
  'Person.summary': 'A short description, where a source gives one.',
  'Person.aliases': 'Every spelling of the name in the sources.',
  'Person.memberships': 'Roles in organizations and missions.',
  'Person.statements': 'Statements this person made for a body.',
  'Membership.person': 'The person.',
  'Membership.organization': 'The organization the role is in.',
  'Membership.mission': 'The mission the role is in, when it is one mission.',
  'Membership.role': 'The role ("Chair", "member of CIS-EMO missions").',
  'Membership.startDate': 'Start (YYYY, YYYY-MM or YYYY-MM-DD).',
  'Membership.endDate': 'End (YYYY, YYYY-MM or YYYY-MM-DD).',
  'Election.key': 'Stable natural key: area, type and year.',
  'Election.area': 'Where the vote took place.',
  'Election.type': 'Kind of vote.',
  'Election.year': 'Year of the first round.',
  'Election.datePrecision': 'How precisely the date is known (a year-only article date, a day-exact statement date).',
  'Election.rounds': 'Rounds with statements, in order.',
  'Election.missions': 'Observation missions to this election.',
  'Election.internationalObserverCountries': 'Countries the international observers came from, when a source counts them.',
  'ElectionRound.election': 'The election.',
  'ElectionRound.round': 'First, second or rerun.',
  'ElectionRound.date': 'Polling day of this round, when known.',
  'ElectionRound.statements': 'Statements about this round.',
  'Mission.organization': 'The observing organization.',
  'Mission.election': 'The election observed.',
  'Mission.head': 'Head of mission, when known.',
  'Mission.observerCount': 'Number of observers, when known.',
  'Mission.observerCountApproximate': 'True when the count is approximate ("about 1200").',
  'Mission.countryCount': 'Number of countries the observers came from.',
  'Mission.startDate': 'Deployment start.',
  'Mission.endDate': 'Deployment end.',
  'Mission.members': 'People on the mission.',
  'Statement.organization': 'The body that made the statement.',
  'Statement.round': 'The election round the statement is about.',
  'Statement.statementDate': 'When it was made (ISO date; may be less precise).',
  'Statement.kind': 'Preliminary, final, press, interview or declined.',
  'Statement.speakerName': 'Who spoke, as the source names them.',
  'Statement.speaker': 'The speaker as a person record.',
  'Statement.quote': 'The words, as given in the source (see quoteLanguage and translated).',
  'Statement.note': 'Notes of the dataset on the statement.',
  'Statement.source': 'The dataset the statement was read from.',
  'Statement.sourceTitle': 'Title of the publication the quote comes from.',
  'Statement.sourceUrl': 'Where the quote was published.',
  'VerdictCoding.verdict': 'The verdict of this coding.',
  'VerdictCoding.score': 'Ordinal score of the verdict; null for NOT_OBSERVED.',
  'VerdictCoding.coder': 'Source dataset, curator or rule coder.',
  'VerdictCoding.rule': 'For the rule coder: the ids of the rules that decided.',
  'VerdictCoding.confidence': 'For the rule coder: confidence from 0 to 1.',
  'VerdictCoding.machineCoded': 'True when the rule coder made this coding.',
  'VerdictCoding.evidence': 'For the rule coder: the matched phrases.',
  'VerdictCoding.codedAt': 'When the coding was made.',
  'Event.name': 'Name as the source gives it.',
  'Event.kind': 'What kind of event.',
  'Event.area': 'Where it took place.',
  'Event.venue': 'The venue, where the source names one.',
  'Event.datePrecision': 'How precisely the date is known.',
  'Event.endDate': 'Last day, for events over several days.',
  'Event.description': 'What happened, briefly.',
  'Event.participants': 'Organizations and persons taking part, with their roles.',
  'EventParticipant.organization': 'A participating organization.',
  'EventParticipant.person': 'A participating person.',
  'EventParticipant.role': 'Role in the event (host, participant, speaker, …).',
  'Source.title': 'Title of the document or dataset.',
  'Source.kind': 'What kind of source.',
  'Source.url': 'Where it was published, when known.',
  'Source.ingestedAt': 'When it was last ingested.',
  'Source.claims': 'Every fact read from this source.',
  'Claim.entityType': 'Type of the record the fact is about.',
  'Claim.property': 'The property stated ("foundedYear", "date", "memberCount").',
  'Claim.value': 'The value as the source states it.',
  'Claim.source': 'The source.',
  'Conflict.entityType': 'Type of the record.',
  'Conflict.entityId': 'Database id of the record.',
  'Conflict.property': 'The property the sources disagree on.',
  'Conflict.values': 'Each value with the claims that give it.',
  'ConflictValue.value': 'A value one or more sources give.',
  'ConflictValue.claims': 'The claims giving this value.',
  'CodedVerdict.verdict': 'The coded verdict; null when no rule matched.',
  'CodedVerdict.score': 'Ordinal score of the verdict.',
  'CodedVerdict.confidence': 'Confidence from 0 to 1.',
  'CodedVerdict.rule': 'Ids of the rules that decided.',
  'CodedVerdict.explanation': 'How the rules combined, in words.',
  'CodedVerdict.evidence': 'The matched phrases.',
  'CodedVerdict.coderVersion': 'Version of the rule set.',
  'BodyComparison.organization': 'The other body.',
  'BodyComparison.verdict': 'Its headline verdict for the round.',
  'BodyComparison.score': 'Ordinal score of that verdict.',
  'BodyComparison.absoluteGap': 'Size of the gap in steps, regardless of direction.',
  'BodyComparison.status': 'Whether both assessed, or what is missing.',
  'BodyComparison.statements': 'Its statements about the round.',
  'RoundComparison.round': 'First, second or rerun.',
  'RoundComparison.electionRound': 'The round record.',
  'RoundComparison.subjectScore': "Ordinal score of the subject's verdict.",
  'RoundComparison.subjectStatements': "The subject's statements about the round.",
  'RoundComparison.others': 'Every other body that assessed or observed.',
  'ElectionComparison.election': 'The election.',
  'ElectionComparison.subject': 'The organization compared against the others.',
  'ElectionComparison.rounds': 'Round by round.',
  'ElectionComparison.missing': 'What the record lacks for this election.',
  'MissingAssessment.kind': 'What is missing.',
  'MissingAssessment.organization': 'Whose assessment is missing.',
  'MissingAssessment.round': 'Which round; null for the election as a whole.',
  'ComparisonReport.subject': 'The organization compared against the others.',
  'ComparisonSummary.elections': 'Elections in the comparison.',
  'ComparisonSummary.subjectObservedElections': 'Of those, elections the subject observed.',
  'ComparisonSummary.subjectAssessedElections': 'Of those, elections with an assessment by the subject on record.',
  'ComparisonSummary.pooled': 'Agreement with all other bodies together.',
  'ComparisonSummary.byBody': 'Agreement with each other body.',
  'AgreementFigures.agreements': 'Paired rounds with the same verdict.',
  'AgreementFigures.subjectAssessedRounds': 'Rounds the subject assessed.',
  'AgreementFigures.withinOneRate': 'Share of paired rounds at most one step apart.',
  'AgreementFigures.meanAbsoluteGap': 'Mean size of the gap in steps.',
  'ElectionFilter.types': 'Only these kinds of vote.',
  'ElectionFilter.yearFrom': 'From this year on.',
  'ElectionFilter.yearTo': 'Up to this year.',
  'StatementFilter.electionTypes': 'Only statements on these kinds of vote.',
  'StatementFilter.kinds': 'Only these kinds of statement.',
  'StatementFilter.verdicts': 'Only statements whose verdict in force is one of these.',
  'StatementFilter.yearFrom': 'Elections from this year on.',
  'StatementFilter.yearTo': 'Elections up to this year.',
  'EventFilter.kinds': 'Only these kinds of event.',
  'EventFilter.yearFrom': 'From this year on.',
  'EventFilter.yearTo': 'Up to this year.',
  'Query.events': 'Events, in date order.',
  'Query.persons': 'Persons, by name.',
  'Query.statements': 'Statements, filtered as a dashboard needs.',
  'Query.node': "Any record by its global ID (a merged record's ID resolves to the surviving record).",
  'Query.nodes': 'Several records by global ID.',
  'VerdictEvidence.phrase': 'The words of the quote that matched.',
  'VerdictEvidence.ruleId': 'Id of the rule that matched (see src/verdicts/rules.ts).',
  'VerdictEvidence.negated': 'True when a negation cue flipped the phrase ("not free").',
  PageInfo: 'Where a page sits in its connection (Relay).',
  'PageInfo.endCursor': 'Cursor of the last record on the page.',
  'PageInfo.startCursor': 'Cursor of the first record on the page.',
  'PageInfo.hasNextPage': 'True when more records follow.',
  'PageInfo.hasPreviousPage': 'True when records precede this page.',
  Node: 'A record with a global ID (Relay).',
  'Node.id': 'Global ID.',
};

function connectionDescription(typeName: string, field?: string): string | undefined {
  const connection = /^(.*)Connection$/.exec(typeName);
  if (connection) {
    if (!field) return `A page of ${connection[1]} records (Relay connection).`;
    return (
      {
        edges: 'The records on this page, each with its cursor.',
        pageInfo: 'Where this page sits.',
        totalCount: 'Number of records in the whole connection, not just this page.',
      } as Record<string, string>
    )[field];
  }
  const edge = /^(.*)Edge$/.exec(typeName);
  if (edge) {
    if (!field) return `A record in a page of ${edge[1].replace(/Connection$/, '')} (Relay edge).`;
    return ({ cursor: 'Opaque cursor: pass as `after` or `before` to page from here.', node: 'The record.' } as Record<string, string>)[
      field
    ];
  }
  return undefined;
}

/** Fills in descriptions that the definitions left out; returns what is still undocumented. */
export function applyGlossary(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    type.description ??= GLOSSARY[type.name] ?? connectionDescription(type.name) ?? null;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        field.description ??=
          GLOSSARY[`${type.name}.${field.name}`] ??
          connectionDescription(type.name, field.name) ??
          (field.name === 'id' ? 'Global ID (Relay): pass to `node` to fetch this record again.' : null);
        if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        value.description ??= GLOSSARY[`${type.name}.${value.name}`] ?? null;
        if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
  }
  return missing;
}
