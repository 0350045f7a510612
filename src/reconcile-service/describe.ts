/** One-line descriptions that tell namesakes apart in candidate lists and suggestions. */
import { fold } from '../reconcile/normalize.js';
import type { Catalog, Entry } from './catalog.js';

function words(enumValue: string): string {
  const text = enumValue === 'NGO' ? 'NGO' : enumValue.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function describeEntry(entry: Entry, catalog: Catalog): string {
  if (entry.type === 'Organization') {
    const parts = [words(entry.kind)];
    const country = catalog.countryOf(entry.areaId);
    if (country) parts.push(country.name);
    const parent = entry.parentId ? catalog.organizations.get(entry.parentId) : undefined;
    if (parent) parts.push(`part of ${parent.name}`);
    return parts.join(' · ');
  }
  if (entry.type === 'Area') {
    const parts = [words(entry.kind)];
    const parent = entry.parentId ? catalog.areas.get(entry.parentId) : undefined;
    if (parent) parts.push(`in ${parent.name}`);
    const claimedBy = entry.claimedById ? catalog.areas.get(entry.claimedById) : undefined;
    if (claimedBy) parts.push(`claimed by ${claimedBy.name}`);
    if (entry.isoCode) parts.push(entry.isoCode);
    return parts.join(' · ');
  }
  const first = catalog.notableMembership(entry);
  const parts = ['Person'];
  if (first) {
    const org = first.organizationId ? catalog.organizations.get(first.organizationId) : undefined;
    const role = first.label ?? first.role;
    // "head of the mission of CIS-EMO" already names its body.
    parts.push(org && !fold(role).includes(fold(org.name)) ? `${role}, ${org.name}` : role);
  }
  const countries = [
    ...new Set(
      catalog
        .personAreas(entry)
        .map((id) => catalog.countryOf(id)?.name)
        .filter(Boolean),
    ),
  ];
  if (countries.length) parts.push(countries.join(', '));
  return parts.join(' · ');
}
