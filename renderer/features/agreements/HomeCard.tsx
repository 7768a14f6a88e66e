import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DocumentSignatureRegular } from '@fluentui/react-icons';
import { AGREEMENT_ATTENTION_LABELS } from '../../../shared/contract/agreements';
import type { Session } from '../../../shared/contract/auth';
import { formatDay } from '../../../shared/domain/dates';
import { useChannel } from '../../api';
import { href } from '../../router';
import { can } from '../../ui/access';

const useStyles = makeStyles({
  card: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorder2}`, maxWidth: '820px' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Home: children in shared care whose information sharing agreement is missing, not signed by everyone, or past its review date. */
export function AgreementsHomeCard({ session }: { session: Session }) {
  const s = useStyles();
  const show = can(session, 'agreements.attention');
  const q = useChannel('agreements.attention', undefined, { enabled: show });
  if (!show || !q.data || q.data.children.length === 0) return null;
  const { children } = q.data;
  return (
    <Card className={s.card} aria-label="Information sharing agreements">
      <CardHeader
        image={<DocumentSignatureRegular />}
        header={<Text weight="semibold">{children.length === 1 ? 'An information sharing agreement needs attention' : `${children.length} information sharing agreements need attention`}</Text>}
        description={<Text size={200}>Each child in shared care has one, signed by the parents and each key person.</Text>}
      />
      <ul className={s.list}>
        {children.map((c) => (
          <li key={c.childId}>
            <a href={href(`/children/${c.childId}?tab=agreement`)}>{c.childName}</a>: {AGREEMENT_ATTENTION_LABELS[c.why]}
            {c.why === 'review-due' && c.reviewOn ? ` (review was due ${formatDay(c.reviewOn)})` : ''}
          </li>
        ))}
      </ul>
    </Card>
  );
}
