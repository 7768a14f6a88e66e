import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ShareRegular } from '@fluentui/react-icons';
import type { Session } from '../../../shared/contract/auth';
import { formatDateTime } from '../../../shared/domain/dates';
import { useChannel } from '../../api';
import { href } from '../../router';
import { can } from '../../ui/access';

const useStyles = makeStyles({
  card: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Decisions waiting for a second person: on the home screen of whoever may agree to them, because a
 * share without consent is never decided by one person alone (seed 001) and should not wait unseen.
 */
export function SharingHomeCard({ session }: { session: Session }) {
  const s = useStyles();
  const pending = useChannel('sharing.pending', undefined, { enabled: can(session, 'sharing.pending') });
  const waiting = pending.data?.canAuthorise ? pending.data.decisions : [];
  if (waiting.length === 0) return null;
  return (
    <Card className={s.card} aria-label="Decisions waiting for a second person">
      <CardHeader
        image={<ShareRegular />}
        header={
          <Text weight="semibold">
            {waiting.length === 1 ? 'A decision to share is waiting for a second person' : `${waiting.length} decisions to share are waiting for a second person`}
          </Text>
        }
      />
      <ul className={s.list}>
        {waiting.slice(0, 5).map((d) => (
          <li key={d.id}>
            <a href={href(`/sharing/${d.id}`)}>
              {d.childName} to {d.recipientName}
            </a>{' '}
            <Text size={200}>
              ({d.decidedByName}, {formatDateTime(d.decidedAt)})
            </Text>
          </li>
        ))}
      </ul>
      <a href={href('/sharing/pending')}>Go to awaiting authorisation</a>
    </Card>
  );
}
