import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Session } from '../../../shared/contract/auth';
import { formatDay, londonDay } from '../../../shared/domain/dates';
import { href } from '../../router';
import { Page } from '../../ui/Page';
import { FailedLoginsHomeCard } from '../admin/HomeCard';
import { AgreementsHomeCard } from '../agreements/HomeCard';
import { BackupHomeCard } from '../backup/HomeCard';
import { ChildrenHomeCards } from '../children/HomeCards';
import { ConcernsHomeCard } from '../concerns/HomeCard';
import { DiaryFollowUpsCard } from '../diary/HomeCard';
import { MeetingsHomeCard } from '../meetings/HomeCard';
import { RetentionHomeCard } from '../records/HomeCard';
import { SharingHomeCard } from '../sharing/HomeCard';
import type { Area } from '../shell/areas';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: tokens.spacingHorizontalL },
  card: { textDecorationLine: 'none', color: 'inherit' },
});

export function HomePage({ session, areas }: { session: Session; areas: Area[] }) {
  const s = useStyles();
  return (
    <Page title={`Hello, ${session.fullName.split(' ')[0]}`}>
      <Text>{formatDay(londonDay())}</Text>
      <FailedLoginsHomeCard session={session} />
      <BackupHomeCard session={session} />
      <ConcernsHomeCard session={session} />
      <SharingHomeCard session={session} />
      <ChildrenHomeCards session={session} />
      <DiaryFollowUpsCard session={session} />
      <MeetingsHomeCard session={session} />
      <RetentionHomeCard session={session} />
      <AgreementsHomeCard session={session} />
      <div className={s.grid}>
        {areas
          .filter((a) => a.id !== 'home' && !a.planned)
          .map((a) => (
            <a key={a.id} href={href(`/${a.id}`)} className={s.card}>
              <Card>
                <CardHeader image={a.icon} header={<Text weight="semibold">{a.label}</Text>} description={<Text size={200}>{a.description}</Text>} />
              </Card>
            </a>
          ))}
      </div>
    </Page>
  );
}
