import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { concernsChannels } from '../../../shared/contract/concerns';
import { formatDay } from '../../../shared/domain/dates';
import { today } from '../../../shared/domain/weeks';
import { useChannel, useChannelMutation } from '../../api';
import { can } from '../../ui/access';
import { FormDialog, SelectField, TextAreaField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading, Page } from '../../ui/Page';
import { childDisplayName } from '../../../shared/domain/names';

/**
 * `#/concerns/visits[?child=<id>]`: visiting professionals (our partnership policy, 1.6: staff from
 * other agencies never have unsupervised access to the children). A visit is saved only with the
 * member of staff who stayed with them.
 */
export function VisitsView({ session, childId }: { session: Session; childId?: string }) {
  const visits = useChannel('visits.list', { childId }, { enabled: can(session, 'visits.list') });
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title="Visiting professionals"
      actions={
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setAdding(true)}>
          Record a visit
        </Button>
      }
    >
      <Text>Visitors from other agencies are never left alone with children. Record who came, why, and who stayed with them.</Text>
      <ErrorBar error={visits.error} />
      {can(session, 'visits.list') &&
        (visits.isPending ? (
          <Loading />
        ) : visits.data && visits.data.visits.length > 0 ? (
          <Table aria-label="Visiting professionals" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Date</TableHeaderCell>
                <TableHeaderCell>Visitor</TableHeaderCell>
                <TableHeaderCell>Child</TableHeaderCell>
                <TableHeaderCell>Why</TableHeaderCell>
                <TableHeaderCell>Stayed with them</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {visits.data.visits.map((v) => (
                <TableRow key={v.id}>
                  <TableCell>
                    {formatDay(v.visitOn)}, {v.arrivedAt}
                    {v.leftAt ? `–${v.leftAt}` : ''}
                  </TableCell>
                  <TableCell>
                    {v.visitorName} ({v.agency})
                  </TableCell>
                  <TableCell>{v.childName ?? '—'}</TableCell>
                  <TableCell>{v.purpose}</TableCell>
                  <TableCell>{v.supervisedByName}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Text>No visits recorded.</Text>
        ))}
      {adding && <VisitDialog childId={childId} onClose={() => setAdding(false)} />}
    </Page>
  );
}

function VisitDialog({ childId, onClose }: { childId?: string; onClose: () => void }) {
  const save = useChannelMutation('visits.record', ['visits', 'concerns']);
  const staff = useChannel('concerns.staff');
  const children = useChannel('children.list', {});
  const form = useContractForm(concernsChannels['visits.record'].input, {
    childId,
    visitorName: '',
    agency: '',
    visitOn: today(),
    arrivedAt: '',
    purpose: '',
    supervisedByUserId: '',
  });
  const { submit, error } = useFormSubmit(form, (v) => save.mutateAsync({ ...v, childId: v.childId || undefined }), onClose);
  return (
    <FormDialog title="Record a visit" submitLabel="Record the visit" onSubmit={submit} onClose={onClose} error={error} pending={form.formState.isSubmitting}>
      <TextField form={form} name="visitorName" label="The visitor’s name" required />
      <TextField form={form} name="agency" label="Their agency" hint="For example: health visiting, speech and language therapy, social care." required />
      <SelectField
        form={form}
        name="childId"
        label="Which child they came to see"
        emptyLabel="No particular child"
        options={(children.data?.children ?? []).map((c) => ({ value: c.id, label: childDisplayName(c) }))}
      />
      <TextField form={form} name="visitOn" label="Date" type="date" required max={today()} />
      <TextField form={form} name="arrivedAt" label="Arrived at" type="time" required />
      <TextField form={form} name="leftAt" label="Left at" type="time" />
      <TextAreaField form={form} name="purpose" label="Why they visited" required rows={2} />
      <SelectField
        form={form}
        name="supervisedByUserId"
        label="Who stayed with them"
        hint="Visitors are never left alone with children."
        required
        emptyLabel="Choose a member of staff"
        options={(staff.data?.staff ?? []).map((u) => ({ value: u.userId, label: u.name }))}
      />
    </FormDialog>
  );
}
