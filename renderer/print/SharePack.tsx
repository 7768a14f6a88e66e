import './sharing-print.css';
import { BASIS_LABELS, ITEM_KIND_ONE, SHARING_METHOD_LABELS, type SharePack as Pack } from '../../shared/contract/sharing';
import { formatDateTime } from '../../shared/domain/dates';

/** Repeated at the top and the foot of every page (table header and footer groups repeat when printed). */
function Frame({ title, settingName, printedBy, printedAt, children }: { title: string; settingName: string; printedBy: string; printedAt: string; children: React.ReactNode }) {
  return (
    <table className="sp-frame">
      <thead>
        <tr>
          <td className="sp-running-head">
            <span className="sp-stamp">CONFIDENTIAL</span>
            <span className="sp-title">{title}</span>
          </td>
        </tr>
      </thead>
      <tfoot>
        <tr>
          <td className="sp-running-foot">
            <strong>CONFIDENTIAL</strong> · {settingName} · Printed by {printedBy} on {formatDateTime(printedAt)}
          </td>
        </tr>
      </tfoot>
      <tbody>{children}</tbody>
    </table>
  );
}

/**
 * The share pack: a cover sheet (purpose, basis, recipient, method and handling instructions, the
 * third-party warning, who decided and who authorised), then exactly the approved items, as they
 * were frozen when the decision was recorded. Every page says CONFIDENTIAL, the setting, who printed it and when.
 */
export function SharePack({ pack }: { pack: Pack }) {
  const d = pack.decision;
  const a = d.authorisation;
  return (
    <article className="share-pack" data-testid="share-pack">
      <Frame title={`Information shared about ${d.childName}`} settingName={pack.setting.name} printedBy={pack.printedBy} printedAt={pack.printedAt}>
        <tr>
          <td>
            <h1>Information shared about {d.childName}</h1>
            <p className="sp-lead">
              From {pack.setting.name} to {pack.recipient.name}
              {d.recipientContact ? ` (for ${d.recipientContact})` : ''}, shared on {d.sharedAt ? formatDateTime(d.sharedAt) : '—'}.
            </p>
            <table className="sp-cover">
              <tbody>
                <tr>
                  <th>From</th>
                  <td>
                    {pack.setting.name}
                    {pack.setting.address ? `, ${pack.setting.address}` : ''}
                    {pack.setting.phone ? ` · ${pack.setting.phone}` : ''}
                    {pack.setting.email ? ` · ${pack.setting.email}` : ''}
                  </td>
                </tr>
                <tr>
                  <th>To</th>
                  <td>
                    {pack.recipient.name}
                    {d.recipientContact ? `, for ${d.recipientContact}` : ''}
                    {pack.recipient.address ? `, ${pack.recipient.address}` : ''}
                    {pack.recipient.secureEmail ? ` · ${pack.recipient.secureEmail}` : ''}
                  </td>
                </tr>
                <tr>
                  <th>Purpose</th>
                  <td>{d.purpose}</td>
                </tr>
                <tr>
                  <th>Basis for sharing</th>
                  <td>
                    {d.basis ? BASIS_LABELS[d.basis] : '—'}
                    {d.basis === 'consent' && d.consent ? `. ${d.consent.message}` : ''}
                    {(d.basis === 'court-order' || d.basis === 'statutory-duty') && d.request.legalRequirement
                      ? `: ${d.request.legalRequirement.what} (${d.request.legalRequirement.reference})`
                      : ''}
                  </td>
                </tr>
                <tr>
                  <th>How it is shared</th>
                  <td>{d.method ? SHARING_METHOD_LABELS[d.method] : '—'}</td>
                </tr>
                <tr>
                  <th>Decided by</th>
                  <td>
                    {d.decidedByName}, {formatDateTime(d.decidedAt)}
                  </td>
                </tr>
                <tr>
                  <th>Authorised by</th>
                  <td>{a ? `${a.byName}, ${formatDateTime(a.at)}` : 'Not needed for this decision'}</td>
                </tr>
              </tbody>
            </table>

            <h2>Handling instructions</h2>
            <ul className="sp-handling">
              {pack.handling.map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ul>
            <div className="sp-warning">
              <strong>Third-party information.</strong> {pack.thirdPartyWarning}
            </div>

            <h2>What is in this pack</h2>
            <ol className="sp-contents">
              {pack.items.map((i) => (
                <li key={i.ref}>
                  {i.label}
                  {i.kind !== 'note' && <span className="sp-kind"> ({ITEM_KIND_ONE[i.kind]})</span>}
                </li>
              ))}
            </ol>
          </td>
        </tr>
        {pack.items.map((i, n) => (
          <tr key={i.ref} className={n === 0 ? 'sp-item sp-first-item' : 'sp-item'}>
            <td>
              {n === 0 && <h2 className="sp-items-title">The information shared</h2>}
              <h3>
                {n + 1}. {i.label}
              </h3>
              {(i.kind !== 'note' || i.thirdParty) && (
                <p className="sp-kind">
                  {[
                    i.kind !== 'note' && ITEM_KIND_ONE[i.kind],
                    i.thirdParty && `From ${i.thirdParty.agency}, who agreed to it being passed on: do not pass it on without their agreement`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              )}
              <div className="sp-content">{i.content}</div>
            </td>
          </tr>
        ))}
      </Frame>
    </article>
  );
}
