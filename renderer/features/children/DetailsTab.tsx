import { Button, Text } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { CHILD_STATUS_LABELS, CHILD_STATUSES, type ChildFile } from '../../../shared/contract/children';
import { contract } from '../../../shared/contract/index';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { describeDays } from '../../../shared/domain/weekdays';
import { useChannel, useChannelMutation } from '../../api';
import { DaysField, FormDialog, ListTextField, SelectField, TextAreaField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { can } from '../../ui/access';
import { Facts } from './Facts';

export function DetailsTab({ file, session }: { file: ChildFile; session: Session }) {
  const [editing, setEditing] = useState(false);
  const c = file.child;
  return (
    <>
      {can(session, 'children.update') && (
        <div>
          <Button icon={<EditRegular />} onClick={() => setEditing(true)}>
            Edit details
          </Button>
        </div>
      )}
      <Facts
        items={[
          ['Legal name', c.legalName],
          ['Preferred name', c.preferredName],
          ['Date of birth', formatDay(c.dateOfBirth)],
          ['Room or group', c.room],
          ['Start date', c.startDate && formatDay(c.startDate)],
          ['Days here', describeDays(c.attendance)],
          ['Home languages', c.homeLanguages.join(', ')],
          ['Key person here', c.keyPersonName],
          ['Status', CHILD_STATUS_LABELS[c.status]],
          ...(c.status !== 'current' || c.leavingDate
            ? ([
                ['Leaving date', c.leavingDate && formatDay(c.leavingDate)],
                ['Went on to', [c.leavingPartnerName, c.leavingDestination].filter(Boolean).join(' — ')],
              ] as [string, string | null][])
            : []),
          ['Notes', c.notes],
        ]}
      />
      <Text size={200}>
        Last changed {formatDateTime(c.updatedAt)}
        {c.updatedByName ? ` by ${c.updatedByName}` : ''}.
      </Text>
      {editing && <EditChildDialog file={file} onClose={() => setEditing(false)} />}
    </>
  );
}

function EditChildDialog({ file, onClose }: { file: ChildFile; onClose: () => void }) {
  const c = file.child;
  const update = useChannelMutation('children.update', ['children', 'consent']);
  const staff = useChannel('setting.staff');
  const partners = useChannel('partners.list', {});
  const form = useContractForm(contract['children.update'].input, {
    childId: c.id,
    legalName: c.legalName,
    preferredName: c.preferredName ?? '',
    dateOfBirth: c.dateOfBirth,
    room: c.room ?? '',
    startDate: c.startDate ?? '',
    attendance: c.attendance,
    homeLanguages: c.homeLanguages,
    keyPersonUserId: c.keyPersonUserId,
    status: c.status,
    leavingDate: c.leavingDate ?? '',
    leavingDestination: c.leavingDestination ?? '',
    leavingPartnerId: c.leavingPartnerId,
    notes: c.notes ?? '',
  });
  const { submit, error } = useFormSubmit(form, (v) => update.mutateAsync(v), onClose);
  const status = form.watch('status');
  return (
    <FormDialog title={`Edit ${c.legalName}`} submitLabel="Save changes" onSubmit={submit} onClose={onClose} pending={update.isPending} error={error} wide>
      <TextField form={form} name="legalName" label="Legal name" required />
      <TextField form={form} name="preferredName" label="Preferred name" />
      <TextField form={form} name="dateOfBirth" label="Date of birth" type="date" required />
      <TextField form={form} name="room" label="Room or group" />
      <TextField form={form} name="startDate" label="Start date" type="date" />
      <DaysField form={form} name="attendance" label="Days and sessions here" />
      <ListTextField form={form} name="homeLanguages" label="Home languages" hint="Separate with commas, e.g. English, Polish." />
      <SelectField
        form={form}
        name="keyPersonUserId"
        label="Key person here"
        emptyLabel="Not chosen yet"
        nullWhenEmpty
        options={(staff.data?.staff ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
      />
      <SelectField
        form={form}
        name="status"
        label="Status"
        hint="Children are never deleted: when they leave, record where they went."
        options={CHILD_STATUSES.map((x) => ({ value: x, label: CHILD_STATUS_LABELS[x] }))}
      />
      {status !== 'current' && (
        <>
          <TextField form={form} name="leavingDate" label="Leaving date" type="date" />
          <SelectField
            form={form}
            name="leavingPartnerId"
            label="Next setting or school (from the directory)"
            emptyLabel="Not in the directory"
            nullWhenEmpty
            options={(partners.data?.partners ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
          <TextField form={form} name="leavingDestination" label="Where they went next (notes)" />
        </>
      )}
      <TextAreaField form={form} name="notes" label="Notes" />
    </FormDialog>
  );
}
