import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import type { Session } from '../../../shared/contract/auth';
import { formatDateTime } from '../../../shared/domain/dates';
import { useChannel } from '../../api';
import { href } from '../../router';
import { can } from '../../ui/access';

const useStyles = makeStyles({
  card: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
});

/**
 * Failed logins piling up (someone guessing passwords, or a colleague locked out) on the home screen
 * of administrators, with a link to the audit trail filtered to them.
 */
export function FailedLoginsHomeCard({ session }: { session: Session }) {
  const s = useStyles();
  const alerts = useChannel('audit.loginAlerts', undefined, { enabled: can(session, 'audit.loginAlerts') });
  if (!alerts.data?.pilingUp) return null;
  const { failedLogins, lastAt } = alerts.data;
  return (
    <Card className={s.card} aria-label="Failed logins">
      <CardHeader
        image={<LockClosedRegular />}
        header={<Text weight="semibold">{`${failedLogins} failed logins in the last 7 days`}</Text>}
        description={
          <Text size={200}>
            {lastAt ? `The last was on ${formatDateTime(lastAt)}. ` : ''}Someone may be guessing a password, or a colleague may be locked out.
          </Text>
        }
      />
      <a href={href('/admin/audit?what=failed-logins')}>See the failed logins in the audit trail</a>
    </Card>
  );
}
