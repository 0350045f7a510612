/**
 * The comparison's filters as URL parameters — the same names the dashboard puts in its
 * shareable URLs, so a dashboard view and its CSV download select the same rows:
 *
 *   country   area by any name; includes the areas inside it (also accepted as `area`)
 *   yearFrom, yearTo
 *   type      election types, comma-separated or repeated (PARLIAMENTARY, PRESIDENTIAL, …)
 *   body      one other body: only elections it assessed, and only its column
 *   scope     SUBJECT (default), WITH_STATEMENTS, ALL or PAIRED (a round both sides assessed)
 *   subject   the organization compared against the others (default CIS-EMO)
 */
export const ELECTION_TYPES = ['PRESIDENTIAL', 'PARLIAMENTARY', 'REFERENDUM', 'MAYORAL', 'MUNICIPAL', 'REGIONAL'] as const;
export const SCOPES = ['SUBJECT', 'WITH_STATEMENTS', 'ALL', 'PAIRED'] as const;

export interface ComparisonParams {
  subject: string | null;
  scope: (typeof SCOPES)[number];
  body: string | null;
  filter: {
    area?: string;
    yearFrom?: number;
    yearTo?: number;
    types?: string[];
    assessedBy?: string;
  };
}

export class ParameterError extends Error {}

function year(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name)?.trim();
  if (!raw) return undefined;
  if (!/^\d{4}$/.test(raw)) throw new ParameterError(`${name} must be a year like 2012 (got "${raw}")`);
  return Number(raw);
}

export function comparisonParams(params: URLSearchParams): ComparisonParams {
  const text = (name: string) => params.get(name)?.trim() || null;
  const types = params
    .getAll('type')
    .flatMap((t) => t.split(','))
    .map((t) => t.trim().toUpperCase())
    .filter(Boolean);
  for (const t of types) {
    if (!(ELECTION_TYPES as readonly string[]).includes(t))
      throw new ParameterError(`type must be one of ${ELECTION_TYPES.join(', ')} (got "${t}")`);
  }
  const scope = (text('scope') ?? 'SUBJECT').toUpperCase();
  if (!(SCOPES as readonly string[]).includes(scope))
    throw new ParameterError(`scope must be one of ${SCOPES.join(', ')} (got "${scope}")`);
  const area = text('country') ?? text('area');
  const body = text('body');
  const filter: ComparisonParams['filter'] = {};
  if (area) filter.area = area;
  const from = year(params, 'yearFrom');
  const to = year(params, 'yearTo');
  if (from) filter.yearFrom = from;
  if (to) filter.yearTo = to;
  if (types.length) filter.types = types;
  if (body) filter.assessedBy = body;
  return { subject: text('subject'), scope: scope as ComparisonParams['scope'], body, filter };
}

/**
 * A download's file name that says its filter, so two downloads keep apart on disk:
 * `comparison-cis-emo-ukraine-2004-2012-presidential-with-statements.csv`.
 */
export function fileNameOf(base: string, params: ComparisonParams, extension: string): string {
  const { area, yearFrom, yearTo, types } = params.filter;
  const years = yearFrom || yearTo ? `${yearFrom ?? ''}-${yearTo ?? ''}`.replace(/^-|-$/g, '') : null;
  const parts: (string | null | undefined)[] = [
    base,
    params.subject ?? 'cis-emo',
    area,
    years,
    ...(types ?? []),
    params.body ? `vs-${params.body}` : null,
  ];
  if (params.scope !== 'SUBJECT') parts.push(params.scope.replace('_', '-'));
  const slug = parts
    .filter((p): p is string => !!p)
    .map((p) =>
      p
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter(Boolean)
    .join('-');
  return `${slug.slice(0, 150).replace(/-$/, '')}.${extension}`;
}
