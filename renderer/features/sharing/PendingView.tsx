import { Text } from '@fluentui/react-components';
import { useChannel } from '../../api';
import { ErrorBar, Loading } from '../../ui/Page';
import { DecisionsTable } from './RegisterView';

/** `#/sharing/pending`: decisions to share waiting for a second person. Open one to agree or not. */
export function PendingView() {
  const pending = useChannel('sharing.pending');
  if (pending.isPending) return <Loading />;
  if (pending.error) return <ErrorBar error={pending.error} />;
  const { decisions, canAuthorise, authorisers } = pending.data;
  return (
    <>
      <Text>
        {canAuthorise
          ? `Decisions to share that wait for ${authorisers} to agree. Open one to read it and agree, or not. You cannot authorise a decision you made yourself.`
          : `Your proposals waiting for ${authorisers} to agree.`}
      </Text>
      {decisions.length === 0 ? <Text>Nothing is waiting.</Text> : <DecisionsTable decisions={decisions} label="Awaiting authorisation" />}
    </>
  );
}
