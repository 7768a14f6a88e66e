import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { MEETING_FORMAT_LABELS, MEETING_FORMATS, meetingBookSchema, type Meeting, type Term } from '../../../shared/contract/meetings';
import type { OutputOf } from '../../../shared/contract/index';
import { formatDay } from '../../../shared/domain/dates';
import { today } from '../../../shared/domain/weeks';
import { useChannel, useChannelMutation } from '../../api';
import { ChecklistField, FormDialog, NumberField, SelectField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { Loading } from '../../ui/Page';

type Clashes = OutputOf<'meetings.book'>['clashes'];

/**
 * Book a child's joint meeting, or change a booking: when, how (at a setting, a video call with its
 * link, a phone conference with its number) and who is invited. Parents with parental
 * responsibility, the key person and each partner's key person are ticked to start with.
 */
export function BookMeetingDialog({
  childId,
  childName,
  meeting,
  term,
  onClose,
  onBooked,
}: {
  childId: string;
  childName: string;
  meeting?: Meeting;
  /** The term the planner shows: a new booking starts on a day in it. */
  term?: Term;
  onClose: () => void;
  onBooked: (id: string) => void;
}) {
  const invitable = useChannel('meetings.invitable', { childId });
  if (!invitable.data) return <FormDialog title={`Book a joint meeting for ${childName}`} submitLabel="Book" onSubmit={(e) => e.preventDefault()} onClose={onClose} error={invitable.error?.message}><Loading /></FormDialog>;
  return <BookingForm childId={childId} childName={childName} meeting={meeting} term={term} invitable={invitable.data} onClose={onClose} onBooked={onBooked} />;
}

function BookingForm({
  childId,
  childName,
  meeting,
  term,
  invitable,
  onClose,
  onBooked,
}: {
  childId: string;
  childName: string;
  meeting?: Meeting;
  term?: Term;
  invitable: OutputOf<'meetings.invitable'>;
  onClose: () => void;
  onBooked: (id: string) => void;
}) {
  const book = useChannelMutation('meetings.book', ['meetings']);
  const update = useChannelMutation('meetings.update', ['meetings']);
  const ids = (kind: string) => meeting?.invitees.filter((i) => i.kind === kind).map((i) => i.id);
  const form = useContractForm(meetingBookSchema, {
    childId,
    on: meeting?.on ?? firstDayToBook(term),
    at: meeting?.at ?? '15:30',
    durationMinutes: meeting?.durationMinutes ?? 45,
    format: meeting?.format ?? 'in-person',
    venuePartnerId: meeting?.venuePartnerId ?? null,
    videoLink: meeting?.videoLink ?? '',
    phoneNumber: meeting?.phoneNumber ?? '',
    carerIds: ids('carer') ?? invitable.carers.filter((c) => c.parentalResponsibility).map((c) => c.id),
    staffUserIds: ids('staff') ?? invitable.staff.filter((s) => s.isKeyPerson).map((s) => s.id),
    sharedCareIds: ids('partner') ?? invitable.partners.map((p) => p.sharedCareId),
  });
  const [clashes, setClashes] = useState<{ id: string; clashes: Clashes } | null>(null);
  const format = form.watch('format');
  const { submit, error } = useFormSubmit(
    form,
    async (v) => {
      const { childId: _child, ...booking } = v;
      const result = meeting ? await update.mutateAsync({ meetingId: meeting.id, ...booking }) : await book.mutateAsync(v);
      // A clash is booked all the same (the office may mean it), but said plainly before moving on.
      if (result.clashes.length > 0) setClashes(result);
      else onBooked(result.id);
    },
    () => undefined,
  );

  if (clashes) {
    return (
      <FormDialog title="Booked, with a clash" submitLabel="Open the meeting" onSubmit={(e) => (e.preventDefault(), onBooked(clashes.id))} onClose={() => onBooked(clashes.id)}>
        <MessageBar intent="warning">
          <MessageBarBody>
            {clashes.clashes.map((c) => (
              <div key={c.meetingId}>
                {c.personName} is also in {c.childName}’s meeting on {formatDay(c.on)} at {c.at}.
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
        <Text>Change one of the meetings if the same person cannot be at both.</Text>
      </FormDialog>
    );
  }

  return (
    <FormDialog
      title={meeting ? `Change the joint meeting for ${childName}` : `Book a joint meeting for ${childName}`}
      submitLabel={meeting ? 'Save the changes' : 'Book the meeting'}
      onSubmit={submit}
      onClose={onClose}
      error={error}
      pending={form.formState.isSubmitting}
      wide
    >
      <TextField
        form={form}
        name="on"
        label="Date"
        type="date"
        required
        hint={term && !meeting ? `${term.label}: ${formatDay(term.startsOn)} to ${formatDay(term.endsOn)}.` : undefined}
      />
      <TextField form={form} name="at" label="Time" type="time" required />
      <NumberField form={form} name="durationMinutes" label="How long (minutes)" required />
      <SelectField form={form} name="format" label="How the meeting is held" required options={MEETING_FORMATS.map((f) => ({ value: f, label: MEETING_FORMAT_LABELS[f] }))} />
      {format === 'in-person' && (
        <SelectField
          form={form}
          name="venuePartnerId"
          label="At which setting"
          nullWhenEmpty
          emptyLabel={`Here (${invitable.settingName})`}
          options={invitable.partners.map((p) => ({ value: p.partnerId, label: p.partnerName }))}
        />
      )}
      {format === 'video' && <TextField form={form} name="videoLink" label="Link to join the video call" hint="Starts https:// (Teams, Zoom, Skype…)" required />}
      {format === 'phone' && <TextField form={form} name="phoneNumber" label="Number to dial" hint="With the PIN or code, if there is one" required />}
      <ChecklistField
        form={form}
        name="carerIds"
        label="Parents and carers"
        hint="Those with parental responsibility are ticked to start with."
        options={invitable.carers.map((c) => ({ value: c.id, label: `${c.name}${c.relationship ? ` (${c.relationship})` : ''}${c.parentalResponsibility ? '' : ', no parental responsibility'}` }))}
      />
      <ChecklistField
        form={form}
        name="staffUserIds"
        label={`Staff at ${invitable.settingName}`}
        options={invitable.staff.map((s) => ({ value: s.id, label: s.isKeyPerson ? `${s.name} (key person)` : s.name }))}
      />
      {invitable.partners.length > 0 && (
        <ChecklistField
          form={form}
          name="sharedCareIds"
          label="The other settings’ key persons"
          options={invitable.partners.map((p) => ({ value: p.sharedCareId, label: `${p.keyPersonName ?? 'Key person'} at ${p.partnerName}` }))}
        />
      )}
    </FormDialog>
  );
}

/** The term's first day when the term is still to come; otherwise today. */
function firstDayToBook(term: Term | undefined): string {
  const now = today();
  return term && now < term.startsOn ? term.startsOn : now;
}
