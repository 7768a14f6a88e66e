import { Tab, TabList, Text } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { diaryCategorySchema, diarySourceSchema } from '../../../shared/contract/diary';
import { isDay, today, weekStart } from '../../../shared/domain/weeks';
import { useChannel } from '../../api';
import { navigate, type Route } from '../../router';
import { Page } from '../../ui/Page';
import { ChildWeekView } from './ChildWeekView';
import { ChildPicker, Pickers, RoomPicker } from './common';
import { PatternsView } from './PatternsView';
import { RoomWeekView } from './RoomWeekView';
import { searchPath, SearchView } from './SearchView';

const TABS = [
  { id: 'child', label: 'Child’s week' },
  { id: 'room', label: 'Room’s week' },
  { id: 'patterns', label: 'Patterns' },
  { id: 'search', label: 'Search' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * The communication diary: `#/diary/child/<id>?week=…&entry=…`, `#/diary/room/<room>?week=…`,
 * `#/diary/patterns/<id>`, `#/diary/search?q=…`.
 */
export function DiaryPage({ session, route }: { session: Session; route: Route }) {
  const tab: TabId = (TABS.find((t) => t.id === route.segments[1])?.id ?? 'child') as TabId;
  const param = route.segments[2] ? decodeURIComponent(route.segments[2]) : null;
  const weekParam = route.query.get('week');
  const week = weekParam && isDay(weekParam) ? weekStart(weekParam) : weekStart(today());
  const settings = useChannel('settings.get');
  const settingName = settings.data?.settingName ?? '';
  const childId = tab === 'child' || tab === 'patterns' ? param : null;

  const goWeek = useCallback(
    (w: string) => {
      if (tab === 'child' && param) navigate(`/diary/child/${param}?week=${w}`);
      else if (tab === 'room' && param) navigate(`/diary/room/${encodeURIComponent(param)}?week=${w}`);
    },
    [tab, param],
  );

  const selectTab = (id: TabId) => {
    if (id === 'search') return navigate(searchPath({ q: '' }));
    if ((id === 'child' || id === 'patterns') && childId) return navigate(`/diary/${id}/${childId}${id === 'child' ? `?week=${week}` : ''}`);
    navigate(`/diary/${id}`);
  };

  return (
    <Page title="Diary">
      <TabList selectedValue={tab} onTabSelect={(_e, d) => selectTab(d.value as TabId)}>
        {TABS.map((t) => (
          <Tab key={t.id} value={t.id}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {tab === 'child' && (
        <>
          <Pickers>
            <ChildPicker childId={param} onChild={(id) => navigate(`/diary/child/${id}?week=${week}`)} />
          </Pickers>
          {param ? (
            <ChildWeekView session={session} settingName={settingName} childId={param} week={week} targetEntryId={route.query.get('entry')} onWeek={goWeek} />
          ) : (
            <Text>Choose a child to see their week. Page Up and Page Down move between weeks; the arrow keys move between days.</Text>
          )}
        </>
      )}
      {tab === 'room' && (
        <>
          <Pickers>
            <RoomPicker room={param} onRoom={(room) => navigate(`/diary/room/${encodeURIComponent(room)}?week=${week}`)} />
          </Pickers>
          {param ? <RoomWeekView session={session} settingName={settingName} room={param} week={week} onWeek={goWeek} /> : <Text>Choose a room to see its week.</Text>}
        </>
      )}
      {tab === 'patterns' && (
        <>
          <Pickers>
            <ChildPicker childId={param} onChild={(id) => navigate(`/diary/patterns/${id}`)} />
          </Pickers>
          {param ? <PatternsView childId={param} /> : <Text>Choose a child to look for patterns in their diary.</Text>}
        </>
      )}
      {tab === 'search' && (
        <SearchView
          params={{
            q: route.query.get('q') ?? '',
            childId: route.query.get('childId') || undefined,
            room: route.query.get('room') || undefined,
            category: diaryCategorySchema.safeParse(route.query.get('category')).data,
            source: diarySourceSchema.safeParse(route.query.get('source')).data,
            from: route.query.get('from') || undefined,
            to: route.query.get('to') || undefined,
          }}
        />
      )}
    </Page>
  );
}
