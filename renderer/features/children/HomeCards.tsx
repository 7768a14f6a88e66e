import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ContactCardRegular, DocumentCheckmarkRegular } from '@fluentui/react-icons';
import type { Session } from '../../../shared/contract/auth';
import { formatDay } from '../../../shared/domain/dates';
import { useChannel } from '../../api';
import { href } from '../../router';
import { can } from '../../ui/access';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: tokens.spacingHorizontalL },
  card: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorder2}` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Home-screen reminders: overdue policy reviews and children whose emergency contacts need checking. */
export function ChildrenHomeCards({ session }: { session: Session }) {
  const s = useStyles();
  const showPolicies = can(session, 'setting.policies');
  const showContacts = can(session, 'children.list');
  const policies = useChannel('setting.policies', undefined, { enabled: showPolicies });
  const contacts = useChannel('children.list', { contactsNeedCheck: true }, { enabled: showContacts });
  const overdue = policies.data?.policies.filter((p) => p.overdue) ?? [];
  const stale = contacts.data?.children ?? [];
  if (overdue.length === 0 && stale.length === 0) return null;
  return (
    <div className={s.row}>
      {overdue.length > 0 && (
        <Card className={s.card} aria-label="Policies due for review">
          <CardHeader
            image={<DocumentCheckmarkRegular />}
            header={<Text weight="semibold">{overdue.length === 1 ? 'A policy is overdue for review' : `${overdue.length} policies are overdue for review`}</Text>}
          />
          <ul className={s.list}>
            {overdue.slice(0, 6).map((p) => (
              <li key={p.id}>
                {p.title}: review was due {formatDay(p.nextReviewOn)}
              </li>
            ))}
          </ul>
          <a href={href('/setting')}>Go to our policies</a>
        </Card>
      )}
      {stale.length > 0 && (
        <Card className={s.card} aria-label="Emergency contacts to check">
          <CardHeader
            image={<ContactCardRegular />}
            header={<Text weight="semibold">Emergency contacts to check with parents ({stale.length})</Text>}
          />
          <ul className={s.list}>
            {stale.slice(0, 8).map((c) => (
              <li key={c.id}>
                <a href={href(`/children/${c.id}?tab=contacts`)}>{c.preferredName ?? c.legalName}</a>
              </li>
            ))}
          </ul>
          {stale.length > 8 && <a href={href('/children')}>and {stale.length - 8} more</a>}
        </Card>
      )}
    </div>
  );
}
