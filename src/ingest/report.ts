import type { IngestReport } from './pipeline.js';

export function formatReport(report: IngestReport): string {
  const created = Object.entries(report.created).map(([k, v]) => `${k}s written: ${v}`);
  return [`statements: ${report.statements} (rule-coded only: ${report.ruleCoded})`, ...created, `claims written: ${report.claims}`].join(
    '\n',
  );
}
