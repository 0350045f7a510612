// Small helpers to build DOM safely (text only, never HTML from data) and to format figures.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const VERDICTS = ['ENDORSED', 'LARGELY_POSITIVE', 'MIXED', 'CRITICAL', 'CONDEMNED'];
export const VERDICT_COLORS = {
  ENDORSED: '#1a9850',
  LARGELY_POSITIVE: '#91cf60',
  MIXED: '#f2c94c',
  CRITICAL: '#fc8d59',
  CONDEMNED: '#d73027',
  NOT_OBSERVED: '#a0a7b0',
};

export function verdictLabel(verdict) {
  return verdict ? verdict.toLowerCase().replace(/_/g, ' ') : '';
}

export function verdictChip(verdict) {
  return verdict ? el('span', { class: `verdict ${verdict}`, dataset: { verdict } }, verdictLabel(verdict)) : null;
}

export function gapChip(gap) {
  if (gap === null || gap === undefined) return null;
  return el(
    'span',
    { class: `gap gap-${Math.min(Math.abs(gap), 4)}`, title: 'Subject’s score minus this body’s', dataset: { gap } },
    gap > 0 ? `+${gap}` : String(gap),
  );
}

export const percent = (x) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);
export const signed = (x, digits = 2) => (x === null || x === undefined ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(digits)}`);
export const decimal = (x, digits = 2) => (x === null || x === undefined ? '—' : x.toFixed(digits));

/** A figure with its 95% interval beneath it, e.g. "33%" over "9–79%". */
export function withInterval(value, interval, format) {
  const shown = format(value);
  if (!interval || value === null || value === undefined) return shown;
  return el(
    'span',
    { class: 'estimate' },
    shown,
    el('span', { class: 'interval', title: '95% confidence interval' }, `${format(interval.low)} to ${format(interval.high)}`),
  );
}

/** A short name for a column head: the body's acronym ("ODIHR", "PACE"), else its shortest Latin alias, else its name. */
export function shortName(organization) {
  const aliases = (organization.aliases ?? []).filter((a) => /^[\x20-\x7E]+$/.test(a));
  const byLength = (a, b) => a.length - b.length;
  const acronyms = aliases.filter((a) => /^[A-Z][A-Z0-9/ .-]{1,14}$/.test(a) && /[A-Z]{2}/.test(a)).sort(byLength);
  if (acronyms.length) return acronyms[0];
  const shorter = aliases.filter((a) => a.length < organization.name.length && a.length >= 8).sort(byLength);
  return organization.name.length > 30 && shorter.length ? shorter[0] : organization.name;
}

/** Only web links become hrefs. */
export function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}
