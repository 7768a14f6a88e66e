import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { DIARY_CATEGORIES, DIARY_CATEGORY_LABELS, type DiaryEntry } from '../../shared/contract/diary';
import type { OutputOf } from '../../shared/contract/index';
import { formatDateTime } from '../../shared/domain/dates';
import { shortDayLabel, weekLabel } from '../../shared/domain/weeks';
import './diary-print.css';

type ChildWeek = OutputOf<'diary.childWeek'>;
type RoomWeek = OutputOf<'diary.roomWeek'>;

/** The moment of printing: refreshed as the print dialog opens, so "printed on" is the time it was printed. */
function usePrintedAt(): Date {
  const [at, setAt] = useState(() => new Date());
  useEffect(() => {
    const refresh = () => flushSync(() => setAt(new Date()));
    window.addEventListener('beforeprint', refresh);
    return () => window.removeEventListener('beforeprint', refresh);
  }, []);
  return at;
}

/** Repeated at the top of every page (a table header repeats across pages). */
function Heading({ title, settingName, week, columns }: { title: string; settingName: string; week: string; columns: number }) {
  return (
    <tr>
      <th colSpan={columns} className="diary-print-heading">
        <span className="diary-print-confidential">CONFIDENTIAL</span>
        <span className="diary-print-title">{title}</span>
        <span className="diary-print-sub">
          {settingName} · {weekLabel(week)}
        </span>
      </th>
    </tr>
  );
}

/** Repeated at the foot of every page. Page numbers come from the @page margin box (print.css). */
function Footer({ settingName, printedBy, columns }: { settingName: string; printedBy: string; columns: number }) {
  const at = usePrintedAt();
  return (
    <tr>
      <td colSpan={columns} className="diary-print-footer">
        <strong>CONFIDENTIAL</strong> · {settingName} · Printed by {printedBy} on {formatDateTime(at)}
      </td>
    </tr>
  );
}

function where(d: ChildWeek['days'][number]): string {
  const parts = [d.here ? 'With us' : null, ...d.partners.map((p) => `At ${p.name}`)].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Not at a setting';
}

function PrintEntry({ e }: { e: DiaryEntry }) {
  const flags = [
    e.needsFollowUp ? (e.followUp ? `Followed up by ${e.followUp.closedByName}` : 'FOLLOW-UP OPEN') : null,
    e.revision > 1 ? 'Amended' : null,
    e.transcribedFrom ? `From ${e.transcribedFrom.name}’s book` : null,
    e.shares.length ? `Shared with ${[...new Set(e.shares.map((x) => x.partnerName))].join(', ')}` : null,
  ].filter(Boolean);
  return (
    <div className="diary-print-entry">
      <div className="diary-print-who">
        {e.time ? <strong>{e.time} </strong> : null}
        {e.from.name} → {e.to.name}
      </div>
      <div className="diary-print-text">{e.text}</div>
      {flags.length > 0 && <div className="diary-print-flags">{flags.join(' · ')}</div>}
    </div>
  );
}

/** A child's week on A4 landscape: days across, categories down, each setting's plans on top. */
export function ChildWeekPrint({ week, days, settingName, printedBy }: { week: ChildWeek; days: string[]; settingName: string; printedBy: string }) {
  const columns = days.length + 1;
  const byDay = new Map(week.days.map((d) => [d.day, d]));
  const categories = DIARY_CATEGORIES.filter((c) => week.entries.some((e) => e.category === c));
  return (
    <article className="diary-print" data-testid="diary-print">
      <table className="diary-print-table">
        <colgroup>
          <col className="diary-print-rowhead" />
          {days.map((d) => (
            <col key={d} />
          ))}
        </colgroup>
        <thead>
          <Heading title={`Communication diary: ${week.child.name}${week.child.room ? ` (${week.child.room})` : ''}`} settingName={settingName} week={week.weekStart} columns={columns} />
          <tr className="diary-print-days">
            <th />
            {days.map((d) => (
              <th key={d}>
                {shortDayLabel(d)}
                <span className="diary-print-where">{where(byDay.get(d)!)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tfoot>
          <Footer settingName={settingName} printedBy={printedBy} columns={columns} />
        </tfoot>
        <tbody>
          <tr className="diary-print-plans">
            <th>Plans this week</th>
            <td colSpan={days.length}>
              {week.plans.length === 0
                ? 'No plans recorded.'
                : week.plans.map((p) => (
                    <div key={p.partnerId ?? 'ours'} className="diary-print-plan">
                      <strong>
                        {p.settingName}
                        {p.theme ? `: ${p.theme}` : ''}
                      </strong>
                      {p.activities ? ` — ${p.activities}` : ''}
                    </div>
                  ))}
            </td>
          </tr>
          {categories.length === 0 && (
            <tr>
              <td colSpan={columns}>No diary entries this week.</td>
            </tr>
          )}
          {categories.map((c) => (
            <tr key={c} className="diary-print-row">
              <th>{DIARY_CATEGORY_LABELS[c]}</th>
              {days.map((d) => (
                <td key={d}>
                  {week.entries
                    .filter((e) => e.day === d && e.category === c)
                    .map((e) => (
                      <PrintEntry key={e.id} e={e} />
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** A room's week on A4 landscape: one row per child, what each day held. */
export function RoomWeekPrint({ week, days, settingName, printedBy }: { week: RoomWeek; days: string[]; settingName: string; printedBy: string }) {
  const columns = days.length + 1;
  return (
    <article className="diary-print" data-testid="diary-print">
      <table className="diary-print-table diary-print-room">
        <colgroup>
          <col className="diary-print-rowhead" />
          {days.map((d) => (
            <col key={d} />
          ))}
        </colgroup>
        <thead>
          <Heading title={`Room diary: ${week.room}`} settingName={settingName} week={week.weekStart} columns={columns} />
          <tr className="diary-print-days">
            <th>Child</th>
            {days.map((d) => (
              <th key={d}>{shortDayLabel(d)}</th>
            ))}
          </tr>
        </thead>
        <tfoot>
          <Footer settingName={settingName} printedBy={printedBy} columns={columns} />
        </tfoot>
        <tbody>
          {week.plan && (
            <tr className="diary-print-plans">
              <th>Plans this week</th>
              <td colSpan={days.length}>
                <strong>{week.plan.theme}</strong>
                {week.plan.activities ? ` — ${week.plan.activities}` : ''}
              </td>
            </tr>
          )}
          {week.children.map((c) => (
            <tr key={c.childId} className="diary-print-row">
              <th>{c.name}</th>
              {days.map((d) => {
                const cell = c.days.find((x) => x.day === d)!;
                return (
                  <td key={d}>
                    {cell.entries === 0 ? (
                      '—'
                    ) : (
                      <>
                        {cell.entries} {cell.entries === 1 ? 'entry' : 'entries'}
                        {cell.followUpsOpen > 0 && <div className="diary-print-flags">{cell.followUpsOpen} follow-up open</div>}
                        {cell.accidents > 0 && <div className="diary-print-flags">{cell.accidents} accident{cell.accidents === 1 ? '' : 's'}</div>}
                        {cell.medication > 0 && <div>{cell.medication} health/medication</div>}
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
