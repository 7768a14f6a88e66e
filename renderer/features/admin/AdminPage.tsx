import { Tab, TabList } from '@fluentui/react-components';
import type { Session } from '../../../shared/contract/auth';
import { contract } from '../../../shared/contract/index';
import { rolesAllow } from '../../../shared/contract/define';
import { useChannel } from '../../api';
import { navigate, type Route } from '../../router';
import { Page } from '../../ui/Page';
import { BackupPanel } from '../backup/BackupPanel';
import { AuditPanel } from './AuditPanel';
import { SettingsPanel } from './SettingsPanel';
import { UsersPanel } from './UsersPanel';

const TABS = [
  { id: 'users', label: 'Staff accounts', requires: 'users.list' },
  { id: 'settings', label: 'Settings', requires: 'settings.update' },
  { id: 'audit', label: 'Audit trail', requires: 'audit.list' },
  { id: 'backups', label: 'Backups', requires: 'backup.status' },
] as const;

export function AdminPage({ session, route }: { session: Session; route: Route }) {
  const tabs = TABS.filter((t) => rolesAllow(contract[t.requires].access, session.roles));
  const current = tabs.find((t) => t.id === route.segments[1]) ?? tabs[0];
  const settings = useChannel('settings.get');
  return (
    <Page title="Admin">
      <TabList selectedValue={current.id} onTabSelect={(_e, d) => navigate(`/admin/${String(d.value)}`)}>
        {tabs.map((t) => (
          <Tab key={t.id} value={t.id}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {current.id === 'users' && <UsersPanel session={session} />}
      {current.id === 'settings' && <SettingsPanel />}
      {current.id === 'backups' && <BackupPanel session={session} />}
      {current.id === 'audit' && <AuditPanel session={session} settingName={settings.data?.settingName ?? ''} initialWhat={route.query.get('what')} />}
    </Page>
  );
}
