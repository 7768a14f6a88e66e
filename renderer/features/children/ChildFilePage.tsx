import { Badge, Button, makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, PrintRegular, ShareRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { CHILD_STATUS_LABELS, type ChildFile } from '../../../shared/contract/children';
import { formatDay, londonDay } from '../../../shared/domain/dates';
import { useChannel } from '../../api';
import { href, navigate, type Route } from '../../router';
import { ErrorBar, Loading, Page } from '../../ui/Page';
import { ageOn, RestrictionsBar } from './common';
import { can } from '../../ui/access';
import { ConsentTab } from './ConsentTab';
import { ContactsTab } from './ContactsTab';
import { DetailsTab } from './DetailsTab';
import { FamilyTab } from './FamilyTab';
import { HealthTab } from './HealthTab';
import { PrintSummaryDialog } from './PrintSummary';
import { SharedCareTab } from './SharedCareTab';
import { ChildSharingHistory } from '../sharing/ChildSharingHistory';
import { AgreementTab } from '../agreements/AgreementTab';
import { HomeVisitsTab } from '../observations/HomeVisitsTab';
import { ObservationsTab } from '../observations/ObservationsTab';
import { childDisplayName } from '../../../shared/domain/names';
import { rolesAllow } from '../../../shared/contract/define';
import { FAMILY_KEEPERS } from '../../../shared/contract/fields';
import { DocumentsPanel } from '../documents/DocumentsPanel';

const TABS = [
  { id: 'details', label: 'Details' },
  { id: 'family', label: 'Parents and carers' },
  { id: 'contacts', label: 'Emergency contacts' },
  { id: 'health', label: 'Health' },
  { id: 'shared-care', label: 'Shared care' },
  { id: 'consent', label: 'Consent' },
  { id: 'agreement', label: 'Sharing agreement' },
  { id: 'observations', label: 'Observations' },
  { id: 'home-visits', label: 'Home visits' },
  { id: 'documents', label: 'Documents' },
  { id: 'sharing', label: 'Sharing history' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const useStyles = makeStyles({
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
  tabBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Ten tabs: on a laptop screen they wrap onto a second line rather than run off the edge.
  tabs: { flexWrap: 'wrap' },
});

export function ChildFilePage({ session, route }: { session: Session; route: Route }) {
  const childId = route.segments[1];
  const file = useChannel('children.get', { childId });
  // The sharing history is a sensitive register: only for those who may read it.
  const tabs = TABS.filter((t) => t.id !== 'sharing' || can(session, 'sharing.list'));
  const tab = (tabs.find((t) => t.id === route.query.get('tab'))?.id ?? 'details') as TabId;
  const [printing, setPrinting] = useState(false);
  const s = useStyles();

  if (file.isPending) return <Loading />;
  if (file.error) {
    return (
      <Page title="Child">
        <ErrorBar error={file.error} />
        <a href={href('/children')}>Back to the children</a>
      </Page>
    );
  }
  const { child } = file.data;
  const title = childDisplayName(child);
  return (
    <Page
      title={title}
      actions={
        <>
          <Button icon={<ArrowLeftRegular />} onClick={() => navigate('/children')}>
            All children
          </Button>
          {can(session, 'children.summary') && (
            <Button icon={<PrintRegular />} onClick={() => setPrinting(true)}>
              Print summary
            </Button>
          )}
          {can(session, 'sharing.record') && (
            <Button icon={<ShareRegular />} onClick={() => navigate(`/sharing/new?child=${child.id}`)}>
              Share information
            </Button>
          )}
        </>
      }
    >
      <RestrictionsBar restrictions={file.data.restrictions} />
      <div className={s.meta}>
        <Text>
          Born {formatDay(child.dateOfBirth)} ({ageOn(child.dateOfBirth, londonDay())})
        </Text>
        {child.room && <Text>Room: {child.room}</Text>}
        <Text>Key person: {child.keyPersonName ?? 'not chosen'}</Text>
        <Badge color={child.status === 'current' ? 'success' : 'subtle'}>{CHILD_STATUS_LABELS[child.status]}</Badge>
        {file.data.contactsNeedCheck && <Badge color="warning">Emergency contacts need checking</Badge>}
      </div>
      <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_e, d) => navigate(`/children/${child.id}?tab=${String(d.value)}`)}>
        {tabs.map((t) => (
          <Tab key={t.id} value={t.id}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <div className={s.tabBody} role="tabpanel" aria-label={TABS.find((t) => t.id === tab)?.label}>
        <TabContent tab={tab} file={file.data} session={session} printingSummary={printing} />
      </div>
      {printing && <PrintSummaryDialog file={file.data} onClose={() => setPrinting(false)} />}
    </Page>
  );
}

function TabContent({ tab, file, session, printingSummary }: { tab: TabId; file: ChildFile; session: Session; printingSummary: boolean }): ReactNode {
  switch (tab) {
    case 'details':
      return <DetailsTab file={file} session={session} />;
    case 'family':
      return <FamilyTab file={file} session={session} />;
    case 'contacts':
      return <ContactsTab file={file} session={session} />;
    case 'health':
      return <HealthTab file={file} session={session} />;
    case 'shared-care':
      return <SharedCareTab file={file} session={session} />;
    case 'consent':
      return <ConsentTab file={file} session={session} />;
    case 'agreement':
      // While the summary is being printed, only the summary is on paper.
      return <AgreementTab childId={file.child.id} session={session} printable={!printingSummary} />;
    case 'observations':
      return <ObservationsTab file={file} session={session} />;
    case 'home-visits':
      return <HomeVisitsTab file={file} session={session} />;
    case 'documents':
      // Letters, forms and court orders are added by those who keep the family records (the core checks it).
      return <DocumentsPanel session={session} ownerType="child" ownerId={file.child.id} canAdd={rolesAllow(FAMILY_KEEPERS, session.roles)} />;
    case 'sharing':
      return <ChildSharingHistory session={session} childId={file.child.id} />;
  }
}
