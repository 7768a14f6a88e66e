import './chronology-print.css';
import { describeOthers, NAMED_ELSEWHERE, onAnotherFamilysFile, otherFamilyNames, withoutNames, type BodyMark, type ChronologyEvent } from '../../shared/contract/concerns';
import { formatDateTime, formatDay } from '../../shared/domain/dates';
import { BodyMap, MarkLegend } from '../features/concerns/BodyMap';

type CombinedMark = BodyMark & { number: number; strength: number; reference: string; observedAt: string };

/** Which concern a mark on the combined map came from, and when. */
export const markSource = (m: CombinedMark) => `${m.reference}, ${formatDateTime(m.observedAt)}`;

/** When an event happened: a day alone, or a day and time. */
export function whenLabel(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return formatDay(at);
  const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(at);
  return local ? `${formatDay(local[1])}, ${local[2]}` : formatDateTime(at);
}

/**
 * Issue 18: on paper, another family's child is never named ("another child"), not even in what was
 * written about the concern, and a concern recorded on such a child's file says only that this child
 * was named in it.
 */
function printedDetail(e: ChronologyEvent): string {
  return onAnotherFamilysFile(e.otherChildren) ? NAMED_ELSEWHERE : withoutNames(e.detail, otherFamilyNames(e.otherChildren));
}

/**
 * A child's safeguarding chronology on A4. The evidential version names who wrote each entry; the
 * version for another setting or agency (`external`) names no member of staff (the core leaves
 * them out). Every page says CONFIDENTIAL, the setting, who printed it and when.
 */
export function ChronologyPrint({
  chronology,
  marks,
  external,
  settingName,
  printedBy,
}: {
  chronology: { childName: string; dateOfBirth: string; events: ChronologyEvent[] };
  marks: CombinedMark[];
  external: boolean;
  settingName: string;
  printedBy: string;
}) {
  const columns = external ? 3 : 4;
  return (
    <article className="chronology" data-testid="chronology-print">
      <table>
        {/* With a fixed layout the widths come from here, not from the heading that spans every column. */}
        <colgroup>
          <col className="ch-when" />
          <col className="ch-what" />
          <col />
          {!external && <col className="ch-by" />}
        </colgroup>
        <thead>
          <tr>
            <th colSpan={columns} className="ch-heading">
              <span className="ch-stamp">CONFIDENTIAL</span>
              <span className="ch-title">Safeguarding chronology: {chronology.childName}</span>
              <span className="ch-sub">
                Born {formatDay(chronology.dateOfBirth)} · {settingName} · {external ? 'Version for another setting or agency' : 'Full record (evidential)'}
              </span>
            </th>
          </tr>
          <tr className="ch-columns">
            <th className="ch-when">When</th>
            <th className="ch-what">What</th>
            <th>Detail</th>
            {!external && <th className="ch-by">Recorded by</th>}
          </tr>
        </thead>
        <tfoot>
          <tr>
            <td colSpan={columns} className="ch-foot">
              <strong>CONFIDENTIAL</strong> · {settingName} · Printed by {printedBy} on {formatDateTime(new Date())}. Keep it locked away; pass it on
              only as your safeguarding procedures say.
            </td>
          </tr>
        </tfoot>
        <tbody>
          {chronology.events.length === 0 && (
            <tr>
              <td colSpan={columns}>Nothing recorded.</td>
            </tr>
          )}
          {chronology.events.map((e, i) => (
            <tr key={i}>
              <td className="ch-when">{whenLabel(e.at)}</td>
              <td className="ch-what">{e.title}</td>
              <td className="ch-detail">
                {printedDetail(e)}
                {e.otherChildren && e.otherChildren.length > 0 && ` Other children involved: ${describeOthers(e.otherChildren, true)}.`}
              </td>
              {!external && <td className="ch-by">{e.byName ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {marks.length > 0 && (
        <section className="ch-map">
          <h2>Every mark recorded (newer marks are darker)</h2>
          <BodyMap label="Combined body map" marks={marks} />
          <MarkLegend marks={marks} source={markSource} />
        </section>
      )}
    </article>
  );
}
