import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useFieldArray } from 'react-hook-form';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  ATTENDANCE_WAY_LABELS,
  ATTENDANCE_WAYS,
  meetingRecordInputSchema,
  STEP_PLACE_LABELS,
  STEP_PLACES,
  type Meeting,
} from '../../../shared/contract/meetings';
import { formatDay } from '../../../shared/domain/dates';
import { useChannelMutation } from '../../api';
import { ChecklistField, FormDialog, GroupField, SelectField, TextAreaField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '2fr 1.5fr 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  step: { display: 'grid', gridTemplateColumns: '3fr 1.2fr 1.2fr auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  carried: { display: 'grid', gridTemplateColumns: '3fr 1.3fr', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

const HOW_BY_FORMAT = { 'in-person': 'in-person', video: 'video', phone: 'phone' } as const;

/**
 * What happened at a joint meeting: who took part and how, the next steps agreed (at home, here, at
 * the other setting), actions with owners and dates, what became of the actions carried from last
 * time, and notes. Starts with everyone invited, as they were expected to join.
 */
export function RecordMeetingDialog({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const s = useStyles();
  const record = useChannelMutation('meetings.record', ['meetings', 'packs']);
  const form = useContractForm(meetingRecordInputSchema, {
    meetingId: meeting.id,
    attendees: meeting.invitees.map((i) => ({ name: i.name, role: i.role, how: HOW_BY_FORMAT[meeting.format] })),
    observationIds: [],
    nextSteps: [],
    actions: [],
    carried: meeting.carried.map((a) => ({ actionId: a.id, status: a.status, note: '' })),
    notes: '',
  });
  const attendees = useFieldArray({ control: form.control, name: 'attendees' });
  const steps = useFieldArray({ control: form.control, name: 'nextSteps' });
  const actions = useFieldArray({ control: form.control, name: 'actions' });
  const { submit, error } = useFormSubmit(form, (v) => record.mutateAsync(v), onClose);
  return (
    <FormDialog title={`Record the meeting for ${meeting.childName}`} submitLabel="Save the record" onSubmit={submit} onClose={onClose} error={error} pending={form.formState.isSubmitting} wide>
      <GroupField label="Who took part" message={form.formState.errors.attendees?.message ?? form.formState.errors.attendees?.root?.message}>
        {attendees.fields.map((f, i) => (
          <div key={f.id} className={s.row}>
            <TextField form={form} name={`attendees.${i}.name`} label="Name" />
            <TextField form={form} name={`attendees.${i}.role`} label="Who they are" />
            <SelectField form={form} name={`attendees.${i}.how`} label="How" options={ATTENDANCE_WAYS.map((w) => ({ value: w, label: ATTENDANCE_WAY_LABELS[w] }))} />
            <Button icon={<DeleteRegular />} aria-label={`Remove ${f.name || 'this person'}`} onClick={() => attendees.remove(i)} />
          </div>
        ))}
        <Button icon={<AddRegular />} onClick={() => attendees.append({ name: '', role: '', how: 'in-person' })}>
          Add someone
        </Button>
      </GroupField>

      {meeting.carried.length > 0 && (
        <GroupField label="Actions from earlier meetings" hint="Actions still not done carry on to the next meeting.">
          {meeting.carried.map((a, i) => (
            <div key={a.id} className={s.carried}>
              <Text>
                {a.text} ({a.owner}
                {a.dueOn ? `, by ${formatDay(a.dueOn)}` : ''})
              </Text>
              <SelectField form={form} name={`carried.${i}.status`} label="Now" options={ACTION_STATUSES.map((st) => ({ value: st, label: ACTION_STATUS_LABELS[st] }))} />
            </div>
          ))}
        </GroupField>
      )}

      {meeting.termObservations.length > 0 && (
        <ChecklistField
          form={form}
          name="observationIds"
          label="Observations discussed"
          hint="This term’s observations, ours and the other settings’."
          options={meeting.termObservations.map((o) => ({ value: o.id, label: `${formatDay(o.observedOn)}${o.fromPartner ? ` (${o.fromPartner})` : ''}: ${o.text.length > 90 ? `${o.text.slice(0, 90)}…` : o.text}` }))}
        />
      )}

      <GroupField label="Next steps agreed">
        {steps.fields.map((f, i) => (
          <div key={f.id} className={s.step}>
            <TextField form={form} name={`nextSteps.${i}.text`} label="Next step" />
            <SelectField form={form} name={`nextSteps.${i}.where`} label="Where" options={STEP_PLACES.map((p) => ({ value: p, label: STEP_PLACE_LABELS[p] }))} />
            <TextField form={form} name={`nextSteps.${i}.who`} label="Who" />
            <Button icon={<DeleteRegular />} aria-label="Remove this next step" onClick={() => steps.remove(i)} />
          </div>
        ))}
        <Button icon={<AddRegular />} onClick={() => steps.append({ text: '', where: 'home', who: '' })}>
          Add a next step
        </Button>
      </GroupField>

      <GroupField label="Actions">
        {actions.fields.map((f, i) => (
          <div key={f.id} className={s.step}>
            <TextField form={form} name={`actions.${i}.text`} label="Action" />
            <TextField form={form} name={`actions.${i}.owner`} label="Who will do it" />
            <TextField form={form} name={`actions.${i}.dueOn`} label="By" type="date" />
            <Button icon={<DeleteRegular />} aria-label="Remove this action" onClick={() => actions.remove(i)} />
          </div>
        ))}
        <Button icon={<AddRegular />} onClick={() => actions.append({ text: '', owner: '', dueOn: null })}>
          Add an action
        </Button>
      </GroupField>

      <TextAreaField form={form} name="notes" label="Notes" rows={4} />
    </FormDialog>
  );
}
