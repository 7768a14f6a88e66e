import './meeting-pack-print.css';
import { CONSENT_SCOPE_SHORT } from '../../shared/contract/consent';
import { DIARY_CATEGORY_LABELS } from '../../shared/contract/diary';
import { ACTION_STATUS_LABELS, MEETING_FORMAT_LABELS, STEP_PLACE_LABELS } from '../../shared/contract/meetings';
import type { Pack, PackOmission } from '../../shared/contract/packs';
import { formatDateTime, formatDay } from '../../shared/domain/dates';

/** A CSS string literal: what a person typed, never able to close the string or the rule. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

/**
 * Every page of a pack says it is confidential, who printed it and when, and "Page n of m" of this
 * pack alone (a batch is one PDF per child, joined afterwards, so each keeps its own numbers).
 * Margin boxes take their words from CSS, so the printed-by line is written into a style here.
 */
export function PackPageStyle({ settingName, printedBy, printedAt }: { settingName: string; printedBy: string; printedAt: string }) {
  const line = `CONFIDENTIAL · ${settingName} · Printed by ${printedBy} on ${formatDateTime(printedAt)}`;
  return (
    <style>{`@page meeting-pack {
  size: A4;
  margin: 14mm 14mm 16mm 14mm;
  @bottom-left { content: ${cssString(line)}; font: 8pt 'Segoe UI', Arial, sans-serif; }
  @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); font: 8pt 'Segoe UI', Arial, sans-serif; }
}`}</style>
  );
}

const when = (p: Pack) => `${formatDay(p.cover.on)} at ${p.cover.at} (${p.cover.durationMinutes} minutes)`;

/**
 * A child's termly joint meeting pack (issue 14): what the core put in, laid out for A4. Nothing
 * here decides what is included; sections the consent register kept out are simply absent.
 */
export function MeetingPackPrint({ pack }: { pack: Pack }) {
  const { cover } = pack;
  return (
    <article className="meeting-pack" data-testid="meeting-pack">
      <PackPageStyle settingName={pack.settingName} printedBy={pack.printedBy} printedAt={pack.printedAt} />
      <section className="mp-cover">
        <p className="mp-stamp">CONFIDENTIAL · {pack.settingName}</p>
        <h1>Joint meeting: {cover.childName}</h1>
        <p className="print-sub">
          Born {formatDay(cover.dateOfBirth)}
          {cover.termLabel ? ` · ${cover.termLabel}` : ''}
        </p>
        <table className="mp-facts">
          <tbody>
            <tr>
              <th scope="row">When</th>
              <td>{when(pack)}</td>
            </tr>
            <tr>
              <th scope="row">{MEETING_FORMAT_LABELS[cover.format]}</th>
              <td>{cover.howToJoin}</td>
            </tr>
            <tr>
              <th scope="row">Invited</th>
              <td>
                <ul className="mp-plain">
                  {cover.invitees.map((i) => (
                    <li key={`${i.kind}:${i.id}`}>
                      {i.name} ({i.role})
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          </tbody>
        </table>
        <h2>Agenda</h2>
        <ol>
          {pack.agenda.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ol>
      </section>

      <section>
        <h2>How we share information</h2>
        {pack.agreement ? (
          <>
            <p>
              Information sharing agreement, version {pack.agreement.version} ({pack.agreement.status === 'signed' ? 'signed' : 'not yet signed by everyone'})
              {pack.agreement.reviewOn ? `; to be reviewed by ${formatDay(pack.agreement.reviewOn)}` : ''}.
            </p>
            <ul>
              {pack.agreement.summary.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>There is no information sharing agreement for {cover.childName} yet: agree one at this meeting.</p>
        )}
        <h3>Consents in force</h3>
        {pack.consents.inForce.length === 0 ? (
          <p>None recorded.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>For</th>
                <th>To</th>
                <th>Until</th>
              </tr>
            </thead>
            <tbody>
              {pack.consents.inForce.map((c, i) => (
                <tr key={i}>
                  <td>{CONSENT_SCOPE_SHORT[c.scope]}</td>
                  <td>{c.recipients}</td>
                  <td>{c.expiresOn ? formatDay(c.expiresOn) : c.reviewOn ? `Review ${formatDay(c.reviewOn)}` : 'Until withdrawn'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pack.consents.needAttention.length > 0 && (
          <>
            <h3>Consents to talk about</h3>
            <ul>
              {pack.consents.needAttention.map((c, i) => (
                <li key={i}>
                  {CONSENT_SCOPE_SHORT[c.scope]} ({c.setting}): {c.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section>
        <h2>Emergency contacts</h2>
        <p className="mp-ask">Please check these and tell us of any change.</p>
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Relationship</th>
              <th>Phone</th>
              <th>Last checked</th>
            </tr>
          </thead>
          <tbody>
            {pack.contacts.map((c, i) => (
              <tr key={i}>
                <td>{c.name}</td>
                <td>{c.relationship}</td>
                <td>{c.phone}</td>
                <td>
                  {formatDay(c.lastVerifiedOn)}
                  {c.needsCheck ? ' (due a check)' : ''}
                </td>
              </tr>
            ))}
            {pack.contacts.length === 0 && (
              <tr>
                <td colSpan={4}>None recorded: please give us at least two.</td>
              </tr>
            )}
          </tbody>
        </table>
      </section>

      <section>
        <h2>Allergies, medication and diet</h2>
        {pack.health.length === 0 ? (
          <p>None recorded.</p>
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
              {pack.health.map((h, i) => (
                <tr key={i}>
                  <td>
                    {h.kind}: <strong>{h.title}</strong>
                    {h.source && <span className="mp-source"> {h.source}</span>}
                  </td>
                  <td>{h.detail ?? ''}</td>
                  <td>{h.managedBy.map((m) => `${m.name}: ${m.detail ?? ''}`).join('; ') || 'Not recorded'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {pack.diary && (
        <section>
          <h2>
            The diary this term ({formatDay(pack.diary.from)} to {formatDay(pack.diary.to)})
          </h2>
          <p>
            {pack.diary.counts.length === 0
              ? 'No diary entries this term.'
              : pack.diary.counts.map((c) => `${DIARY_CATEGORY_LABELS[c.category]}: ${c.count}`).join(' · ')}
          </p>
          {pack.diary.followUps.length > 0 && (
            <>
              <h3>Follow-ups</h3>
              <ul>
                {pack.diary.followUps.map((f, i) => (
                  <li key={i}>
                    {formatDay(f.day)}: {f.text} ({f.done ? 'done' : 'still open'})
                  </li>
                ))}
              </ul>
            </>
          )}
          {pack.diary.patterns.length > 0 && (
            <>
              <h3>Patterns</h3>
              <ul>
                {pack.diary.patterns.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {pack.observations.length > 0 && (
        <section>
          <h2>Observations by area of learning</h2>
          {pack.observations.map((a) => (
            <div key={a.area} className="mp-area">
              <h3>{a.area}</h3>
              <ul>
                {a.items.map((o, i) => (
                  <li key={i}>
                    {formatDay(o.on)}, {o.setting}: {o.text}
                    {o.nextStep ? ` Next step: ${o.nextStep}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}

      <section>
        <h2>Last meeting</h2>
        {pack.lastMeeting ? (
          <>
            <p>Held on {formatDay(pack.lastMeeting.on)}.</p>
            {pack.lastMeeting.nextSteps.length > 0 && (
              <>
                <h3>Next steps agreed</h3>
                <ul>
                  {pack.lastMeeting.nextSteps.map((s, i) => (
                    <li key={i}>
                      {STEP_PLACE_LABELS[s.where]}: {s.text}
                      {s.who ? ` (${s.who})` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {pack.lastMeeting.actions.length > 0 && (
              <>
                <h3>Actions</h3>
                <ul>
                  {pack.lastMeeting.actions.map((a, i) => (
                    <li key={i}>
                      {a.text}, {a.owner}
                      {a.dueOn ? `, by ${formatDay(a.dueOn)}` : ''}: {ACTION_STATUS_LABELS[a.status]}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        ) : (
          <p>This is the first joint meeting recorded for {cover.childName}.</p>
        )}
      </section>

      <section className="mp-notes">
        <h2>Notes</h2>
        <div className="mp-lines" />
        <h2>Next steps we agree today</h2>
        <table className="mp-steps">
          <thead>
            <tr>
              <th>At home</th>
              <th>Here</th>
              <th>At the other setting</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td />
              <td />
              <td />
            </tr>
          </tbody>
        </table>
        <h2>Signatures</h2>
        <table className="mp-signatures">
          <thead>
            <tr>
              <th>Name</th>
              <th>Signature</th>
              <th>Date</th>
            </tr>
          </thead>
          <tbody>
            {cover.invitees.map((i) => (
              <tr key={`${i.kind}:${i.id}`}>
                <td>
                  {i.name} ({i.role})
                </td>
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}

/** For the office only: what was left out of each pack, and why. Never handed out with a pack. */
export function OfficeSheetPrint({ omitted, settingName, printedBy, printedAt }: { omitted: PackOmission[]; settingName: string; printedBy: string; printedAt: string }) {
  return (
    <article className="meeting-pack" data-testid="office-sheet">
      <PackPageStyle settingName={settingName} printedBy={printedBy} printedAt={printedAt} />
      <p className="mp-stamp">FOR THE OFFICE ONLY · do not put in a meeting pack</p>
      <h1>What was left out of the meeting packs</h1>
      <p className="print-sub">
        Made {formatDateTime(printedAt)} by {printedBy}. Each line is something a pack does not contain, and why (the consent register, or another agency’s information).
      </p>
      {omitted.length === 0 ? (
        <p>Nothing was left out of these packs.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Child</th>
              <th>Left out</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {omitted.map((o, i) => (
              <tr key={i}>
                <td>{o.childName}</td>
                <td>{o.what}</td>
                <td>{o.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
