import './subject-access-print.css';
import type { OutputOf } from '../../shared/contract/index';
import type { Segment } from '../../shared/contract/retention';
import { formatDateTime } from '../../shared/domain/dates';
import { PrintFooter } from './PrintFooter';

/** Released text, with a black box where something was redacted (the box has no words in it). */
function Value({ value }: { value: Segment[] }) {
  return (
    <>
      {value.map((seg, i) => ('text' in seg ? <span key={i}>{seg.text}</span> : <span key={i} className="sar-redacted" role="img" aria-label="Redacted" />))}
    </>
  );
}

/**
 * A child's complete record for release to a parent (subject access): a cover with who asked, who
 * reviewed it and the contents, then each section. Used on screen to check it and, through
 * PrintPortal, for the print dialog and the PDF.
 */
export function SubjectAccessPrint({ data, settingName, printedBy }: { data: OutputOf<'sar.export'>; settingName: string; printedBy: string }) {
  return (
    <article className="sar" data-testid="subject-access-print">
      <section className="sar-cover">
        <h1>The information we hold about {data.childName}</h1>
        <p className="print-sub">
          {settingName} · Prepared for {data.requestedBy} · Reviewed by {data.reviewedBy} on {formatDateTime(data.reviewedAt)}
        </p>
        <p>
          This is {data.childName}’s record as we hold it. Where it named another person, or held information from someone else, we have
          blacked out their details (shown as ■ black boxes) or withheld the entry, as the law on subject access allows.
        </p>
        <h2>Contents</h2>
        <ol className="sar-contents">
          {data.sections.map((sec) => (
            <li key={sec.id}>
              {sec.title} ({sec.entries.length === 1 ? '1 entry' : `${sec.entries.length} entries`})
            </li>
          ))}
        </ol>
        <PrintFooter printedBy={printedBy} settingName={settingName} />
      </section>
      {data.sections.map((sec) => (
        <section key={sec.id} className={sec.entries.length ? 'sar-section' : 'sar-section sar-empty'} aria-label={sec.title}>
          <h2>{sec.title}</h2>
          {sec.entries.length === 0 && <p>Nothing is recorded here.</p>}
          {sec.entries.map((entry, i) => (
            <div key={i} className="sar-entry">
              <h3>{entry.heading}</h3>
              {entry.withheld ? (
                <p className="sar-withheld">This entry is withheld: it is mainly about someone else.</p>
              ) : (
                <dl>
                  {entry.fields.map((f, j) => (
                    <div key={j} style={{ display: 'contents' }}>
                      <dt>{f.label}</dt>
                      <dd>
                        <Value value={f.value} />
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </div>
          ))}
        </section>
      ))}
    </article>
  );
}
