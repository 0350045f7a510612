/** Partial dates as the sources give them: "2009", "March 2009", "2004-09-19". */

export type Precision = 'YEAR' | 'MONTH' | 'DAY';

export interface PartialDate {
  /** ISO form at its precision: "2009", "2009-03", "2009-03-14". */
  iso: string;
  year: number;
  precision: Precision;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function isRealDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Parses ISO partial dates ("2004", "2004-09", "2004-09-19"); null when malformed or impossible. */
export function parseIsoPartial(text: string): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return null;
  if (!m[2]) return { iso: m[1], year, precision: 'YEAR' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (!m[3]) return { iso: `${m[1]}-${m[2]}`, year, precision: 'MONTH' };
  if (!isRealDay(year, month, Number(m[3]))) return null;
  return { iso: `${m[1]}-${m[2]}-${m[3]}`, year, precision: 'DAY' };
}

/** Parses English prose dates: "March 2009", "September, 2010", "2010". */
export function parseProseDate(text: string): PartialDate | null {
  const t = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  const iso = parseIsoPartial(t);
  if (iso) return iso;
  const m = /^([a-z]+) (\d{4})$/.exec(t);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]) + 1;
  if (!month) return null;
  return parseIsoPartial(`${m[2]}-${String(month).padStart(2, '0')}`);
}

/** True when two dates can denote the same day (one may be less precise). */
export function datesCompatible(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}
