/**
 * A synthetic world of election observation for scale tests: thousands of elections across
 * areas and years, hundreds of bodies, statements whose verdicts follow the distribution of
 * the real, hand-coded ones, and the spelling variation real spreadsheets have (aliases,
 * Soviet-era exonyms, misspellings) — each variant checked to reconcile to the intended record.
 * Output is a statements spreadsheet in the format of data/sources/assessments.csv, so it
 * enters through the same ingestion path as real data.
 */
import { Random } from './random.js';
import { Reconciler } from '../reconcile/reconciler.js';
import { loadReferenceAreas, loadReferenceOrganizations } from '../reconcile/reference.js';
import type { Verdict } from '../verdicts/scale.js';
import { STATEMENT_COLUMNS } from '../ingest/statements-csv.js';

export interface SynthOptions {
  elections: number;
  statements: number;
  seed: number;
  /** Synthetic bodies beside the real ones. */
  bodies?: number;
}

type BodyLean = 'western' | 'cis' | 'neutral';

interface Body {
  names: string[];
  lean: BodyLean;
}

/** Verdict distributions by the body's lean, after the real statements in data/sources. */
const VERDICTS: Record<BodyLean, Record<Verdict, number>> = {
  western: { ENDORSED: 6, LARGELY_POSITIVE: 22, MIXED: 18, CRITICAL: 38, CONDEMNED: 10, NOT_OBSERVED: 6 },
  cis: { ENDORSED: 70, LARGELY_POSITIVE: 15, MIXED: 4, CRITICAL: 6, CONDEMNED: 1, NOT_OBSERVED: 4 },
  neutral: { ENDORSED: 20, LARGELY_POSITIVE: 30, MIXED: 25, CRITICAL: 18, CONDEMNED: 4, NOT_OBSERVED: 3 },
};

/** Stock phrases of observer statements per verdict, English and Russian. */
const QUOTES: Record<Verdict, { en: string[]; ru: string[] }> = {
  ENDORSED: {
    en: [
      'free, fair and transparent',
      'fully in line with international standards',
      'reflects the will of the people',
      'legitimate and democratic',
    ],
    ru: ['выборы прошли прозрачно и демократично', 'соответствуют общепризнанным демократическим нормам'],
  },
  LARGELY_POSITIVE: {
    en: [
      'generally in line with OSCE commitments',
      'met most commitments, although some shortcomings were noted',
      'a further consolidation of the democratic process',
    ],
    ru: ['в целом соответствовали международным стандартам, хотя отмечены отдельные нарушения'],
  },
  MIXED: {
    en: ['met some commitments but fell short of others', 'positive elements, but also serious shortcomings'],
    ru: ['отмечены как положительные моменты, так и серьезные недостатки'],
  },
  CRITICAL: {
    en: [
      'fell short of OSCE commitments and other international standards',
      'did not meet a number of OSCE commitments',
      'marked by the abuse of administrative resources',
    ],
    ru: ['не соответствовали ряду обязательств ОБСЕ'],
  },
  CONDEMNED: {
    en: ['did not meet a considerable number of OSCE commitments', 'marred by massive fraud and serious violations'],
    ru: ['массовые фальсификации и грубые нарушения'],
  },
  NOT_OBSERVED: {
    en: ['declined to deploy a mission', 'was not invited to observe the elections'],
    ru: ['отказались направить миссию наблюдателей'],
  },
};

const WORDS_A = [
  'Baltic',
  'Caspian',
  'Nordic',
  'Danube',
  'Caucasus',
  'Eurasian',
  'Atlantic',
  'Black Sea',
  'Adriatic',
  'Carpathian',
  'Steppe',
  'Volga',
  'Alpine',
  'Aegean',
  'Pontic',
  'Ural',
  'Amber',
  'Silk Road',
  'Central Asian',
  'Pannonian',
];
const WORDS_B = [
  'Civic',
  'Democratic',
  'Electoral',
  'Citizens',
  'Independent',
  'Parliamentary',
  'Legal',
  'Human Rights',
  'Public',
  'Youth',
];
const WORDS_C = [
  'Election Watch',
  'Observer Network',
  'Monitoring Centre',
  'Observation Mission',
  'Forum',
  'Foundation',
  'Institute',
  'Association',
  'Council',
  'Initiative',
];

const TYPES = ['presidential', 'parliamentary', 'referendum', 'mayoral', 'municipal', 'regional'] as const;

/** The spreadsheet's header row: its columns, as the ingest reads them. */
export const HEADER = STATEMENT_COLUMNS.join(',');

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Builds the bodies: the real ones with their spellings, and generated ones with variants. */
function bodies(random: Random, count: number): Body[] {
  const real = loadReferenceOrganizations();
  const byKey = new Map(real.map((o) => [o.key, o]));
  const named = (key: string, lean: BodyLean): Body => {
    const o = byKey.get(key)!;
    return { names: [o.name, ...(o.aliases ?? []).filter((a) => /^[\x20-\x7e]+$/.test(a))], lean };
  };
  const out: Body[] = [
    named('odihr', 'western'),
    named('osce-pa', 'western'),
    named('pace', 'western'),
    named('cis-emo', 'cis'),
    named('cis-executive-committee-mission', 'cis'),
    named('ipa-cis', 'cis'),
    named('csto-pa', 'cis'),
  ];
  const seen = new Set<string>();
  const acronyms = new Set<string>();
  while (out.length < count + 7) {
    const name = `${random.pick(WORDS_A)} ${random.pick(WORDS_B)} ${random.pick(WORDS_C)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    // Variants a spreadsheet might carry: capitals, an article, parenthesised acronym.
    // An acronym shared by two bodies would make both ambiguous: only a unique one is used.
    const acronym = name
      .split(/\s+/)
      .map((w) => w[0])
      .join('')
      .toUpperCase();
    const names = [name, name.toUpperCase(), `The ${name}`];
    if (!acronyms.has(acronym)) names.push(`${name} (${acronym})`);
    acronyms.add(acronym);
    out.push({ names, lean: random.pick(['western', 'neutral', 'neutral', 'cis'] as const) });
  }
  return out;
}

interface AreaChoice {
  id: string;
  spellings: string[];
}

/** Areas with the spellings that reconcile to them uniquely (names, exonyms, checked misspellings). */
function areas(random: Random): AreaChoice[] {
  const reconciler = new Reconciler();
  const reference = loadReferenceAreas();
  for (const a of reference)
    reconciler.addArea({ id: a.key, key: a.key, name: a.name, kind: a.kind, isoCode: a.isoCode, parentId: a.parent }, a.names);
  const out: AreaChoice[] = [];
  for (const a of reference) {
    if (a.kind === 'CITY') continue;
    const candidates = [a.name, ...a.names.filter((n) => /^[\x20-\x7e]+$/.test(n))];
    if (a.name.length >= 9) {
      const i = random.int(2, a.name.length - 3);
      candidates.push(a.name.slice(0, i) + a.name.slice(i + 1)); // one letter dropped
    }
    const spellings = candidates.filter((n) => {
      try {
        return reconciler.resolveArea(n)?.id === a.key;
      } catch {
        return false;
      }
    });
    if (spellings.length) out.push({ id: a.key, spellings });
  }
  return out;
}

/** Writes the synthetic spreadsheet(s) through `emit`, one line at a time. */
export function generateStatements(
  options: SynthOptions,
  emit: (line: string) => void,
): { elections: number; statements: number; bodies: number } {
  const random = new Random(options.seed);
  const bodyList = bodies(random, options.bodies ?? 300);
  const areaList = areas(random);
  interface SynthElection {
    area: AreaChoice;
    type: (typeof TYPES)[number];
    date: string;
    rounds: ('1' | '2' | 'rerun')[];
  }
  const elections: SynthElection[] = [];
  const keys = new Set<string>();
  let guard = 0;
  while (elections.length < options.elections && guard++ < options.elections * 50) {
    const area = random.pick(areaList);
    const type = random.pick(TYPES);
    const year = random.int(1995, 2025);
    const key = `${area.id}|${type}|${year}`;
    if (keys.has(key)) continue;
    keys.add(key);
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    const rounds: SynthElection['rounds'] = ['1'];
    if (type === 'presidential' && random.chance(0.4)) rounds.push('2');
    if (random.chance(0.02)) rounds.push('rerun');
    elections.push({ area, type, date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, rounds });
  }
  emit(HEADER);
  for (let i = 0; i < options.statements; i++) {
    const election = elections[i % elections.length];
    const body = random.chance(0.5) ? bodyList[random.int(0, 6)] : random.pick(bodyList);
    const verdict = random.weighted(VERDICTS[body.lean]);
    const ru = body.lean === 'cis' && random.chance(0.3);
    const quote = random.pick(QUOTES[verdict][ru ? 'ru' : 'en']);
    const kind = verdict === 'NOT_OBSERVED' ? 'declined' : random.pick(['preliminary', 'final', 'press', 'press', 'interview'] as const);
    const round = random.pick(election.rounds);
    // A statement's date distinguishes repeated statements by one body on one round.
    const statementDate = `${election.date.slice(0, 4)}-12-${String(1 + (i % 28)).padStart(2, '0')}`;
    const fields = [
      random.pick(body.names),
      random.pick(election.area.spellings),
      election.type,
      election.date,
      round,
      statementDate,
      kind,
      '',
      `${quote} (${i})`,
      ru ? 'ru' : 'en',
      'false',
      random.chance(0.15) ? '' : verdict,
      'synthetic',
      '',
      'synthetic statement',
    ];
    emit(fields.map(csvField).join(','));
  }
  return { elections: elections.length, statements: options.statements, bodies: bodyList.length };
}
