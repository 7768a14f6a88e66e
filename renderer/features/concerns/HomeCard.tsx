import { Badge, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import type { Session } from '../../../shared/contract/auth';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { useChannel } from '../../api';
import { href } from '../../router';
import { can } from '../../ui/access';
import { URGENCY_BADGE } from './ConcernsPage';

const useStyles = makeStyles({
  card: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * For the DSL and managers: concerns nobody on the safeguarding team has opened yet (urgent first),
 * and actions past their due date. They stay until opened or closed.
 */
export function ConcernsHomeCard({ session }: { session: Session }) {
  const s = useStyles();
  const alerts = useChannel('concerns.alerts', undefined, { enabled: can(session, 'concerns.alerts') });
  const unread = alerts.data?.unread ?? [];
  const overdue = alerts.data?.overdueActions ?? [];
  if (unread.length === 0 && overdue.length === 0) return null;
  return (
    <Card className={s.card} aria-label="Safeguarding concerns waiting">
      {unread.length > 0 && (
        <>
          <CardHeader
            image={<AlertRegular />}
            header={<Text weight="semibold">{unread.length === 1 ? 'A new safeguarding concern' : `${unread.length} new safeguarding concerns`}</Text>}
          />
          <ul className={s.list}>
            {unread.map((c) => (
              <li key={c.id}>
                <Badge color={URGENCY_BADGE[c.urgency].color}>{URGENCY_BADGE[c.urgency].label}</Badge> <a href={href(`/concerns/${c.id}`)}>{c.reference}</a>{' '}
                {c.childName} <Text size={200}>(recorded {formatDateTime(c.recordedAt)})</Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {overdue.length > 0 && (
        <>
          <Text weight="semibold">{overdue.length === 1 ? 'A safeguarding action is overdue' : `${overdue.length} safeguarding actions are overdue`}</Text>
          <ul className={s.list}>
            {overdue.map((a) => (
              <li key={a.id}>
                <a href={href(`/concerns/${a.concernId}`)}>{a.reference}</a> {a.childName}: {a.text} ({a.ownerName}, due {formatDay(a.dueOn)})
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/** Beside "Concerns" in the menu of the DSL and managers: how many concerns nobody has opened yet. */
export function UnreadConcernsBadge({ session }: { session: Session }) {
  const alerts = useChannel('concerns.alerts', undefined, { enabled: can(session, 'concerns.alerts') });
  const unread = alerts.data?.unread ?? [];
  if (unread.length === 0) return null;
  const urgent = unread.some((c) => c.urgency !== 'routine');
  return (
    <Badge color={urgent ? 'danger' : 'brand'} style={{ marginLeft: 'auto' }} aria-label={`${unread.length} not opened yet`}>
      {unread.length}
    </Badge>
  );
}
