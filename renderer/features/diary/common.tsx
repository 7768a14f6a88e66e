import { Badge, Button, Combobox, Dropdown, Field, Input, makeStyles, mergeClasses, Option, Text, tokens, Tooltip } from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular, CalendarTodayRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { DIARY_CATEGORY_LABELS, type DiaryCategory, type DiaryEntry } from '../../../shared/contract/diary';
import { formatDateTime } from '../../../shared/domain/dates';
import { addWeeks, isDay, shortDayLabel, today, weekLabel, weekStart } from '../../../shared/domain/weeks';
import { useChannel } from '../../api';
import { href } from '../../router';

/** Colours for categories: calm, distinguishable, and never the only cue (the label is always shown). */
export const CATEGORY_COLOURS: Record<DiaryCategory, string> = {
  arrival: '#0f6cbd',
  departure: '#5c2e91',
  food: '#107c10',
  sleep: '#4f6bed',
  toileting: '#8a8886',
  health: '#c50f1f',
  wellbeing: '#ca5010',
  learning: '#038387',
  accident: '#a4262c',
  message: '#6b4e00',
  other: '#605e5c',
};

const useStyles = makeStyles({
  nav: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  label: { fontWeight: tokens.fontWeightSemibold, minWidth: '17em' },
  pickers: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTopWidth: '1px',
    borderRightWidth: '1px',
    borderBottomWidth: '1px',
    borderLeftWidth: '4px',
    borderTopStyle: 'solid',
    borderRightStyle: 'solid',
    borderBottomStyle: 'solid',
    borderLeftStyle: 'solid',
    borderTopColor: tokens.colorNeutralStroke2,
    borderRightColor: tokens.colorNeutralStroke2,
    borderBottomColor: tokens.colorNeutralStroke2,
    textAlign: 'left',
    cursor: 'pointer',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    width: '100%',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
  },
  target: { boxShadow: `0 0 0 3px ${tokens.colorPaletteYellowBorderActive}` },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXXS, flexWrap: 'wrap' },
  flag: {
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  flagWarn: { backgroundColor: tokens.colorPaletteYellowBackground2, border: `1px solid ${tokens.colorPaletteYellowBorder2}`, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  flagDone: { border: `1px solid ${tokens.colorPaletteGreenBorder2}`, color: tokens.colorPaletteGreenForeground2 },
  flagShared: { border: `1px solid ${tokens.colorBrandStroke1}`, color: tokens.colorBrandForeground1 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/** Previous / this / next week, a date box to jump, and the week's label. PageUp and PageDown do the same. */
export function WeekNav({ week, onWeek }: { week: string; onWeek: (week: string) => void }) {
  const s = useStyles();
  const [jump, setJump] = useState(week);
  useEffect(() => setJump(week), [week]);
  const thisWeek = weekStart(today());
  return (
    <div className={s.nav} role="group" aria-label="Week">
      <Tooltip content="Previous week (Page Up)" relationship="description">
        <Button icon={<ArrowLeftRegular />} aria-keyshortcuts="PageUp" onClick={() => onWeek(addWeeks(week, -1))}>
          Previous week
        </Button>
      </Tooltip>
      <Button icon={<CalendarTodayRegular />} disabled={week === thisWeek} onClick={() => onWeek(thisWeek)} aria-keyshortcuts="T">
        This week
      </Button>
      <Tooltip content="Next week (Page Down)" relationship="description">
        <Button icon={<ArrowRightRegular />} iconPosition="after" aria-keyshortcuts="PageDown" onClick={() => onWeek(addWeeks(week, 1))}>
          Next week
        </Button>
      </Tooltip>
      <Text className={s.label} aria-live="polite" data-testid="week-label">
        {weekLabel(week)}
      </Text>
      <Input
        type="date"
        aria-label="Go to the week of"
        value={jump}
        onChange={(_e, d) => {
          setJump(d.value);
          if (isDay(d.value)) onWeek(weekStart(d.value));
        }}
      />
    </div>
  );
}

/** PageUp / PageDown change the week; T goes to this week. Not while typing or in a dialog. */
export function useWeekKeys(week: string, onWeek: (week: string) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="listbox"], [role="combobox"]')) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'PageUp') {
        e.preventDefault();
        onWeek(addWeeks(week, -1));
      } else if (e.key === 'PageDown') {
        e.preventDefault();
        onWeek(addWeeks(week, 1));
      } else if (e.key === 't' || e.key === 'T') {
        onWeek(weekStart(today()));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [week, onWeek]);
}

/** Chooses a child from the rooms' lists (diary.overview). */
export function ChildPicker({ childId, onChild, label = 'Child' }: { childId: string | null; onChild: (id: string) => void; label?: string }) {
  const overview = useChannel('diary.overview');
  const children = overview.data?.children ?? [];
  const current = children.find((c) => c.childId === childId);
  const [query, setQuery] = useState(current?.name ?? '');
  useEffect(() => setQuery(current?.name ?? ''), [current?.name]);
  const shown = children.filter((c) => !query || current?.name === query || `${c.name} ${c.room ?? ''}`.toLowerCase().includes(query.toLowerCase()));
  return (
    <Field label={label}>
      <Combobox
        placeholder={overview.isPending ? 'Loading…' : 'Type a name'}
        value={query}
        selectedOptions={childId ? [childId] : []}
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_e, d) => {
          if (d.optionValue) onChild(d.optionValue);
          setQuery(d.optionText ?? '');
        }}
        style={{ minWidth: '18em' }}
      >
        {shown.map((c) => (
          <Option key={c.childId} value={c.childId} text={c.name}>
            {c.name}
            {c.room ? ` · ${c.room}` : ''}
          </Option>
        ))}
        {shown.length === 0 && <Option disabled value="">No child matches</Option>}
      </Combobox>
    </Field>
  );
}

export function RoomPicker({ room, onRoom }: { room: string | null; onRoom: (room: string) => void }) {
  const overview = useChannel('diary.overview');
  return (
    <Field label="Room">
      <Dropdown
        placeholder="Choose a room"
        value={room ?? ''}
        selectedOptions={room ? [room] : []}
        onOptionSelect={(_e, d) => d.optionValue && onRoom(d.optionValue)}
      >
        {(overview.data?.rooms ?? []).map((r) => (
          <Option key={r.room} value={r.room} text={r.room}>
            {`${r.room} (${r.children} ${r.children === 1 ? 'child' : 'children'})`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function CategoryBadge({ category }: { category: DiaryCategory }) {
  return (
    <Badge appearance="tint" color="informative" style={{ color: CATEGORY_COLOURS[category], borderColor: CATEGORY_COLOURS[category], alignSelf: 'flex-start' }} shape="rounded">
      {DIARY_CATEGORY_LABELS[category]}
    </Badge>
  );
}

/** One entry in the week: who to whom, the text, and its flags. Opens the entry's details. */
export function EntryCard({ entry, showCategory, target, onOpen }: { entry: DiaryEntry; showCategory: boolean; target?: boolean; onOpen: () => void }) {
  const s = useStyles();
  const open = entry.needsFollowUp && !entry.followUp;
  return (
    <button
      type="button"
      className={mergeClasses(s.card, target && s.target)}
      style={{ borderLeftColor: CATEGORY_COLOURS[entry.category] }}
      onClick={onOpen}
      data-entry-id={entry.id}
      aria-label={`${entry.time ? `${entry.time}, ` : ''}${DIARY_CATEGORY_LABELS[entry.category]}, from ${entry.from.name}: ${entry.text}`}
    >
      <span className={s.meta}>
        {entry.time ? <strong>{entry.time} </strong> : null}
        {entry.from.name} → {entry.to.name}
      </span>
      {showCategory && <CategoryBadge category={entry.category} />}
      <span className={s.text}>{entry.text}</span>
      {(open || entry.followUp || entry.revision > 1 || entry.transcribedFrom || entry.shares.length > 0) && (
        <span className={s.badges}>
          {open && <span className={mergeClasses(s.flag, s.flagWarn)}>Follow-up open</span>}
          {entry.followUp && <span className={mergeClasses(s.flag, s.flagDone)}>Followed up</span>}
          {entry.revision > 1 && <span className={s.flag}>Amended</span>}
          {entry.transcribedFrom && <span className={s.flag}>From {entry.transcribedFrom.name}’s book</span>}
          {entry.shares.length > 0 && (
            <span className={mergeClasses(s.flag, s.flagShared)}>Shared with {[...new Set(entry.shares.map((x) => x.partnerName))].join(', ')}</span>
          )}
        </span>
      )}
    </button>
  );
}

export function WrittenBy({ entry }: { entry: DiaryEntry }) {
  const s = useStyles();
  return (
    <Text className={s.meta}>
      Typed in by {entry.createdByName} on {formatDateTime(entry.createdAt)}
    </Text>
  );
}

export function Pickers({ children }: { children: React.ReactNode }) {
  const s = useStyles();
  return <div className={s.pickers}>{children}</div>;
}

/**
 * The concern form (issue 12), started for this child. From a saved entry it carries the entry's text
 * with where it came from ("From the diary, Mon 23 Nov 07:30, Sarah Jones (mother): …") and links the
 * concern to the entry; from the diary form it carries what was typed.
 */
export function recordConcernHref(childId: string, from?: { entry: DiaryEntry } | { typed: string }): string {
  const query = new URLSearchParams({ child: childId });
  if (from && 'entry' in from) {
    const { entry } = from;
    query.set('diary', entry.id);
    query.set('text', `From the diary, ${shortDayLabel(entry.day)}${entry.time ? ` ${entry.time}` : ''}, ${entry.from.name}: ${entry.text}`);
  } else if (from?.typed.trim()) {
    query.set('text', from.typed.trim());
  }
  return href(`/concerns/new?${query.toString()}`);
}
