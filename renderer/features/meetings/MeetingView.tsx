import {
  Badge,
  Button,
  Card,
  makeStyles,
  MessageBar,
  MessageBarBody,
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
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import {
  ACTION_STATUS_LABELS,
  ATTENDANCE_WAY_LABELS,
  MEETING_FORMAT_LABELS,
  STEP_PLACE_LABELS,
  type Meeting,
  type MeetingAction,
} from '../../../shared/contract/meetings';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { today } from '../../../shared/domain/weeks';
import { useChannel, useChannelMutation } from '../../api';
import { PrintPortal } from '../../print/PrintPortal';
import { MeetingPackPrint } from '../../print/MeetingPackPrint';
import { href } from '../../router';
import { can } from '../../ui/access';
import { ErrorBar, Loading, Page } from '../../ui/Page';
import { PrintActions } from '../../ui/PrintActions';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { BookMeetingDialog } from './BookMeetingDialog';
import { CancelMeetingDialog } from './CancelMeetingDialog';
import { RecordMeetingDialog } from './RecordMeetingDialog';
import { SavePacksPanel } from './SavePacksPanel';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** `#/meetings/<id>`: one joint meeting: the booking, the record, the actions, and its pack. */
export function MeetingView({ session, meetingId }: { session: Session; meetingId: string }) {
  const s = useStyles();
  const meeting = useChannel('meetings.get', { meetingId });
  const [dialog, setDialog] = useState<'change' | 'cancel' | 'record' | null>(null);
  if (meeting.isPending) return <Loading />;
  if (!meeting.data) return <ErrorBar error={meeting.error} />;
  const m = meeting.data;
  const booked = m.status === 'booked';
  return (
    <Page
      title={`Joint meeting: ${m.childName}`}
      actions={
        <div className={s.row}>
          {booked && can(session, 'meetings.record') && m.on <= today() && (
            <Button appearance="primary" onClick={() => setDialog('record')}>
              Record the meeting
            </Button>
          )}
          {booked && can(session, 'meetings.update') && <Button onClick={() => setDialog('change')}>Change the booking</Button>}
          {booked && can(session, 'meetings.cancel') && <Button onClick={() => setDialog('cancel')}>Cancel the meeting</Button>}
        </div>
      }
    >
      <Text>
        <a href={href(`/meetings${m.termId ? `?term=${m.termId}` : ''}`)}>Back to {m.termLabel ?? 'the planner'}</a>
      </Text>
      {m.clashes.length > 0 && booked && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {m.clashes.map((c) => (
              <div key={c.meetingId}>
                Clash: {c.personName} is also in <a href={href(`/meetings/${c.meetingId}`)}>{c.childName}’s meeting</a> on {formatDay(c.on)} at {c.at}.
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <Card>
        <div className={s.facts}>
          <Text weight="semibold">Status</Text>
          <Text>
            {m.status === 'booked' ? <Badge color="informative">Booked</Badge> : m.status === 'held' ? <Badge color="success">Held</Badge> : <Badge color="subtle">Cancelled</Badge>}
            {m.cancelledReason && ` ${m.cancelledReason}`}
          </Text>
          <Text weight="semibold">When</Text>
          <Text>
            {formatDay(m.on)} at {m.at} ({m.durationMinutes} minutes)
          </Text>
          <Text weight="semibold">{MEETING_FORMAT_LABELS[m.format]}</Text>
          <Text>{m.format === 'video' ? m.videoLink : m.format === 'phone' ? `Dial ${m.phoneNumber}` : (m.venueName ?? 'Here')}</Text>
          <Text weight="semibold">Invited</Text>
          <ul className={s.list}>
            {m.invitees.map((i) => (
              <li key={`${i.kind}:${i.id}`}>
                {i.name} ({i.role})
              </li>
            ))}
          </ul>
          <Text weight="semibold">Booked</Text>
          <Text>
            {formatDateTime(m.bookedAt)}
            {m.bookedByName ? ` by ${m.bookedByName}` : ''}
          </Text>
        </div>
      </Card>

      {m.record && <MeetingRecord meeting={m} />}
      <Actions title="Actions agreed at this meeting" actions={m.actions} session={session} empty={m.record ? 'No actions were agreed.' : null} />
      {booked && <Actions title="Actions carried from earlier meetings" actions={m.carried} session={session} empty={null} />}
      <section aria-label="Papers for this meeting">
        <Text weight="semibold" as="h2">
          Papers for this meeting
        </Text>
        <DocumentsPanel session={session} ownerType="meeting" ownerId={m.id} canAdd={can(session, 'documents.add')} />
      </section>
      {m.status !== 'cancelled' && <PackSection session={session} meeting={m} />}

      {dialog === 'change' && <BookMeetingDialog childId={m.childId} childName={m.childName} meeting={m} onClose={() => setDialog(null)} onBooked={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelMeetingDialog meetingId={m.id} onClose={() => setDialog(null)} />}
      {dialog === 'record' && <RecordMeetingDialog meeting={m} onClose={() => setDialog(null)} />}
    </Page>
  );
}

function MeetingRecord({ meeting }: { meeting: Meeting }) {
  const s = useStyles();
  const r = meeting.record!;
  return (
    <Card aria-label="What happened at the meeting">
      <Text weight="semibold" as="h2">
        What happened
      </Text>
      <Text>Recorded {formatDateTime(r.recordedAt)}{r.recordedByName ? ` by ${r.recordedByName}` : ''}.</Text>
      <Text weight="semibold">Who took part</Text>
      <ul className={s.list}>
        {r.attendees.map((a, i) => (
          <li key={i}>
            {a.name}
            {a.role ? ` (${a.role})` : ''}: {ATTENDANCE_WAY_LABELS[a.how].toLowerCase()}
          </li>
        ))}
      </ul>
      {r.observationIds.length > 0 && (
        <>
          <Text weight="semibold">Observations discussed</Text>
          <ul className={s.list}>
            {meeting.termObservations
              .filter((o) => r.observationIds.includes(o.id))
              .map((o) => (
                <li key={o.id}>
                  {formatDay(o.observedOn)}
                  {o.fromPartner ? ` (${o.fromPartner})` : ''}: {o.text}
                </li>
              ))}
          </ul>
        </>
      )}
      {r.nextSteps.length > 0 && (
        <>
          <Text weight="semibold">Next steps agreed</Text>
          <ul className={s.list}>
            {r.nextSteps.map((n, i) => (
              <li key={i}>
                {STEP_PLACE_LABELS[n.where]}: {n.text}
                {n.who ? ` (${n.who})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {r.notes && (
        <>
          <Text weight="semibold">Notes</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{r.notes}</Text>
        </>
      )}
    </Card>
  );
}

function Actions({ title, actions, session, empty }: { title: string; actions: MeetingAction[]; session: Session; empty: string | null }) {
  const update = useChannelMutation('meetings.updateAction', ['meetings']);
  if (actions.length === 0) return empty ? <Text>{empty}</Text> : null;
  return (
    <section aria-label={title}>
      <Text weight="semibold" as="h2">
        {title}
      </Text>
      <ErrorBar error={update.error} />
      <Table size="small" aria-label={title}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Action</TableHeaderCell>
            <TableHeaderCell>Who</TableHeaderCell>
            <TableHeaderCell>By</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {actions.map((a) => (
            <TableRow key={a.id}>
              <TableCell>{a.text}</TableCell>
              <TableCell>{a.owner}</TableCell>
              <TableCell>
                {a.dueOn ? formatDay(a.dueOn) : ''} {a.overdue && <Badge color="danger">Overdue</Badge>}
              </TableCell>
              <TableCell>
                {can(session, 'meetings.updateAction') ? (
                  <Select
                    aria-label={`Status of “${a.text}”`}
                    value={a.status}
                    onChange={(_e, d) => update.mutate({ actionId: a.id, status: d.value as MeetingAction['status'] })}
                  >
                    {Object.entries(ACTION_STATUS_LABELS).map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </Select>
                ) : (
                  ACTION_STATUS_LABELS[a.status]
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** The meeting's pack: look at it, print it, or save it as a PDF; what was left out is for the office only. */
function PackSection({ session, meeting }: { session: Session; meeting: Meeting }) {
  const [open, setOpen] = useState(false);
  const content = useChannel('packs.content', { meetingId: meeting.id }, { enabled: open });
  return (
    <section aria-label="Meeting pack">
      <Text weight="semibold" as="h2" block>
        Meeting pack
      </Text>
      <Text block>
        {meeting.lastPackAt ? `Last printed or saved ${formatDateTime(meeting.lastPackAt)}.` : 'Not printed or saved yet.'} A pack holds only what the consent register
        allows for every setting invited, and nothing from the safeguarding records.
      </Text>
      {!open ? (
        <Button onClick={() => setOpen(true)}>Prepare the pack</Button>
      ) : content.isPending ? (
        <Loading label="Preparing the pack…" />
      ) : content.data ? (
        <>
          {content.data.omitted.length > 0 && (
            <MessageBar intent="info">
              <MessageBarBody>
                <strong>For the office only (not in the pack):</strong>
                <ul style={{ margin: 0 }}>
                  {content.data.omitted.map((o, i) => (
                    <li key={i}>
                      {o.what}: {o.why}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <PrintActions document="meeting-pack" recordId={`meeting:${meeting.id}`} suggestedName={`${meeting.childName} - meeting pack`} label="Print the pack" />
          </div>
          {can(session, 'packs.save') && <SavePacksPanel meetings={[{ meetingId: meeting.id, childName: meeting.childName }]} />}
          <PrintPortal>
            <MeetingPackPrint pack={content.data.pack} />
          </PrintPortal>
        </>
      ) : (
        <ErrorBar error={content.error} />
      )}
    </section>
  );
}
