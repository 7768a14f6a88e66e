import './sharing-print.css';
import { BASIS_LABELS, SHARING_STATUS_LABELS, type DecisionSummary } from '../../shared/contract/sharing';
import { formatDateTime } from '../../shared/domain/dates';

/**
 * The register of information-sharing decisions on A4 landscape: one row per decision, newest first,
 * with the filters it was printed with. The heading and the footer (CONFIDENTIAL, the setting, who
 * printed it and when) repeat on every page.
 */
export function SharingRegisterPrint({
  decisions,
  filters,
  settingName,
  printedBy,
  printedAt,
}: {
  decisions: DecisionSummary[];
  filters: string;
  settingName: string;
  printedBy: string;
  printedAt: Date;
}) {
  return (
    <article className="sharing-register" data-testid="sharing-register-print">
      <table className="sr-table">
        <thead>
          <tr>
            <th colSpan={7} className="sr-heading">
              <span className="sp-stamp">CONFIDENTIAL</span>
              <span className="sr-title">Register of information-sharing decisions</span>
              <span className="sr-sub">
                {settingName} · {filters}
              </span>
            </th>
          </tr>
          <tr className="sr-columns">
            <th>Decided</th>
            <th>Child</th>
            <th>With</th>
            <th>Purpose</th>
            <th>Outcome and basis</th>
            <th>Decided by</th>
            <th>Authorised by</th>
          </tr>
        </thead>
        <tfoot>
          <tr>
            <td colSpan={7} className="sp-running-foot">
              <strong>CONFIDENTIAL</strong> · {settingName} · Printed by {printedBy} on {formatDateTime(printedAt)}
            </td>
          </tr>
        </tfoot>
        <tbody>
          {decisions.length === 0 && (
            <tr>
              <td colSpan={7}>No decisions match.</td>
            </tr>
          )}
          {decisions.map((d) => (
            <tr key={d.id}>
              <td>{formatDateTime(d.decidedAt)}</td>
              <td>{d.childName}</td>
              <td>{d.recipientName}</td>
              <td>{d.purpose}</td>
              <td>
                {SHARING_STATUS_LABELS[d.status]}
                {d.basis && d.status === 'shared' ? ` · ${BASIS_LABELS[d.basis]}` : ''}
                {d.status === 'shared' ? ` · ${d.itemsShared} item${d.itemsShared === 1 ? '' : 's'}` : ''}
              </td>
              <td>{d.decidedByName}</td>
              <td>{d.authorisedByName ? `${d.authorisedByName}, ${formatDateTime(d.authorisedAt!)}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
