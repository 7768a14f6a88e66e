import { Tab, TabList } from '@fluentui/react-components';
import type { Session } from '../../../shared/contract/auth';
import type { ChannelName } from '../../../shared/contract/index';
import { useChannel } from '../../api';
import { navigate, type Route } from '../../router';
import { Page } from '../../ui/Page';
import { can } from '../../ui/access';
import { DecisionView } from './DecisionView';
import { NewDecision } from './NewDecision';
import { PendingView } from './PendingView';
import { PolicyView } from './PolicyView';
import { RegisterView } from './RegisterView';

const TABS: { id: string; label: string; requires: ChannelName }[] = [
  { id: 'register', label: 'Register', requires: 'sharing.list' },
  { id: 'pending', label: 'Awaiting authorisation', requires: 'sharing.pending' },
  { id: 'policy', label: 'Our policy', requires: 'sharing.setPolicy' },
];

/**
 * Information sharing: `#/sharing` (the register), `#/sharing/pending` (awaiting authorisation),
 * `#/sharing/policy`, `#/sharing/new?child=<id>[&concern=<id>]` (the decision flow) and `#/sharing/<id>` (a decision).
 */
export function SharingPage({ session, route }: { session: Session; route: Route }) {
  const settings = useChannel('settings.get');
  const segment = route.segments[1];
  if (segment === 'new') return <NewDecision session={session} childId={route.query.get('child')} concernId={route.query.get('concern')} />;
  const tabs = TABS.filter((t) => can(session, t.requires));
  const tab = tabs.find((t) => t.id === segment) ?? (segment ? null : tabs[0]);
  if (!tab && segment) return <DecisionView key={segment} session={session} id={segment} />;
  const current = tab ?? tabs[0];
  return (
    <Page title="Information sharing">
      <TabList selectedValue={current.id} onTabSelect={(_e, d) => navigate(d.value === 'register' ? '/sharing' : `/sharing/${String(d.value)}`)}>
        {tabs.map((t) => (
          <Tab key={t.id} value={t.id}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {current.id === 'register' && <RegisterView session={session} settingName={settings.data?.settingName ?? ''} />}
      {current.id === 'pending' && <PendingView />}
      {current.id === 'policy' && <PolicyView />}
    </Page>
  );
}
