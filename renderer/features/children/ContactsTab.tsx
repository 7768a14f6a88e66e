import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, CheckmarkRegular, EditRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import type { ChildFile, EmergencyContact } from '../../../shared/contract/children';
import { contract } from '../../../shared/contract/index';
import { formatDay, londonDay } from '../../../shared/domain/dates';
import { useChannelMutation } from '../../api';
import { CheckboxField, FormDialog } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar } from '../../ui/Page';
import { can } from '../../ui/access';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' } });

const REFRESH = ['children', 'consent'];

export function ContactsTab({ file, session }: { file: ChildFile; session: Session }) {
  const s = useStyles();
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'edit' | 'remove'; contact: EmergencyContact } | null>(null);
  const move = useChannelMutation('children.moveContact', REFRESH);
  const verify = useChannelMutation('children.updateContact', REFRESH);
  const canEdit = can(session, 'children.updateContact');
  const stale = file.contacts.filter((c) => c.needsCheck);
  return (
    <>
      {file.contacts.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>No emergency contacts are recorded. Ask the parents for at least two.</MessageBarBody>
        </MessageBar>
      )}
      {stale.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Check with parents: {stale.map((c) => c.name).join(', ')} {stale.length === 1 ? 'was' : 'were'} last verified more than {file.contactCheckMonths} months ago.
          </MessageBarBody>
        </MessageBar>
      )}
      {can(session, 'children.addContact') && (
        <div>
          <Button icon={<PersonAddRegular />} onClick={() => setDialog({ kind: 'add' })}>
            Add an emergency contact
          </Button>
        </div>
      )}
      <ErrorBar error={move.error ?? verify.error} />
      {file.contacts.length > 0 && (
        <Table aria-label="Emergency contacts">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Order</TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Phone</TableHeaderCell>
              <TableHeaderCell>Can collect</TableHeaderCell>
              <TableHeaderCell>Last verified</TableHeaderCell>
              {canEdit && <TableHeaderCell>Actions</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {file.contacts.map((c, i) => (
              <TableRow key={c.id}>
                <TableCell>{c.priority}</TableCell>
                <TableCell>
                  <Text weight="semibold">{c.name}</Text>
                  <Text size={200} block>
                    {c.relationship}
                    {c.notes ? ` · ${c.notes}` : ''}
                  </Text>
                </TableCell>
                <TableCell>
                  {c.phone}
                  {c.altPhone && <Text block>{c.altPhone}</Text>}
                </TableCell>
                <TableCell>{c.canCollect ? 'Yes' : 'No'}</TableCell>
                <TableCell>
                  {formatDay(c.lastVerifiedOn)} {c.needsCheck && <Badge color="warning">Check with parents</Badge>}
                </TableCell>
                {canEdit && (
                  <TableCell>
                    <div className={s.actions}>
                      <Button size="small" icon={<ArrowUpRegular />} disabled={i === 0 || move.isPending} aria-label={`Move ${c.name} up`} onClick={() => move.mutate({ contactId: c.id, direction: 'up' })} />
                      <Button
                        size="small"
                        icon={<ArrowDownRegular />}
                        disabled={i === file.contacts.length - 1 || move.isPending}
                        aria-label={`Move ${c.name} down`}
                        onClick={() => move.mutate({ contactId: c.id, direction: 'down' })}
                      />
                      <Button size="small" icon={<CheckmarkRegular />} onClick={() => verify.mutate({ contactId: c.id, lastVerifiedOn: londonDay() })}>
                        Verified today
                      </Button>
                      <Button size="small" icon={<EditRegular />} onClick={() => setDialog({ kind: 'edit', contact: c })} aria-label={`Edit ${c.name}`}>
                        Edit
                      </Button>
                      <Button size="small" onClick={() => setDialog({ kind: 'remove', contact: c })} aria-label={`Remove ${c.name}`}>
                        Remove
                      </Button>
                    </div>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {dialog?.kind === 'add' && <AddContactDialog childId={file.child.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditContactDialog contact={dialog.contact} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'remove' && <RemoveContactDialog contact={dialog.contact} onClose={() => setDialog(null)} />}
    </>
  );
}

function AddContactDialog({ childId, onClose }: { childId: string; onClose: () => void }) {
  const add = useChannelMutation('children.addContact', REFRESH);
  const form = useContractForm(contract['children.addContact'].input, {
    childId,
    name: '',
    relationship: '',
    phone: '',
    altPhone: '',
    canCollect: false,
    lastVerifiedOn: londonDay(),
    notes: '',
  });
  const { submit, error } = useFormSubmit(form, (v) => add.mutateAsync(v), onClose);
  return (
    <FormDialog title="Add an emergency contact" submitLabel="Add" onSubmit={submit} onClose={onClose} pending={add.isPending} error={error}>
      <TextField form={form} name="name" label="Name" required />
      <TextField form={form} name="relationship" label="Relationship to the child" required />
      <TextField form={form} name="phone" label="Phone" required />
      <TextField form={form} name="altPhone" label="Other phone" />
      <CheckboxField form={form} name="canCollect" label="May collect the child" />
      <TextField form={form} name="lastVerifiedOn" label="Last verified with the parents" type="date" required />
      <TextField form={form} name="notes" label="Notes" />
    </FormDialog>
  );
}

function EditContactDialog({ contact, onClose }: { contact: EmergencyContact; onClose: () => void }) {
  const update = useChannelMutation('children.updateContact', REFRESH);
  const form = useContractForm(contract['children.updateContact'].input, {
    contactId: contact.id,
    name: contact.name,
    relationship: contact.relationship,
    phone: contact.phone,
    altPhone: contact.altPhone ?? '',
    canCollect: contact.canCollect,
    lastVerifiedOn: contact.lastVerifiedOn,
    notes: contact.notes ?? '',
  });
  const { submit, error } = useFormSubmit(form, (v) => update.mutateAsync(v), onClose);
  return (
    <FormDialog title={`Edit ${contact.name}`} submitLabel="Save changes" onSubmit={submit} onClose={onClose} pending={update.isPending} error={error}>
      <TextField form={form} name="name" label="Name" required />
      <TextField form={form} name="relationship" label="Relationship to the child" required />
      <TextField form={form} name="phone" label="Phone" required />
      <TextField form={form} name="altPhone" label="Other phone" />
      <CheckboxField form={form} name="canCollect" label="May collect the child" />
      <TextField form={form} name="lastVerifiedOn" label="Last verified with the parents" type="date" required />
      <TextField form={form} name="notes" label="Notes" />
    </FormDialog>
  );
}

function RemoveContactDialog({ contact, onClose }: { contact: EmergencyContact; onClose: () => void }) {
  const remove = useChannelMutation('children.removeContact', REFRESH);
  const form = useContractForm(contract['children.removeContact'].input, { contactId: contact.id, reason: '' });
  const { submit, error } = useFormSubmit(form, (v) => remove.mutateAsync(v), onClose);
  return (
    <FormDialog title={`Remove ${contact.name}?`} submitLabel="Remove" onSubmit={submit} onClose={onClose} pending={remove.isPending} error={error}>
      <Text>They come off the list of emergency contacts. The record of them stays, with your reason.</Text>
      <TextField form={form} name="reason" label="Reason" hint="For example: parents asked us to remove them." required />
    </FormDialog>
  );
}
