import './audit-print.css';
import type { AuditEntry } from '../../shared/contract/audit';
import { formatDateTime } from '../../shared/domain/dates';

/**
 * The audit trail as shown on screen, on A4 landscape: one row per entry, newest first, with the
 * filters and the range printed. The heading and the footer (CONFIDENTIAL, the setting, who printed it
 * and when) repeat on every page; page numbers are in the margin (print.css, report-landscape).
 */
export function AuditTrailPrint({
  entries,
  filters,
  range,
  settingName,
  printedBy,
  printedAt,
}: {
  entries: AuditEntry[];
  filters: string;
  range: string;
  settingName: string;
  printedBy: string;
  printedAt: Date;
}) {
  return (
    <article className="audit-print" data-testid="audit-trail-print">
      <table className="at-table">
        {/* Fixed layout takes its widths from the first row, the heading: the columns say them instead. */}
        <colgroup>
          <col className="at-seq" />
          <col className="at-when" />
          <col />
          <col className="at-result" />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={4} className="at-heading">
              <span className="at-stamp">CONFIDENTIAL</span>
              <span className="at-title">Audit trail</span>
              <span className="at-sub">
                {settingName} · {filters} · {range}
              </span>
            </th>
          </tr>
          <tr className="at-columns">
            <th>No.</th>
            <th>When</th>
            <th>What happened</th>
            <th>Result</th>
          </tr>
        </thead>
        <tfoot>
          <tr>
            <td colSpan={4} className="at-foot">
              <strong>CONFIDENTIAL</strong> · {settingName} · Printed by {printedBy} on {formatDateTime(printedAt)}
            </td>
          </tr>
        </tfoot>
        <tbody>
          {entries.length === 0 && (
            <tr>
              <td colSpan={4}>Nothing matches these filters.</td>
            </tr>
          )}
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.description}</td>
              <td>{outcomeLabel(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** What the outcome looks like on screen and on paper. */
export function outcomeLabel(e: AuditEntry): string {
  if (e.outcome === 'failed-login') return 'Failed login';
  if (e.outcome === 'refused') return `Refused: ${e.why ?? 'not allowed.'}`;
  return 'Done';
}
