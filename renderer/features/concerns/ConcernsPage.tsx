import {
  Badge,
  Button,
  Field,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, PeopleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { CONCERN_CATEGORY_LABELS, CONCERN_URGENCY_LABELS, REVIEW_DECISION_LABELS, type ConcernUrgency } from '../../../shared/contract/concerns';
import { formatDateTime } from '../../../shared/domain/dates';
import { useChannel } from '../../api';
import { href, navigate, type Route } from '../../router';
import { can } from '../../ui/access';
import { ErrorBar, Loading, Page } from '../../ui/Page';
import { ChronologyView } from './ChronologyView';
import { ConcernView } from './ConcernView';
import { RecordConcern } from './RecordConcern';
import { VisitsView } from './VisitsView';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

export const URGENCY_BADGE: Record<ConcernUrgency, { color: 'danger' | 'warning' | 'informative'; label: string }> = {
  now: { color: 'danger', label: 'Urgent' },
  today: { color: 'warning', label: 'Today' },
  routine: { color: 'informative', label: 'Soon' },
};

/** `#/concerns…`: record (everyone), what you recorded (everyone), and the safeguarding team's screens. */
export function ConcernsPage({ session, route }: { session: Session; route: Route }) {
  const [, second, third] = route.segments;
  if (second === 'new') {
    return (
      <RecordConcern
        childId={route.query.get('child') ?? undefined}
        diaryEntryId={route.query.get('diary') ?? undefined}
        startText={route.query.get('text') ?? undefined}
        seesTheList={can(session, 'concerns.list')}
      />
    );
  }
  if (second === 'chronology' && third) return <ChronologyView key={third} session={session} childId={third} />;
  if (second === 'visits') return <VisitsView session={session} childId={route.query.get('child') ?? undefined} />;
  if (second) return <ConcernView key={second} session={session} id={second} />;
  return can(session, 'concerns.list') ? <TeamList session={session} /> : <MyConcerns />;
}

function RecordButton() {
  return (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => navigate('/concerns/new')}>
      Record a concern
    </Button>
  );
}

/** What a member of staff sees: the references of what they recorded, never others' concerns. */
function MyConcerns() {
  const mine = useChannel('concerns.mine');
  return (
    <Page title="Safeguarding concerns" actions={<RecordButton />}>
      <Text>
        If you are worried about a child, record it here straight away and tell the designated safeguarding lead. Only the DSL and the
        manager read concerns.
      </Text>
      <Text weight="semibold" as="h2">
        Concerns you recorded
      </Text>
      <ErrorBar error={mine.error} />
      {mine.isPending ? (
        <Loading />
      ) : mine.data && mine.data.concerns.length > 0 ? (
        <Table aria-label="Concerns you recorded" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Reference</TableHeaderCell>
              <TableHeaderCell>Recorded</TableHeaderCell>
              <TableHeaderCell>Child</TableHeaderCell>
              <TableHeaderCell>Kind</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {mine.data.concerns.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{c.reference}</TableCell>
                <TableCell>
                  {formatDateTime(c.recordedAt)}
                  {c.lateEntry ? ' (late entry)' : ''}
                </TableCell>
                <TableCell>{c.childName}</TableCell>
                <TableCell>{CONCERN_CATEGORY_LABELS[c.category]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Text>You have not recorded any concerns.</Text>
      )}
    </Page>
  );
}

/** The DSL's and manager's list: unread first (urgent first), then the newest. */
function TeamList({ session }: { session: Session }) {
  const s = useStyles();
  const [status, setStatus] = useState<'all' | 'unread' | 'open'>('open');
  const list = useChannel('concerns.list', { status });
  return (
    <Page
      title="Safeguarding concerns"
      actions={
        <>
          {can(session, 'visits.list') && (
            <Button icon={<PeopleRegular />} onClick={() => navigate('/concerns/visits')}>
              Visiting professionals
            </Button>
          )}
          <RecordButton />
        </>
      }
    >
      <div className={s.filters}>
        <Field label="Show">
          <Select value={status} onChange={(_e, d) => setStatus(d.value as typeof status)}>
            <option value="open">Waiting for a decision or with open actions</option>
            <option value="unread">Not opened yet</option>
            <option value="all">All concerns</option>
          </Select>
        </Field>
      </div>
      <ErrorBar error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : list.data && list.data.concerns.length > 0 ? (
        <Table aria-label="Safeguarding concerns" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Reference</TableHeaderCell>
              <TableHeaderCell>Child</TableHeaderCell>
              <TableHeaderCell>Kind</TableHeaderCell>
              <TableHeaderCell>Seen or heard</TableHeaderCell>
              <TableHeaderCell>Recorded by</TableHeaderCell>
              <TableHeaderCell>Decision</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.concerns.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <a href={href(`/concerns/${c.id}`)}>{c.reference}</a>{' '}
                  {c.unread && (
                    <Badge color={URGENCY_BADGE[c.urgency].color} title={CONCERN_URGENCY_LABELS[c.urgency]}>
                      New: {URGENCY_BADGE[c.urgency].label}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  <a href={href(`/concerns/chronology/${c.childId}`)}>{c.childName}</a>
                </TableCell>
                <TableCell>{CONCERN_CATEGORY_LABELS[c.category]}</TableCell>
                <TableCell>
                  {formatDateTime(c.observedAt)}
                  {c.lateEntry ? ' (late entry)' : ''}
                </TableCell>
                <TableCell>{c.recordedByName}</TableCell>
                <TableCell>
                  {c.decision ? REVIEW_DECISION_LABELS[c.decision] : 'Waiting for a decision'}
                  {c.openActions > 0 ? `; ${c.openActions} open action${c.openActions === 1 ? '' : 's'}` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Text>No concerns to show.</Text>
      )}
    </Page>
  );
}
