import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArchiveRegular } from '@fluentui/react-icons';
import type { Session } from '../../../shared/contract/auth';
import { useChannel } from '../../api';
import { href } from '../../router';
import { can } from '../../ui/access';

const useStyles = makeStyles({ card: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorder2}` } });

/** Records whose retention period has ended, on the manager's Home: keep them longer or dispose of them. */
export function RetentionHomeCard({ session }: { session: Session }) {
  const s = useStyles();
  const due = useChannel('retention.dueCount', undefined, { enabled: can(session, 'retention.dueCount') });
  const count = due.data?.count ?? 0;
  if (count === 0) return null;
  return (
    <Card className={s.card} aria-label="Records due for review">
      <CardHeader
        image={<ArchiveRegular />}
        header={<Text weight="semibold">{count === 1 ? '1 set of records is due for review' : `${count} sets of records are due for review`}</Text>}
        description={<Text size={200}>Their retention period has ended: keep them longer with a reason, or dispose of them.</Text>}
      />
      <a href={href('/records')}>Go to records due for review</a>
    </Card>
  );
}
