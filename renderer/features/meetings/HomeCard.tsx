import { Badge, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { PeopleTeamRegular } from '@fluentui/react-icons';
import type { Session } from '../../../shared/contract/auth';
import { MEETING_FORMAT_LABELS } from '../../../shared/contract/meetings';
import { formatDay } from '../../../shared/domain/dates';
import { useChannel } from '../../api';
import { href } from '../../router';
import { can } from '../../ui/access';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalL } });

/** Joint meetings in the week ahead (a reminder before the day), and for the office what is left to do this term. */
export function MeetingsHomeCard({ session }: { session: Session }) {
  const s = useStyles();
  const view = useChannel('meetings.thisTerm', undefined, { enabled: can(session, 'meetings.thisTerm') });
  if (!view.data) return null;
  const { upcoming, toBook, packsToPrint, overdueActions, term } = view.data;
  const office = can(session, 'packs.save');
  const todo = office ? [
    toBook.length > 0 && `${toBook.length} ${toBook.length === 1 ? 'meeting' : 'meetings'} to book in the ${term.label.toLowerCase()}`,
    packsToPrint.length > 0 && `${packsToPrint.length} ${packsToPrint.length === 1 ? 'pack' : 'packs'} to print for the next fortnight`,
    overdueActions.length > 0 && `${overdueActions.length} ${overdueActions.length === 1 ? 'action' : 'actions'} from meetings overdue`,
  ].filter((x): x is string => !!x) : [];
  if (upcoming.length === 0 && todo.length === 0) return null;
  return (
    <Card aria-label="Joint meetings">
      <CardHeader image={<PeopleTeamRegular />} header={<Text weight="semibold">{upcoming.length > 0 ? `Joint meetings in the next 7 days: ${upcoming.length}` : 'Joint meetings'}</Text>} />
      {upcoming.length > 0 && (
        <ul className={s.list}>
          {upcoming.map((m) => (
            <li key={m.meetingId}>
              <a href={href(`/meetings/${m.meetingId}`)}>{m.childName}</a>, {formatDay(m.on)} at {m.at} ({MEETING_FORMAT_LABELS[m.format].toLowerCase()})
              {m.clash && <Badge color="danger"> Clash</Badge>}
            </li>
          ))}
        </ul>
      )}
      {todo.length > 0 && (
        <Text>
          <a href={href('/meetings')}>{todo.join('; ')}</a>
        </Text>
      )}
    </Card>
  );
}
