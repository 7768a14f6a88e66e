import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  makeStyles,
  mergeClasses,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { rolesAllow } from '../../../shared/contract/define';
import { WEEK_PLAN_KEEPERS } from '../../../shared/contract/diary';
import type { OutputOf } from '../../../shared/contract/index';
import { longDayLabel, shortDayLabel, today } from '../../../shared/domain/weeks';
import { useChannel } from '../../api';
import { href } from '../../router';
import { ErrorBar, Loading } from '../../ui/Page';
import { PrintPortal } from '../../print/PrintPortal';
import { RoomWeekPrint } from '../../print/DiaryWeekPrint';
import { PlanForm } from './ChildWeekView';
import { WeekNav, useWeekKeys } from './common';
import { PrintActions } from '../../ui/PrintActions';

type RoomWeek = OutputOf<'diary.roomWeek'>;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  spacer: { flexGrow: 1 },
  table: { borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed', minWidth: '760px' },
  th: { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, fontSize: tokens.fontSizeBase200 },
  name: { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, width: '14em', fontWeight: tokens.fontWeightRegular },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, borderLeft: `1px solid ${tokens.colorNeutralStroke3}` },
  cellLink: { display: 'flex', gap: tokens.spacingHorizontalXXS, flexWrap: 'wrap', alignItems: 'center', textDecorationLine: 'none', color: tokens.colorNeutralForeground1, minHeight: '24px', fontSize: tokens.fontSizeBase200 },
  today: { backgroundColor: tokens.colorBrandBackground2 },
  muted: { color: tokens.colorNeutralForeground4 },
  plan: { padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  legend: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center', fontSize: tokens.fontSizeBase200 },
});

/** Every child of a room for the week in one compact grid: who has entries, follow-ups open, accidents, medication. */
export function RoomWeekView({ session, settingName, room, week, onWeek }: { session: Session; settingName: string; room: string; week: string; onWeek: (w: string) => void }) {
  const s = useStyles();
  const data = useChannel('diary.roomWeek', { room, week }, { placeholderData: (previous) => (previous?.room === room ? previous : undefined) });
  const [showWeekend, setShowWeekend] = useState(false);
  const [editPlan, setEditPlan] = useState(false);
  useWeekKeys(week, onWeek);
  if (data.isPending) return <Loading />;
  if (data.error) return <ErrorBar error={data.error} />;
  const w = data.data;
  const allDays = w.children[0]?.days.map((d) => d.day) ?? [];
  const days = allDays.filter((d, i) => i < 5 || showWeekend || w.children.some((c) => c.days[i].entries > 0));
  const todayDay = today();
  return (
    <div className={s.wrap}>
      <WeekNav week={w.weekStart} onWeek={onWeek} />
      <div className={s.toolbar}>
        <Switch label="Show the weekend" checked={showWeekend || days.length === 7} disabled={days.length === 7 && !showWeekend} onChange={(_e, d) => setShowWeekend(d.checked)} />
        <span className={s.spacer} />
        <PrintActions document="diary-room-week" suggestedName={`Diary ${room} week of ${w.weekStart}`} landscape label="Print this week" />
      </div>
      <section className={s.plan} aria-label="Plans this week">
        <Text weight="semibold">{settingName || 'Our setting'}: </Text>
        {w.plan ? (
          <Text>
            {w.plan.theme}
            {w.plan.activities ? ` — ${w.plan.activities}` : ''}
          </Text>
        ) : (
          <Text>No plan recorded for this week.</Text>
        )}{' '}
        {rolesAllow(WEEK_PLAN_KEEPERS, session.roles) && (
          <Button size="small" onClick={() => setEditPlan(true)}>
            Edit plan
          </Button>
        )}
      </section>
      {/* Screen readers hear each cell in words (its label), so the key is for the eye only. */}
      <div className={s.legend} aria-hidden="true" data-testid="room-week-key">
        <Text weight="semibold" size={200}>
          In each day:
        </Text>
        <span>2 diary entries that day</span>
        <span>
          <Badge color="warning" size="small">!</Badge> follow-up open
        </span>
        <span>
          <Badge color="danger" size="small">A</Badge> accident
        </span>
        <span>
          <Badge color="important" size="small">M</Badge> health or medication given
        </span>
        <span>
          <Badge color="danger" size="small">A2</Badge> two accidents (a number after a letter counts them)
        </span>
        <span>— no entries</span>
      </div>
      {w.children.length === 0 ? (
        <Text>No current children in {room}.</Text>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table className={s.table} aria-label={`${room}: the week of ${longDayLabel(w.weekStart)}`} data-testid="room-week">
            <thead>
              <tr>
                <th className={s.th} scope="col" style={{ width: '14em' }}>
                  Child
                </th>
                {days.map((d) => (
                  <th key={d} scope="col" className={mergeClasses(s.th, d === todayDay && s.today)} aria-current={d === todayDay ? 'date' : undefined}>
                    {shortDayLabel(d)} {d === todayDay && <Badge color="brand">Today</Badge>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {w.children.map((c) => (
                <tr key={c.childId}>
                  <th scope="row" className={s.name}>
                    <Link href={href(`/diary/child/${c.childId}?week=${w.weekStart}`)}>{c.name}</Link>
                  </th>
                  {days.map((d) => (
                    <td key={d} className={mergeClasses(s.cell, d === todayDay && s.today)}>
                      <RoomCellView child={c} day={d} week={w.weekStart} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editPlan && (
        <Dialog open onOpenChange={(_e, d) => !d.open && setEditPlan(false)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Plan for the week of {longDayLabel(w.weekStart)}</DialogTitle>
              <DialogContent>
                <PlanForm week={w.weekStart} partnerId={null} name={settingName || 'Our setting'} current={w.plan ?? undefined} />
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => setEditPlan(false)}>
                  Done
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
      <PrintPortal>
        <RoomWeekPrint week={w} days={days} settingName={settingName} printedBy={session.fullName} />
      </PrintPortal>
    </div>
  );
}

function RoomCellView({ child, day, week }: { child: RoomWeek['children'][number]; day: string; week: string }) {
  const s = useStyles();
  const cell = child.days.find((d) => d.day === day)!;
  const parts = [
    `${cell.entries} ${cell.entries === 1 ? 'entry' : 'entries'}`,
    cell.followUpsOpen ? `${cell.followUpsOpen} follow-up open` : null,
    cell.accidents ? `${cell.accidents} accident${cell.accidents === 1 ? '' : 's'}` : null,
    cell.medication ? `${cell.medication} health or medication` : null,
  ].filter(Boolean);
  if (cell.entries === 0) {
    return (
      <a className={mergeClasses(s.cellLink, s.muted)} href={href(`/diary/child/${child.childId}?week=${week}`)} aria-label={`${child.name}, ${longDayLabel(day)}: no entries`}>
        —
      </a>
    );
  }
  return (
    <a className={s.cellLink} href={href(`/diary/child/${child.childId}?week=${week}`)} aria-label={`${child.name}, ${longDayLabel(day)}: ${parts.join(', ')}`} data-testid={`room-cell-${child.childId}-${day}`}>
      <span>{cell.entries}</span>
      {cell.followUpsOpen > 0 && <Badge color="warning" size="small">!{cell.followUpsOpen > 1 ? cell.followUpsOpen : ''}</Badge>}
      {cell.accidents > 0 && <Badge color="danger" size="small">A{cell.accidents > 1 ? cell.accidents : ''}</Badge>}
      {cell.medication > 0 && <Badge color="important" size="small">M{cell.medication > 1 ? cell.medication : ''}</Badge>}
    </a>
  );
}
