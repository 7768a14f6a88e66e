import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { SaveRegular, WarningRegular } from '@fluentui/react-icons';
import type { Session } from '../../../shared/contract/auth';
import { formatDateTime } from '../../../shared/domain/dates';
import { useChannel } from '../../api';
import { href } from '../../router';
import { can } from '../../ui/access';

const useStyles = makeStyles({ warn: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` } });

/** Home: the last good backup, and a warning when it is too old or the folder (a USB stick) is missing. */
export function BackupHomeCard({ session }: { session: Session }) {
  const s = useStyles();
  const status = useChannel('backup.status', undefined, { enabled: can(session, 'backup.status') });
  if (!status.data) return null;
  const { last, warning } = status.data;
  return (
    <Card className={warning ? s.warn : undefined} aria-label="Backups">
      <CardHeader
        image={warning ? <WarningRegular /> : <SaveRegular />}
        header={<Text weight="semibold">{last ? `Last good backup: ${formatDateTime(last.createdAt)}` : 'No backup yet'}</Text>}
        description={warning ? <Text size={200}>{warning}</Text> : undefined}
      />
      <a href={href('/admin/backups')}>Go to backups</a>
    </Card>
  );
}
