import { Text } from '@fluentui/react-components';
import type { Session } from '../../../shared/contract/auth';
import type { Route } from '../../router';
import { Page } from '../../ui/Page';
import { AccountPage } from '../auth/AccountPage';
import { AdminPage } from '../admin/AdminPage';
import { ChildFilePage } from '../children/ChildFilePage';
import { ChildrenPage } from '../children/ChildrenPage';
import { ConcernsPage } from '../concerns/ConcernsPage';
import { DiaryPage } from '../diary/DiaryPage';
import { HomePage } from '../home/HomePage';
import { MeetingsPage } from '../meetings/MeetingsPage';
import { PartnersPage } from '../partners/PartnersPage';
import { RecordsPage } from '../records/RecordsPage';
import { SettingPage } from '../setting/SettingPage';
import { SharingPage } from '../sharing/SharingPage';
import type { Area } from './areas';

/** Which screen a route shows. A route to an area the user's roles do not allow shows nothing of it. */
export function AreaRoutes({ session, route, areas }: { session: Session; route: Route; areas: Area[] }) {
  const areaId = route.segments[0] ?? 'home';
  if (areaId === 'account') return <AccountPage session={session} />;
  const area = areas.find((a) => a.id === areaId);
  if (!area) {
    return (
      <Page title="Not available">
        <Text>This part of TwoWay is not available to your role. Ask your manager if you need it.</Text>
      </Page>
    );
  }
  switch (area.id) {
    case 'home':
      return <HomePage session={session} areas={areas} />;
    case 'admin':
      return <AdminPage session={session} route={route} />;
    case 'children':
      return route.segments[1] ? <ChildFilePage key={route.segments[1]} session={session} route={route} /> : <ChildrenPage session={session} />;
    case 'partners':
      return <PartnersPage session={session} />;
    case 'setting':
      return <SettingPage session={session} />;
    case 'diary':
      return <DiaryPage session={session} route={route} />;
    case 'concerns':
      return <ConcernsPage session={session} route={route} />;
    case 'sharing':
      return <SharingPage session={session} route={route} />;
    case 'meetings':
      return <MeetingsPage session={session} route={route} />;
    case 'records':
      return <RecordsPage session={session} route={route} />;
    default:
      return (
        <Page title={area.label}>
          <Text>{area.description}</Text>
          <Text>
            This part of TwoWay comes in a later version. Until then, keep using your current paper records for it; everything
            else in TwoWay works without it.
          </Text>
        </Page>
      );
  }
}
