import { Field, Input, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { MEETING_FORMAT_LABELS } from '../../../shared/contract/meetings';
import { formatDay } from '../../../shared/domain/dates';
import { addDays, today, weekStart } from '../../../shared/domain/weeks';
import { useChannel } from '../../api';
import { href } from '../../router';
import { can } from '../../ui/access';
import { ErrorBar, Loading, Page } from '../../ui/Page';
import { SavePacksPanel } from './SavePacksPanel';

const useStyles = makeStyles({ span: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' } });

/** `#/meetings/packs`: the packs for every meeting booked in a span (next week, to start with). */
export function PackBatch({ session }: { session: Session }) {
  const s = useStyles();
  const nextMonday = addDays(weekStart(today()), 7);
  const [from, setFrom] = useState(nextMonday);
  const [to, setTo] = useState(addDays(nextMonday, 6));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && to >= from;
  const meetings = useChannel('meetings.between', { from, to }, { enabled: valid });
  return (
    <Page title="Meeting packs">
      <Text>
        <a href={href('/meetings')}>Back to the planner</a>
      </Text>
      <Text>Make the packs for every meeting booked between two dates: one PDF for each child, ready to print or send.</Text>
      <div className={s.span}>
        <Field label="From">
          <Input type="date" value={from} onChange={(_e, d) => setFrom(d.value)} />
        </Field>
        <Field label="To" validationMessage={valid || !from || !to ? undefined : 'The end date must be on or after the start date.'} validationState={valid || !from || !to ? 'none' : 'error'}>
          <Input type="date" value={to} onChange={(_e, d) => setTo(d.value)} />
        </Field>
      </div>
      <ErrorBar error={meetings.error} />
      {valid && meetings.isPending ? (
        <Loading />
      ) : meetings.data && meetings.data.meetings.length > 0 ? (
        <>
          <Table size="small" aria-label="Meetings in these dates">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Child</TableHeaderCell>
                <TableHeaderCell>When</TableHeaderCell>
                <TableHeaderCell>How</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {meetings.data.meetings.map((m) => (
                <TableRow key={m.meetingId}>
                  <TableCell>
                    <a href={href(`/meetings/${m.meetingId}`)}>{m.childName}</a>
                  </TableCell>
                  <TableCell>
                    {formatDay(m.on)} at {m.at}
                  </TableCell>
                  <TableCell>{MEETING_FORMAT_LABELS[m.format]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {can(session, 'packs.save') && <SavePacksPanel key={`${from}:${to}`} meetings={meetings.data.meetings} />}
        </>
      ) : (
        meetings.data && <Text>No meetings are booked between {formatDay(from)} and {formatDay(to)}.</Text>
      )}
    </Page>
  );
}
