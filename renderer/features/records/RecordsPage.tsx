import { Tab, TabList } from '@fluentui/react-components';
import type { Session } from '../../../shared/contract/auth';
import { navigate, type Route } from '../../router';
import { can } from '../../ui/access';
import { Page } from '../../ui/Page';
import { DueList } from './DueList';
import { ExportView } from './ExportView';
import { RulesView } from './RulesView';
import { SubjectAccess } from './SubjectAccess';

/**
 * `#/records…`: keeping and disposing of records (issue 16). `#/records` the sets due for review
 * (the manager), `#/records/rules` how long each kind of record is kept and why, `#/records/access`
 * a subject access request (the manager and the DSL), `#/records/access/<reviewId>` its export.
 */
export function RecordsPage({ session, route }: { session: Session; route: Route }) {
  const [, view = can(session, 'retention.due') ? 'due' : 'access', reviewId] = route.segments;
  if (view === 'access' && reviewId) return <ExportView session={session} reviewId={reviewId} />;
  const tabs = [
    ...(can(session, 'retention.due') ? [{ id: 'due', label: 'Due for review', path: '/records' }] : []),
    ...(can(session, 'retention.rules') ? [{ id: 'rules', label: 'How long records are kept', path: '/records/rules' }] : []),
    { id: 'access', label: 'Subject access requests', path: '/records/access' },
  ];
  return (
    <Page title="Keeping records">
      <TabList selectedValue={view} onTabSelect={(_e, d) => navigate(tabs.find((t) => t.id === d.value)!.path)}>
        {tabs.map((t) => (
          <Tab key={t.id} value={t.id}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {view === 'due' && <DueList />}
      {view === 'rules' && <RulesView session={session} />}
      {view === 'access' && <SubjectAccess session={session} childId={route.query.get('child') ?? ''} />}
    </Page>
  );
}
