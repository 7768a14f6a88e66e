import './child-summary.css';
import type { ChildSummary as Summary } from '../../shared/contract/children';
import { SEVERITY_LABELS } from '../../shared/contract/children';
import { formatDateTime, formatDay, formatDayShort } from '../../shared/domain/dates';
import { describeDays } from '../../shared/domain/weekdays';
import { childDisplayName } from '../../shared/domain/names';

/**
 * One A4 page for a partner setting: what they need day to day (seed 000: key persons, days,
 * emergency contacts, transfers, allergies and medication and who manages them) and, first of all,
 * any collection restriction. CONFIDENTIAL, the setting, who printed it and when.
 */
export function ChildSummary({ summary }: { summary: Summary }) {
  const { child } = summary;
  const allergies = summary.health.filter((h) => h.kind === 'allergy');
  const medication = summary.health.filter((h) => h.kind === 'medication');
  const dietary = summary.health.filter((h) => h.kind === 'dietary');
  const name = childDisplayName(child);
  return (
    <article className="print-page child-summary">
      <header className="cs-head">
        <div>
          <p className="cs-confidential">CONFIDENTIAL</p>
          <h1>Child summary: {name}</h1>
          <p className="print-sub">
            Born {formatDay(child.dateOfBirth)}
            {child.room ? ` · ${child.room}` : ''}
            {child.homeLanguages.length ? ` · Home languages: ${child.homeLanguages.join(', ')}` : ''}
          </p>
        </div>
        <div className="cs-from">
          <strong>From {summary.setting.name}</strong>
          {summary.setting.phone && <div>{summary.setting.phone}</div>}
          {summary.preparedFor && <div>For {summary.preparedFor.name}</div>}
        </div>
      </header>

      {summary.restrictions.length > 0 && (
        <section className="cs-restrictions">
          <h2>Collection restrictions and court orders</h2>
          <ul>
            {summary.restrictions.map((r) => (
              <li key={r.carerId}>
                <strong>
                  {r.carerName} ({r.relationship}){r.mustNotCollect ? ': MUST NOT COLLECT' : ''}
                </strong>
                {r.note ? `. ${r.note}` : ''}
                {r.courtOrder ? `. Court order: ${r.courtOrder}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      <h2>Key persons and days</h2>
      <table>
        <thead>
          <tr>
            <th>Setting</th>
            <th>Key person</th>
            <th>Contact</th>
            <th>Days</th>
          </tr>
        </thead>
        <tbody>
          {summary.keyPersons.map((k, i) => (
            <tr key={i}>
              <td>{k.settingName}</td>
              <td>{k.name ?? '—'}</td>
              <td>{k.contact ?? '—'}</td>
              <td>{describeDays(k.days)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.transfers.map((t, i) => (
        <p key={i} className="cs-note">
          <strong>Transfer with {t.partnerName}:</strong> {[t.who, t.when, t.handover && `handed over: ${t.handover}`].filter(Boolean).join('; ')}
        </p>
      ))}

      <h2>Allergies</h2>
      {allergies.length === 0 ? (
        <p className="cs-note">None recorded.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Allergen</th>
              <th>Severity and reaction</th>
              <th>Action plan</th>
              <th>Who manages it</th>
            </tr>
          </thead>
          <tbody>
            {allergies.map((h) => (
              <tr key={h.id}>
                <td>
                  <strong>{h.name}</strong>
                  <FromAgency source={h.source} />
                </td>
                <td>
                  {h.severity ? SEVERITY_LABELS[h.severity] : ''}
                  {h.reaction ? `: ${h.reaction}` : ''}
                </td>
                <td>{h.actionPlan ?? '—'}</td>
                <td>
                  {h.arrangements.map((a) => `${a.settingName}: ${a.who}`).join('; ') || '—'}
                  {h.parentsDo && (
                    <>
                      <br />
                      The parents: {h.parentsDo}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Medication</h2>
      {medication.length === 0 ? (
        <p className="cs-note">None recorded.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Medicine</th>
              <th>Dose and when</th>
              <th>Expiry and storage</th>
              <th>Who manages it</th>
            </tr>
          </thead>
          <tbody>
            {medication.map((h) => (
              <tr key={h.id}>
                <td>
                  <strong>{h.name}</strong>
                  <FromAgency source={h.source} />
                </td>
                <td>
                  {h.dose}
                  <br />
                  {h.timing}
                </td>
                <td>
                  {h.expiresOn ? `Expires ${formatDayShort(h.expiresOn)}${h.expired ? ' (EXPIRED)' : ''}. ` : ''}
                  {h.storedWhere}
                </td>
                <td>
                  {h.arrangements.map((a) => `${a.settingName}: ${a.who}`).join('; ') || '—'}
                  {h.parentsDo && (
                    <>
                      <br />
                      The parents: {h.parentsDo}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dietary.length > 0 && (
        <p className="cs-note">
          <strong>Dietary needs:</strong> {dietary.map((h) => `${h.name}${h.details ? ` (${h.details})` : ''}${h.source ? ` (from ${h.source.agency})` : ''}`).join('; ')}
        </p>
      )}

      <h2>Parents and carers</h2>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Relationship</th>
            <th>Phone</th>
            <th>Parental responsibility</th>
          </tr>
        </thead>
        <tbody>
          {summary.carers
            .filter((c) => !c.mustNotCollect)
            .map((c) => (
              <tr key={c.id}>
                <td>{c.fullName}</td>
                <td>{c.relationship}</td>
                <td>{[c.phone, c.workPhone].filter(Boolean).join(' / ') || '—'}</td>
                <td>{c.parentalResponsibility ? 'Yes' : 'No'}</td>
              </tr>
            ))}
        </tbody>
      </table>

      <h2>Emergency contacts, in order</h2>
      {summary.contacts.length === 0 ? (
        <p className="cs-note">None recorded: ask the parents.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>Name</th>
              <th>Relationship</th>
              <th>Phone</th>
              <th>Can collect</th>
              <th>Checked</th>
            </tr>
          </thead>
          <tbody>
            {summary.contacts.map((c) => (
              <tr key={c.id}>
                <td>{c.priority}</td>
                <td>{c.name}</td>
                <td>{c.relationship}</td>
                <td>{[c.phone, c.altPhone].filter(Boolean).join(' / ')}</td>
                <td>{c.canCollect ? 'Yes' : 'No'}</td>
                <td>
                  {formatDayShort(c.lastVerifiedOn)}
                  {c.needsCheck ? ' (check)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <footer className="print-footer">
        <strong>CONFIDENTIAL</strong> · {summary.setting.name} · Printed by {summary.printedBy} on {formatDateTime(summary.printedAt)}. Share only with
        the setting named above; keep it locked away and shred it when it is replaced.
      </footer>
    </article>
  );
}

/**
 * A health record another agency gave us (our policy 1.3: third-party information) still goes on
 * the day-to-day sheet, because a setting caring for the child must know of an allergy or a
 * medicine; it says whose information it is, so it is not passed on further as ours.
 */
function FromAgency({ source }: { source: { agency: string } | null }) {
  if (!source) return null;
  return <span className="cs-from-agency">From {source.agency}</span>;
}
