import { Button, Text } from '@fluentui/react-components';
import { ShareRegular } from '@fluentui/react-icons';
import type { Session } from '../../../shared/contract/auth';
import { useChannel } from '../../api';
import { navigate } from '../../router';
import { ErrorBar, Loading } from '../../ui/Page';
import { can } from '../../ui/access';
import { DecisionsTable } from './RegisterView';

/** The child's file, "Sharing history" tab: every decision about this child, share or not. */
export function ChildSharingHistory({ session, childId }: { session: Session; childId: string }) {
  const list = useChannel('sharing.list', { childId, limit: 2000 });
  return (
    <>
      {can(session, 'sharing.record') && (
        <div>
          <Button appearance="primary" icon={<ShareRegular />} onClick={() => navigate(`/sharing/new?child=${childId}`)}>
            Share information
          </Button>
        </div>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorBar error={list.error} />
      ) : list.data.total === 0 ? (
        <Text>No information-sharing decisions have been recorded for this child.</Text>
      ) : (
        <DecisionsTable decisions={list.data.decisions} label="Sharing history" showChild={false} />
      )}
    </>
  );
}
