/** HTML previews of a record, for the iframe OpenRefine shows beside a candidate. */
import type { Catalog, Entry } from './catalog.js';
import { describeEntry } from './describe.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function facts(entry: Entry, catalog: Catalog): [string, string][] {
  const rows: [string, string][] = [];
  const others = entry.names.filter((n) => n !== entry.name);
  if (others.length) rows.push(['Other names', others.join('; ')]);
  if (entry.type === 'Organization') {
    const country = catalog.countryOf(entry.areaId);
    if (country) rows.push(['Country', country.name]);
    const parent = entry.parentId ? catalog.organizations.get(entry.parentId) : undefined;
    if (parent) rows.push(['Part of', parent.name]);
    rows.push(['On record', `${entry.missionCount} observation missions, ${entry.statementCount} statements`]);
    if (entry.description) rows.push(['About', entry.description]);
  } else if (entry.type === 'Area') {
    if (entry.isoCode) rows.push(['ISO 3166', entry.isoCode]);
    const parent = entry.parentId ? catalog.areas.get(entry.parentId) : undefined;
    if (parent) rows.push(['In', parent.name]);
    const claimedBy = entry.claimedById ? catalog.areas.get(entry.claimedById) : undefined;
    if (claimedBy) rows.push(['Claimed by', claimedBy.name]);
  } else {
    if (entry.birthYear) rows.push(['Born', String(entry.birthYear)]);
    for (const m of entry.memberships.slice(0, 6)) {
      const org = m.organizationId ? catalog.organizations.get(m.organizationId)?.name : null;
      const area = m.areaId ? catalog.areas.get(m.areaId)?.name : null;
      const when = [m.startDate && m.endDate ? `${m.startDate}–${m.endDate}` : (m.startDate ?? m.endDate), m.asOf]
        .filter(Boolean)
        .join(', ');
      rows.push(['Role', [m.label ?? m.role, org, area ? `for ${area}` : null, when || null].filter(Boolean).join(' · ')]);
    }
    if (entry.summary) rows.push(['About', entry.summary]);
  }
  return rows;
}

export function previewHtml(entry: Entry, catalog: Catalog): string {
  const rows = facts(entry, catalog)
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(entry.name)}</title>
<style>body{font:13px/1.4 system-ui,sans-serif;margin:8px;color:#222}h1{font-size:16px;margin:0 0 2px}p{margin:0 0 8px;color:#555}th{text-align:left;vertical-align:top;padding-right:8px;color:#555;font-weight:600}</style>
</head><body><h1>${escapeHtml(entry.name)}</h1><p>${escapeHtml(describeEntry(entry, catalog))}</p><table>${rows}</table></body></html>`;
}

/** The flyout a suggest widget shows on hover: a fragment, not a page. */
export function flyoutHtml(entry: Entry, catalog: Catalog): string {
  return `<p style="font-size:0.8em;color:black;"><strong>${escapeHtml(entry.name)}</strong><br>${escapeHtml(describeEntry(entry, catalog))}</p>`;
}
