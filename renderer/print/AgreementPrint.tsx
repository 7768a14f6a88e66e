import './agreement-print.css';
import type { ReactNode } from 'react';
import { SHARE_CHANNEL_LABELS, SIGNATURE_METHOD_LABELS, type Agreement } from '../../shared/contract/agreements';
import { CONSENT_SCOPE_SHORT } from '../../shared/contract/consent';
import { formatDay, formatDateTime, londonDay } from '../../shared/domain/dates';
import { PrintFooter } from './PrintFooter';

/**
 * The information sharing agreement on A4 (the guidance's "information sharing tool"): a copy a
 * parent takes home, signatures drawn in it, or, unsigned, a form to fill in by hand at the joint
 * meeting (every empty answer and signature is a line to write on).
 */
export function AgreementPrint({ agreement: a, printedBy }: { agreement: Agreement; printedBy: string }) {
  const ours = a.settings[0]?.name ?? '';
  return (
    <article className={`print-page agreement ${a.status === 'signed' ? 'ag-signed' : 'ag-form'}`}>
      <header className="ag-head">
        <div>
          <p>
            <strong>CONFIDENTIAL</strong>
          </p>
          <h1>Information sharing agreement</h1>
          <p className="print-sub">
            {a.childName}, born {formatDay(a.dateOfBirth)}
          </p>
        </div>
        <div className="ag-status">
          <strong>Version {a.version}</strong>
          <div>{a.status === 'signed' ? `Signed by everyone, ${a.signedAt ? formatDateTime(a.signedAt) : ''}` : 'Draft: not yet signed by everyone'}</div>
          {a.sharing.reviewOn && <div>To be reviewed by {formatDay(a.sharing.reviewOn)}</div>}
        </div>
      </header>
      <p>
        Parents and key persons complete this together at their first joint meeting and sign how they will share information about the child between
        one another and the settings the child attends.
      </p>

      <h2>1. About each setting</h2>
      {a.settings.map((s) => (
        <section key={s.partnerId ?? 'here'} className="ag-part">
          <h3>{s.name}</h3>
          <dl>
            <Row label="Address">{s.address}</Row>
            <Row label="Opening hours">{s.openingHours}</Row>
            <Row label="The child’s days there">{s.childDays}</Row>
            <Row label="Key person">{s.keyPersonName}</Row>
            <Row label="How to reach the key person">{s.keyPersonContact}</Row>
            <Row label="Designated safeguarding lead">{s.dslName}</Row>
            <Row label="How to reach the DSL">{s.dslContact}</Row>
            <Row label="How they prefer to hear from the others">{s.preferredContact}</Row>
            <Row label="Telling each other of concerns">{s.concernsAgreement}</Row>
          </dl>
          <Completed by={s.completedBy} on={s.completedOn} />
        </section>
      ))}

      <h2>2. About the child (completed with the parents)</h2>
      <section className="ag-part">
        <dl>
          <Row label="Routines">{a.child.routines}</Row>
          <Row label="Sleep">{a.child.sleep}</Row>
          <Row label="Food">{a.child.food}</Row>
          <Row label="Comforters">{a.child.comforters}</Row>
          <Row label="Languages">{a.child.languages}</Row>
          <Row label="Likes">{a.child.likes}</Row>
          <Row label="Dislikes">{a.child.dislikes}</Row>
          <Row label="Health, in the parents’ words">{a.child.health}</Row>
          <Row label="What the parents want every setting to know">{a.child.everySettingShouldKnow}</Row>
          <Row label="The parents’ worries">{a.child.worries}</Row>
        </dl>
        <Completed by={a.child.completedBy} on={a.child.completedOn} />
      </section>
      <h3>Health and who manages it (from the child’s health records)</h3>
      {a.records.health.length === 0 ? (
        <p>No allergies, medication or dietary needs are recorded.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>What</th>
              <th>Details</th>
              <th>Who manages it</th>
            </tr>
          </thead>
          <tbody>
            {a.records.health.map((h, i) => (
              <tr key={i}>
                <td>
                  {h.kind}: {h.name}
                </td>
                <td>{[h.detail, h.parentsDo ? `Parents: ${h.parentsDo}` : null].filter(Boolean).join('. ')}</td>
                <td>{h.managedBy.join('; ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>3. How we will share</h2>
      <section className="ag-part">
        <dl>
          <Row label="Ways we will share">{a.sharing.channels.map((c) => SHARE_CHANNEL_LABELS[c]).join(', ')}</Row>
          <Row label="How often">{a.sharing.howOften}</Row>
          <Row label="Emergency contacts kept current by">{a.sharing.emergencyContacts}</Row>
          <Row label="Anything else about transfers">{a.sharing.transfers}</Row>
          <Row label="Review date">{a.sharing.reviewOn ? formatDay(a.sharing.reviewOn) : ''}</Row>
        </dl>
      </section>
      <h3>What each of us passes on, and how fast</h3>
      <table>
        <thead>
          <tr>
            <th>What</th>
            <th>Who</th>
            <th>How fast</th>
          </tr>
        </thead>
        <tbody>
          {a.sharing.passOn.map((p, i) => (
            <tr key={i}>
              <td>{p.what}</td>
              <td>{p.who}</td>
              <td>{p.howFast}</td>
            </tr>
          ))}
          {a.sharing.passOn.length === 0 &&
            [0, 1, 2].map((i) => (
              <tr key={i}>
                <td>&nbsp;</td>
                <td>&nbsp;</td>
                <td>&nbsp;</td>
              </tr>
            ))}
        </tbody>
      </table>
      <h3>Transfers between the settings (from the shared care arrangements)</h3>
      <ul>
        {a.records.transfers.map((t, i) => (
          <li key={i}>
            {t.partnerName}: {[t.who, t.when, t.handover ? `handed over: ${t.handover}` : null].filter(Boolean).join('; ') || 'not yet agreed'}
          </li>
        ))}
      </ul>
      <h3>Emergency contacts (as recorded)</h3>
      <ul>
        {a.records.contacts.map((c, i) => (
          <li key={i}>
            {c.name} ({c.relationship}), {c.phone}; last checked with the parents {formatDay(c.lastVerifiedOn)}
            {c.needsCheck ? ' (to check again)' : ''}
          </li>
        ))}
        {a.records.contacts.length === 0 && <li>None recorded yet.</li>}
      </ul>
      <h3>The consents this relies on (the consent register, {formatDay(londonDay())})</h3>
      <ul>
        {a.consents.map((c) => (
          <li key={`${c.partnerId}-${c.scope}`}>
            {CONSENT_SCOPE_SHORT[c.scope]} with {c.partnerName}: {c.valid ? 'consent in force' : <span className="ag-consent-no">no consent in force</span>}
          </li>
        ))}
      </ul>

      <h2>Signatures</h2>
      <div className="ag-signatures">
        {a.signers.map((s) => (
          <div key={s.signer.kind === 'parent' ? s.signer.carerId : (s.signer.partnerId ?? 'here')} className="ag-sign">
            <strong>{s.name}</strong> ({s.describe})
            {s.signature?.method === 'drawn' && s.signature.image ? (
              <img src={s.signature.image} alt={`Signature of ${s.name}`} />
            ) : s.signature?.method === 'typed' ? (
              <p>
                <em>{s.signature.typedName}</em> (typed)
              </p>
            ) : s.signature?.method === 'paper' ? (
              <p>(the signed paper copy is kept in the child’s file)</p>
            ) : (
              <div className="ag-line" />
            )}
            <div>{s.signature ? `${SIGNATURE_METHOD_LABELS[s.signature.method]}, ${formatDay(s.signature.signedOn)}` : 'Date:'}</div>
          </div>
        ))}
      </div>
      <PrintFooter printedBy={printedBy} settingName={ours} />
    </article>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === undefined || children === null || children === '';
  return (
    <>
      <dt>{label}</dt>
      <dd>{empty ? <span className="ag-blank">&nbsp;</span> : children}</dd>
    </>
  );
}

function Completed({ by, on }: { by?: string; on?: string | null }) {
  return (
    <p className="ag-who">
      Completed by {by?.trim() || '______________________'} on {on ? formatDay(on) : '____________'}
    </p>
  );
}
