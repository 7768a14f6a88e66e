import {
  Badge,
  Button,
  Card,
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
import { AddRegular, CalendarEditRegular, DocumentPdfRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { MEETING_FORMAT_LABELS, meetingsChannels } from '../../../shared/contract/meetings';
import { childDisplayName } from '../../../shared/domain/names';
import { formatDay } from '../../../shared/domain/dates';
import { useChannel, useChannelMutation } from '../../api';
import { href, navigate, type Route } from '../../router';
import { can } from '../../ui/access';
import { FormDialog, SelectField } from '../../ui/fields';
import { useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading, Page, VisuallyHidden } from '../../ui/Page';
import { BookMeetingDialog } from './BookMeetingDialog';
import { MeetingView } from './MeetingView';
import { PackBatch } from './PackBatch';
import { TermDates } from './TermDates';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  office: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const STATUS_BADGE = {
  missing: { color: 'warning', label: 'Not booked' },
  booked: { color: 'informative', label: 'Booked' },
  held: { color: 'success', label: 'Held' },
} as const;

/** `#/meetings…`: the term planner; `/meetings/<id>` one meeting; `/meetings/packs` a batch of packs; `/meetings/terms` term dates. */
export function MeetingsPage({ session, route }: { session: Session; route: Route }) {
  const [, second] = route.segments;
  if (second === 'packs') return <PackBatch session={session} />;
  if (second === 'terms') return <TermDates session={session} />;
  if (second) return <MeetingView key={second} session={session} meetingId={second} />;
  return <Planner session={session} termId={route.query.get('term') ?? undefined} />;
}

function Planner({ session, termId }: { session: Session; termId?: string }) {
  const s = useStyles();
  const terms = useChannel('terms.list');
  const chosen = termId ?? terms.data?.currentTermId ?? undefined;
  const [room, setRoom] = useState('');
  const [keyPerson, setKeyPerson] = useState('');
  const planner = useChannel('meetings.planner', { termId: chosen ?? '', room: room || undefined, keyPersonUserId: keyPerson || undefined }, { enabled: !!chosen });
  const [booking, setBooking] = useState<{ childId: string; childName: string } | null>(null);
  const [adding, setAdding] = useState(false);
  const canBook = can(session, 'meetings.book');

  return (
    <Page
      title="Termly joint meetings"
      actions={
        <>
          {can(session, 'packs.save') && (
            <Button icon={<DocumentPdfRegular />} onClick={() => navigate('/meetings/packs')}>
              Meeting packs
            </Button>
          )}
          {can(session, 'terms.save') && (
            <Button icon={<CalendarEditRegular />} onClick={() => navigate('/meetings/terms')}>
              Term dates
            </Button>
          )}
        </>
      }
    >
      <Text>
        Key persons and parents meet each term to talk about the child’s observations and next steps, at one of the settings, by video or
        by phone (the information sharing tool we follow recommends it for every child in shared care).
      </Text>
      <ThisTerm />
      <ErrorBar error={terms.error ?? planner.error} />
      <div className={s.filters}>
        <Field label="Term">
          <Select value={chosen ?? ''} onChange={(_e, d) => navigate(`/meetings?term=${d.value}`)}>
            {(terms.data?.terms ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.label} ({formatDay(t.startsOn)} to {formatDay(t.endsOn)})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Room">
          <Select value={room} onChange={(_e, d) => setRoom(d.value)}>
            <option value="">All rooms</option>
            {(planner.data?.rooms ?? []).map((r) => (
              <option key={r}>{r}</option>
            ))}
          </Select>
        </Field>
        <Field label="Key person">
          <Select value={keyPerson} onChange={(_e, d) => setKeyPerson(d.value)}>
            <option value="">Everyone</option>
            {(planner.data?.keyPersons ?? []).map((k) => (
              <option key={k.userId} value={k.userId}>
                {k.name}
              </option>
            ))}
          </Select>
        </Field>
        {can(session, 'meetings.addChild') && (
          <Button icon={<AddRegular />} onClick={() => setAdding(true)}>
            Add a child
          </Button>
        )}
      </div>
      {planner.isPending && chosen ? (
        <Loading />
      ) : planner.data && planner.data.rows.length > 0 ? (
        <Table aria-label={`Joint meetings, ${planner.data.term.label}`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Child</TableHeaderCell>
              <TableHeaderCell>Room</TableHeaderCell>
              <TableHeaderCell>Key person</TableHeaderCell>
              <TableHeaderCell>Other settings</TableHeaderCell>
              <TableHeaderCell>Meeting</TableHeaderCell>
              <TableHeaderCell>
                <VisuallyHidden>Actions</VisuallyHidden>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {planner.data.rows.map((r) => (
              <TableRow key={r.childId}>
                <TableCell>
                  <a href={href(`/children/${r.childId}`)}>{r.childName}</a>
                  {r.why === 'added' && <Text size={200}> (added by the office)</Text>}
                </TableCell>
                <TableCell>{r.room ?? ''}</TableCell>
                <TableCell>{r.keyPersonName ?? 'None chosen'}</TableCell>
                <TableCell>{r.partners.join(', ') || 'None'}</TableCell>
                <TableCell>
                  <Badge color={STATUS_BADGE[r.status].color}>{STATUS_BADGE[r.status].label}</Badge>{' '}
                  {r.meeting && (
                    <a href={href(`/meetings/${r.meeting.id}`)}>
                      {formatDay(r.meeting.on)}, {r.meeting.at} ({MEETING_FORMAT_LABELS[r.meeting.format].toLowerCase()})
                    </a>
                  )}
                  {r.meeting?.clash && (
                    <Badge color="danger" style={{ marginLeft: 4 }}>
                      Clash
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  {r.status === 'missing' && canBook && (
                    <Button size="small" onClick={() => setBooking({ childId: r.childId, childName: r.childName })}>
                      Book a meeting
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        planner.data && <Text>No children in shared care this term{room || keyPerson ? ' for this room or key person' : ''}. Add a child who needs a joint meeting.</Text>
      )}
      {booking && (
        <BookMeetingDialog
          childId={booking.childId}
          childName={booking.childName}
          term={planner.data?.term}
          onClose={() => setBooking(null)}
          onBooked={(id) => navigate(`/meetings/${id}`)}
        />
      )}
      {adding && chosen && <AddChildDialog termId={chosen} onClose={() => setAdding(false)} />}
    </Page>
  );
}

/** The office's "this term": meetings to book, packs to print, actions overdue. */
function ThisTerm() {
  const s = useStyles();
  const view = useChannel('meetings.thisTerm');
  if (!view.data) return <ErrorBar error={view.error} />;
  const { toBook, packsToPrint, overdueActions, term } = view.data;
  return (
    <section aria-label={`This term: ${term.label}`} className={s.office}>
      <Card>
        <Text weight="semibold">{toBook.length === 0 ? 'Every meeting this term is booked' : `${toBook.length} to book this term`}</Text>
        <Text size={200}>{term.label}</Text>
      </Card>
      <Card>
        <Text weight="semibold">{packsToPrint.length === 0 ? 'No packs to print for the next fortnight' : `${packsToPrint.length} packs to print for the next fortnight`}</Text>
        <ul className={s.list}>
          {packsToPrint.map((p) => (
            <li key={p.meetingId}>
              <a href={href(`/meetings/${p.meetingId}`)}>{p.childName}</a>, {formatDay(p.on)} at {p.at}
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <Text weight="semibold">{overdueActions.length === 0 ? 'No actions overdue' : `${overdueActions.length} actions overdue`}</Text>
        <ul className={s.list}>
          {overdueActions.map((a) => (
            <li key={a.id}>
              {a.childName}: {a.text} ({a.owner}, due {a.dueOn ? formatDay(a.dueOn) : ''})
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}

function AddChildDialog({ termId, onClose }: { termId: string; onClose: () => void }) {
  const children = useChannel('children.list', {});
  const add = useChannelMutation('meetings.addChild', ['meetings']);
  const form = useContractForm(meetingsChannels['meetings.addChild'].input, { termId, childId: '' });
  const { submit, error } = useFormSubmit(form, (v) => add.mutateAsync(v), onClose);
  return (
    <FormDialog title="Add a child to this term’s meetings" submitLabel="Add to the planner" onSubmit={submit} onClose={onClose} error={error} pending={form.formState.isSubmitting}>
      <Text>For a child not in shared care who needs a joint meeting this term (for example, with a health visitor or a speech and language therapist).</Text>
      <SelectField
        form={form}
        name="childId"
        label="Child"
        required
        emptyLabel="Choose a child…"
        options={(children.data?.children ?? []).map((c) => ({ value: c.id, label: childDisplayName(c) }))}
      />
    </FormDialog>
  );
}
