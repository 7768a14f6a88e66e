import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { TaskListLtrRegular } from '@fluentui/react-icons';
import type { Session } from '../../../shared/contract/auth';
import { DIARY_CATEGORY_LABELS } from '../../../shared/contract/diary';
import { shortDayLabel } from '../../../shared/domain/weeks';
import { useChannel } from '../../api';
import { href } from '../../router';
import { can } from '../../ui/access';

const useStyles = makeStyles({
  card: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorder2}`, maxWidth: '820px' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  excerpt: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** Home: diary entries someone must act on, oldest first, each linking to the entry in its week. */
export function DiaryFollowUpsCard({ session }: { session: Session }) {
  const s = useStyles();
  const show = can(session, 'diary.openFollowUps');
  const open = useChannel('diary.openFollowUps', undefined, { enabled: show });
  if (!show || !open.data || open.data.total === 0) return null;
  const { followUps, total } = open.data;
  return (
    <Card className={s.card} aria-label="Diary follow-ups">
      <CardHeader
        image={<TaskListLtrRegular />}
        header={<Text weight="semibold">{total === 1 ? 'A diary entry needs follow-up' : `${total} diary entries need follow-up`}</Text>}
        description={<Text size={200}>Oldest first. Open one to see it and mark it as followed up.</Text>}
      />
      <ul className={s.list}>
        {followUps.map((f) => (
          <li key={f.entryId}>
            <a href={href(`/diary/child/${f.childId}?week=${f.weekStart}&entry=${f.entryId}`)}>
              {f.childName}, {shortDayLabel(f.day)}
              {f.time ? ` ${f.time}` : ''}: {DIARY_CATEGORY_LABELS[f.category]}
            </a>
            <Text size={200} block className={s.excerpt}>
              From {f.fromName}: {f.excerpt}
            </Text>
          </li>
        ))}
      </ul>
      {total > followUps.length && <Text size={200}>and {total - followUps.length} more, in the diary’s room views.</Text>}
    </Card>
  );
}
