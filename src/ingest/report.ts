import type { FileReport, IngestReport } from './pipeline.js';
import { encodeGlobalID } from '@pothos/plugin-relay';

/** One file's outcome, in the words a user loading their spreadsheet needs. */
export function formatFileReport(f: FileReport): string {
  const version = f.sameContent ? `version ${f.version} again (content unchanged)` : `version ${f.version}`;
  const lines = [
    `${f.file} → source "${f.key}", ${version}`,
    `  statements: ${f.new} new, ${f.updated} updated, ${f.unchanged} unchanged, ${f.retired} retired; ${f.texts} further texts`,
  ];
  if (f.withdrawn) lines.push(`  ${f.withdrawn} of its statements are withdrawn by a curator and stay out of every figure`);
  if (f.sourceWithdrawn) lines.push('  the source is withdrawn: nothing read from it counts until it is restored');
  for (const d of f.nearDuplicates) {
    lines.push(
      `  warning: ${d.locator} nearly repeats statement ${encodeGlobalID('Statement', d.statementId)} (${d.statementSource}, ${d.statementLocator}; ${Math.round(d.similarity * 100)}% alike)`,
    );
  }
  return lines.join('\n');
}

export function formatReport(report: IngestReport): string {
  const created = Object.entries(report.created).map(([k, v]) => `${k}s written: ${v}`);
  return [
    ...report.files.map(formatFileReport),
    `statements: ${report.statements} (rule-coded only: ${report.ruleCoded})`,
    ...created,
    `claims written: ${report.claims}`,
  ].join('\n');
}
