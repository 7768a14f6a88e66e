import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Switch,
  Text,
  Textarea,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DataHistogramRegular, ShareRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { rolesAllow } from '../../../shared/contract/define';
import { DIARY_CATEGORIES, DIARY_CATEGORY_LABELS, DIARY_SHARERS, SHARE_METHOD_LABELS, WEEK_PLAN_KEEPERS, type DiaryCategory, type DiaryEntry } from '../../../shared/contract/diary';
import type { OutputOf } from '../../../shared/contract/index';
import { formatDateTime } from '../../../shared/domain/dates';
import { addDays, longDayLabel, shortDayLabel, today } from '../../../shared/domain/weeks';
import { errorMessage, useChannel, useChannelMutation } from '../../api';
import { navigate } from '../../router';
import { ErrorBar, Loading } from '../../ui/Page';
import { PrintPortal } from '../../print/PrintPortal';
import { ChildWeekPrint } from '../../print/DiaryWeekPrint';
import { CATEGORY_COLOURS, EntryCard, WeekNav, useWeekKeys } from './common';
import { EntryDialog } from './EntryDialog';
import { AddEntryDialog } from './EntryForm';
import { PrintActions } from '../../ui/PrintActions';

type Week = OutputOf<'diary.childWeek'>;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  spacer: { flexGrow: 1 },
  scroller: { overflowX: 'auto' },
  table: { borderCollapse: 'separate', borderSpacing: '0', width: '100%', tableLayout: 'fixed', minWidth: '900px' },
  rowHead: {
    width: '9.5em',
    textAlign: 'left',
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    borderLeftStyle: 'solid',
  },
  dayHead: {
    padding: tokens.spacingHorizontalS,
    textAlign: 'left',
    verticalAlign: 'top',
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    outlineOffset: '-2px',
    ':focus-visible': { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
  },
  cell: {
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  today: { backgroundColor: tokens.colorBrandBackground2 },
  away: { backgroundColor: tokens.colorNeutralBackground3 },
  where: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, display: 'block' },
  plan: { fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap', verticalAlign: 'top', padding: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  plans: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  planBox: { minWidth: '16em', flexBasis: '20em', flexGrow: 1 },
  add: { opacity: 0.55, ':hover': { opacity: 1 }, ':focus-visible': { opacity: 1 }, minWidth: 'auto' },
  quick: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** One child's week: seven columns, rows by category or a timeline per day; plans on top; quick add in each cell. */
export function ChildWeekView({
  session,
  settingName,
  childId,
  week,
  targetEntryId,
  onWeek,
}: {
  session: Session;
  settingName: string;
  childId: string;
  week: string;
  targetEntryId: string | null;
  onWeek: (week: string) => void;
}) {
  const s = useStyles();
  // Keep the last week on screen while the next loads: no flicker, and the keyboard focus survives.
  const data = useChannel('diary.childWeek', { childId, week }, { placeholderData: (previous) => (previous?.child.childId === childId ? previous : undefined) });
  const [mode, setMode] = useState<'category' | 'timeline'>('category');
  const [showWeekend, setShowWeekend] = useState(false);
  const [adding, setAdding] = useState<{ day: string; category?: DiaryCategory } | null>(null);
  const [openEntry, setOpenEntry] = useState<string | null>(null);
  const [editPlans, setEditPlans] = useState(false);
  const [history, setHistory] = useState(false);
  useWeekKeys(week, onWeek);

  // Open at a search result: scroll it into view.
  useEffect(() => {
    if (!targetEntryId || !data.data) return;
    document.querySelector(`[data-entry-id="${CSS.escape(targetEntryId)}"]`)?.scrollIntoView({ block: 'center' });
  }, [targetEntryId, data.data]);

  if (data.isPending) return <Loading />;
  if (data.error) return <ErrorBar error={data.error} />;
  const w = data.data;
  const days = visibleDays(w, showWeekend);
  const canPlan = rolesAllow(WEEK_PLAN_KEEPERS, session.roles);
  const canShare = rolesAllow(DIARY_SHARERS, session.roles);
  const todayDay = today();

  return (
    <div className={s.wrap}>
      <WeekNav week={w.weekStart} onWeek={onWeek} />
      <div className={s.toolbar}>
        <TabList size="small" aria-label="Show the week" selectedValue={mode} onTabSelect={(_e, d) => setMode(d.value as 'category' | 'timeline')}>
          <Tab value="category">By category</Tab>
          <Tab value="timeline">Timeline</Tab>
        </TabList>
        <Switch label="Show the weekend" checked={showWeekend || days.length === 7} disabled={days.length === 7 && !showWeekend} onChange={(_e, d) => setShowWeekend(d.checked)} />
        <span className={s.spacer} />
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setAdding({ day: w.days.some((d) => d.day === todayDay) ? todayDay : w.weekStart })}>
          Add to the diary
        </Button>
        <PrintActions document="diary-week" recordId={childId} suggestedName={`Diary ${w.child.name} week of ${w.weekStart}`} landscape label="Print this week" />
        <Button icon={<DataHistogramRegular />} onClick={() => navigate(`/diary/patterns/${childId}`)}>
          Patterns
        </Button>
        {canShare && (
          <Button icon={<ShareRegular />} onClick={() => setHistory(true)}>
            Sharing history
          </Button>
        )}
      </div>

      <section aria-label="Plans this week" className={s.plans}>
        {w.plans.length === 0 && <Text>No plans recorded for this week.</Text>}
        {w.plans.map((p) => (
          <div key={p.partnerId ?? 'ours'} className={s.planBox}>
            <Text weight="semibold" block>
              {p.settingName}
              {p.theme ? `: ${p.theme}` : ''}
            </Text>
            {p.activities && (
              <Text size={200} block style={{ whiteSpace: 'pre-wrap' }}>
                {p.activities}
              </Text>
            )}
          </div>
        ))}
        {canPlan && (
          <div>
            <Button size="small" onClick={() => setEditPlans(true)}>
              Edit plans
            </Button>
          </div>
        )}
      </section>

      <div className={s.scroller}>
        <WeekGrid
          week={w}
          days={days}
          mode={mode}
          todayDay={todayDay}
          session={session}
          targetEntryId={targetEntryId}
          onOpen={setOpenEntry}
          onAdd={(day, category) => setAdding({ day, category })}
          onWeek={onWeek}
        />
      </div>

      {adding && (
        <AddEntryDialog
          session={session}
          childId={childId}
          childName={w.child.name}
          day={adding.day}
          category={adding.category}
          onClose={() => setAdding(null)}
        />
      )}
      {openEntry && <EntryDialog session={session} entryId={openEntry} onClose={() => setOpenEntry(null)} />}
      {editPlans && <PlansDialog week={w} settingName={settingName} onClose={() => setEditPlans(false)} />}
      {history && <SharingHistoryDialog childId={childId} childName={w.child.name} onClose={() => setHistory(false)} />}
      <PrintPortal>
        <ChildWeekPrint week={w} days={days} settingName={settingName} printedBy={session.fullName} />
      </PrintPortal>
    </div>
  );
}

/** Monday to Friday always; Saturday and Sunday only when something happened or the child was somewhere (or asked for). */
export function visibleDays(w: Pick<Week, 'days' | 'entries'>, showWeekend: boolean): string[] {
  return w.days
    .filter((d, i) => i < 5 || showWeekend || d.here || d.partners.length > 0 || w.entries.some((e) => e.day === d.day))
    .map((d) => d.day);
}

function WeekGrid({
  week,
  days,
  mode,
  todayDay,
  session,
  targetEntryId,
  onOpen,
  onAdd,
  onWeek,
}: {
  week: Week;
  days: string[];
  mode: 'category' | 'timeline';
  todayDay: string;
  session: Session;
  targetEntryId: string | null;
  onOpen: (id: string) => void;
  onAdd: (day: string, category?: DiaryCategory) => void;
  onWeek: (week: string) => void;
}) {
  const s = useStyles();
  const heads = useRef<Record<string, HTMLTableCellElement | null>>({});
  const [focusDay, setFocusDay] = useState<string | null>(null);
  const byDay = useMemo(() => {
    const m = new Map<string, DiaryEntry[]>();
    for (const e of week.entries) m.set(e.day, [...(m.get(e.day) ?? []), e]);
    return m;
  }, [week.entries]);

  // After moving to another week with the arrow keys, keep the focus on the matching day.
  useEffect(() => {
    if (focusDay && heads.current[focusDay]) heads.current[focusDay]!.focus();
  }, [focusDay, days]);

  const onHeadKey = (e: KeyboardEvent, day: string) => {
    const i = days.indexOf(day);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const next = e.key === 'ArrowRight' ? i + 1 : i - 1;
      if (next >= 0 && next < days.length) setFocusDay(days[next]);
      else {
        const target = e.key === 'ArrowRight' ? addDays(week.weekStart, 7) : addDays(week.weekStart, -3); // next Monday / previous Friday
        setFocusDay(target);
        onWeek(target);
      }
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onAdd(day);
    }
  };

  const where = new Map(week.days.map((d) => [d.day, d]));
  const rows: (DiaryCategory | 'timeline')[] = mode === 'timeline' ? ['timeline'] : [...DIARY_CATEGORIES];
  return (
    <table className={s.table} aria-label={`${week.child.name}’s diary, ${longDayLabel(week.weekStart)} week`} data-testid="child-week">
      <thead>
        <tr>
          <th className={s.rowHead} style={{ borderLeftColor: 'transparent' }} scope="col">
            {mode === 'timeline' ? 'Day' : 'Category'}
          </th>
          {days.map((day) => {
            const d = where.get(day)!;
            const isToday = day === todayDay;
            return (
              <th
                key={day}
                scope="col"
                ref={(el) => {
                  heads.current[day] = el;
                }}
                tabIndex={focusDay === day || (!focusDay && (isToday || day === days[0])) ? 0 : -1}
                onKeyDown={(e) => onHeadKey(e, day)}
                onFocus={() => setFocusDay(day)}
                aria-current={isToday ? 'date' : undefined}
                aria-label={`${longDayLabel(day)}${isToday ? ', today' : ''}. ${describeWhere(d)}. Press Enter to add an entry.`}
                className={mergeClasses(s.dayHead, isToday && s.today, !d.here && s.away)}
                data-day={day}
              >
                {shortDayLabel(day)} {isToday && <Badge color="brand">Today</Badge>}
                <span className={s.where}>{describeWhere(d)}</span>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row}>
            <th scope="row" className={s.rowHead} style={{ borderLeftColor: row === 'timeline' ? 'transparent' : CATEGORY_COLOURS[row] }}>
              {row === 'timeline' ? 'Entries' : DIARY_CATEGORY_LABELS[row]}
            </th>
            {days.map((day) => {
              const entries = (byDay.get(day) ?? []).filter((e) => row === 'timeline' || e.category === row);
              return (
                <td key={day} className={mergeClasses(s.cell, day === todayDay && s.today)} data-cell={`${day}:${row}`}>
                  <div className={s.stack}>
                    {entries.map((e) => (
                      <EntryCard key={e.id} entry={e} showCategory={row === 'timeline'} target={e.id === targetEntryId} onOpen={() => onOpen(e.id)} />
                    ))}
                    {row === 'timeline' ? (
                      <Button size="small" appearance="subtle" icon={<AddRegular />} className={s.add} onClick={() => onAdd(day)} aria-label={`Add an entry on ${longDayLabel(day)}`} />
                    ) : (
                      <QuickAdd childId={week.child.childId} day={day} category={row} session={session} onMore={() => onAdd(day, row)} />
                    )}
                  </div>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function describeWhere(d: Week['days'][number]): string {
  const parts = [d.here ? 'With us' : null, ...d.partners.map((p) => `At ${p.name}`)].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Not at a setting';
}

/** Type a line in a cell and press Enter: an entry from you, to the parents, in that category and day. */
function QuickAdd({ childId, day, category, session, onMore }: { childId: string; day: string; category: DiaryCategory; session: Session; onMore: () => void }) {
  const s = useStyles();
  const add = useChannelMutation('diary.add');
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const label = `${DIARY_CATEGORY_LABELS[category]} on ${longDayLabel(day)}`;
  if (!open) {
    return <Button size="small" appearance="subtle" icon={<AddRegular />} className={s.add} onClick={() => setOpen(true)} aria-label={`Quick add: ${label}`} />;
  }
  const save = () => {
    if (!text.trim()) return;
    setError(null);
    add
      .mutateAsync({ childId, day, category, from: { kind: 'staff', userId: session.userId }, to: { kind: 'carer' }, text })
      .then(() => {
        setText('');
        setOpen(false);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  return (
    <div className={s.quick}>
      <Textarea
        autoFocus
        size="small"
        aria-label={`New entry: ${label}`}
        placeholder="Type, then Enter"
        value={text}
        onChange={(_e, d) => setText(d.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            save();
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {error && (
        <Text size={100} role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {error}
        </Text>
      )}
      <div>
        <Button size="small" appearance="primary" onClick={save} disabled={add.isPending || !text.trim()}>
          Add
        </Button>{' '}
        <Button size="small" appearance="subtle" onClick={onMore}>
          More…
        </Button>
      </div>
    </div>
  );
}

function PlansDialog({ week, settingName, onClose }: { week: Week; settingName: string; onClose: () => void }) {
  const partners = new Map<string, string>();
  for (const d of week.days) for (const p of d.partners) partners.set(p.partnerId, p.name);
  const settings = [{ partnerId: null as string | null, name: settingName || 'Our setting' }, ...[...partners].map(([partnerId, name]) => ({ partnerId, name }))];
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface style={{ maxWidth: '680px' }}>
        <DialogBody>
          <DialogTitle>Plans for the week of {longDayLabel(week.weekStart)}</DialogTitle>
          <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL }}>
            <Text>Each setting’s theme and planned activities, so everyone can build on the other setting’s planning.</Text>
            {settings.map((x) => (
              <PlanForm key={x.partnerId ?? 'ours'} week={week.weekStart} partnerId={x.partnerId} name={x.name} current={week.plans.find((p) => p.partnerId === x.partnerId)} />
            ))}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Done
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function PlanForm({ week, partnerId, name, current }: { week: string; partnerId: string | null; name: string; current?: Week['plans'][number] }) {
  const save = useChannelMutation('diary.setWeekPlan');
  const [theme, setTheme] = useState(current?.theme ?? '');
  const [activities, setActivities] = useState(current?.activities ?? '');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <fieldset style={{ border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS }}>
      <legend style={{ fontWeight: 600 }}>{name}</legend>
      <Field label={`Theme at ${name}`}>
        <Input value={theme} onChange={(_e, d) => { setTheme(d.value); setSaved(false); }} />
      </Field>
      <Field label={`Planned activities at ${name}`}>
        <Textarea rows={3} value={activities} onChange={(_e, d) => { setActivities(d.value); setSaved(false); }} />
      </Field>
      <ErrorBar error={error} />
      <div>
        <Button
          disabled={save.isPending}
          onClick={() => {
            setError(null);
            save.mutateAsync({ week, partnerId: partnerId ?? undefined, theme, activities }).then(() => setSaved(true), setError);
          }}
        >
          Save {name}’s plan
        </Button>{' '}
        {saved && <Text role="status">Saved.</Text>}
        {current && !saved && (
          <Text size={200}>
            Last changed by {current.updatedByName} on {formatDateTime(current.updatedAt)}
          </Text>
        )}
      </div>
    </fieldset>
  );
}

function SharingHistoryDialog({ childId, childName, onClose }: { childId: string; childName: string; onClose: () => void }) {
  const history = useChannel('diary.sharingHistory', { childId });
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface style={{ maxWidth: '760px' }}>
        <DialogBody>
          <DialogTitle>What went to whom: {childName}’s diary</DialogTitle>
          <DialogContent>
            {history.isPending ? (
              <Loading />
            ) : history.error ? (
              <ErrorBar error={history.error} />
            ) : history.data.shares.length === 0 ? (
              <Text>Nothing from this diary has been shared with another setting.</Text>
            ) : (
              <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label="Sharing history">
                <thead>
                  <tr>
                    {['Shared', 'With', 'How', 'Entry', 'Consent relied on'].map((h) => (
                      <th key={h} style={{ textAlign: 'left', padding: '4px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke1}` }}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {history.data.shares.map((x) => (
                    <tr key={x.shareId}>
                      <td style={{ padding: '4px 8px', verticalAlign: 'top' }}>
                        {formatDateTime(x.sharedAt)}
                        <br />
                        by {x.sharedByName}
                      </td>
                      <td style={{ padding: '4px 8px', verticalAlign: 'top' }}>{x.partnerName}</td>
                      <td style={{ padding: '4px 8px', verticalAlign: 'top' }}>{SHARE_METHOD_LABELS[x.method]}</td>
                      <td style={{ padding: '4px 8px', verticalAlign: 'top' }}>
                        {shortDayLabel(x.day)} · {DIARY_CATEGORY_LABELS[x.category]}: {x.text}
                      </td>
                      <td style={{ padding: '4px 8px', verticalAlign: 'top' }}>{x.consentId ? 'Diary consent in the register' : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

