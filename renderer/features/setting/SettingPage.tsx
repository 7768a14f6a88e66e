import {
  Badge,
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { contract } from '../../../shared/contract/index';
import { POLICY_SUGGESTIONS, type Policy, type SettingProfile } from '../../../shared/contract/setting';
import { formatDateTime, formatDay, londonDay } from '../../../shared/domain/dates';
import { addMonthsToDay } from '../../../shared/domain/weekdays';
import { useChannel, useChannelMutation } from '../../api';
import { FormDialog, SelectField, TextAreaField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading, Page } from '../../ui/Page';
import { can } from '../../ui/access';
import { Facts } from '../children/Facts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

/** Our setting: details for partners and the information sharing tool (seed 000), and our policies with review dates. */
export function SettingPage({ session }: { session: Session }) {
  const profile = useChannel('setting.get');
  const s = useStyles();
  return (
    <Page title="Our setting">
      {profile.isPending ? <Loading /> : profile.error ? <ErrorBar error={profile.error} /> : <Details profile={profile.data} session={session} />}
      <section className={s.section} aria-label="Policies">
        <Title3 as="h2" className={s.heading}>Policies</Title3>
        <Policies session={session} />
      </section>
    </Page>
  );
}

function Details({ profile: p, session }: { profile: SettingProfile; session: Session }) {
  const s = useStyles();
  const [editing, setEditing] = useState(false);
  if (editing) return <DetailsForm profile={p} onDone={() => setEditing(false)} />;
  return (
    <section className={s.section} aria-label="Details">
      <Facts
        items={[
          ['Name', p.name],
          ['Address', p.address],
          ['Ofsted URN', p.urn],
          ['Phone', p.phone],
          ['Email', p.email],
          ['Opening hours', p.openingHours],
          ['Designated safeguarding lead', p.dslName],
          ['Deputy DSL', p.deputyDslName],
          ['Manager', p.managerName],
        ]}
      />
      {p.updatedAt && (
        <Text size={200}>
          Last changed {formatDateTime(p.updatedAt)}
          {p.updatedByName ? ` by ${p.updatedByName}` : ''}.
        </Text>
      )}
      {can(session, 'setting.update') && (
        <div>
          <Button onClick={() => setEditing(true)}>Edit details</Button>
        </div>
      )}
    </section>
  );
}

function DetailsForm({ profile: p, onDone }: { profile: SettingProfile; onDone: () => void }) {
  const s = useStyles();
  const update = useChannelMutation('setting.update', ['setting', 'settings', 'setup']);
  const staff = useChannel('setting.staff');
  const form = useContractForm(contract['setting.update'].input, {
    name: p.name,
    address: p.address ?? '',
    urn: p.urn ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    openingHours: p.openingHours ?? '',
    dslUserId: p.dslUserId,
    deputyDslUserId: p.deputyDslUserId,
    managerUserId: p.managerUserId,
  });
  const { submit, error } = useFormSubmit(form, (v) => update.mutateAsync(v), onDone);
  const people = (staff.data?.staff ?? []).map((u) => ({ value: u.id, label: u.fullName }));
  return (
    <form className={s.form} onSubmit={submit} noValidate aria-label="Setting details">
      <TextField form={form} name="name" label="Name of the setting" required />
      <TextAreaField form={form} name="address" label="Address" rows={2} />
      <div className={s.pair}>
        <TextField form={form} name="urn" label="Ofsted URN" hint="e.g. EY123456" />
        <TextField form={form} name="phone" label="Phone" />
      </div>
      <div className={s.pair}>
        <TextField form={form} name="email" label="Email" type="email" />
        <TextField form={form} name="openingHours" label="Opening hours" />
      </div>
      <SelectField form={form} name="dslUserId" label="Designated safeguarding lead" emptyLabel="Not chosen" nullWhenEmpty options={people} />
      <SelectField form={form} name="deputyDslUserId" label="Deputy DSL" emptyLabel="Not chosen" nullWhenEmpty options={people} />
      <SelectField form={form} name="managerUserId" label="Manager" emptyLabel="Not chosen" nullWhenEmpty options={people} />
      <ErrorBar error={error} />
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={update.isPending}>
          Save details
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function Policies({ session }: { session: Session }) {
  const s = useStyles();
  const list = useChannel('setting.policies');
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'review' | 'retire'; policy: Policy } | null>(null);
  const canEdit = can(session, 'setting.reviewPolicy');
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorBar error={list.error} />;
  return (
    <>
      {can(session, 'setting.addPolicy') && (
        <div>
          <Button icon={<AddRegular />} onClick={() => setDialog({ kind: 'add' })}>
            Add a policy
          </Button>
        </div>
      )}
      {list.data.policies.length === 0 ? (
        <Text>No policies recorded yet. Start with information sharing and safeguarding.</Text>
      ) : (
        <Table aria-label="Policies">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Policy</TableHeaderCell>
              <TableHeaderCell>Adopted</TableHeaderCell>
              <TableHeaderCell>Last reviewed</TableHeaderCell>
              <TableHeaderCell>Next review</TableHeaderCell>
              {canEdit && <TableHeaderCell>Actions</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.policies.map((p) => (
              <TableRow key={p.id}>
                <TableCell>
                  <Text weight="semibold">{p.title}</Text>
                  {p.notes && (
                    <Text size={200} block>
                      {p.notes}
                    </Text>
                  )}
                </TableCell>
                <TableCell>{formatDay(p.adoptedOn)}</TableCell>
                <TableCell>
                  {p.lastReviewedOn ? formatDay(p.lastReviewedOn) : 'Not yet'}
                  {p.reviews[0]?.note && (
                    <Text size={200} block>
                      {p.reviews[0].note}
                    </Text>
                  )}
                </TableCell>
                <TableCell>
                  {formatDay(p.nextReviewOn)} {p.overdue && <Badge color="danger">Overdue</Badge>}
                </TableCell>
                {canEdit && (
                  <TableCell>
                    <div className={s.actions}>
                      <Button size="small" onClick={() => setDialog({ kind: 'review', policy: p })} aria-label={`Record a review of ${p.title}`}>
                        Record review
                      </Button>
                      <Button size="small" onClick={() => setDialog({ kind: 'retire', policy: p })} aria-label={`Retire ${p.title}`}>
                        No longer used
                      </Button>
                    </div>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {dialog?.kind === 'add' && <AddPolicyDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'review' && <ReviewPolicyDialog policy={dialog.policy} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'retire' && <RetirePolicyDialog policy={dialog.policy} onClose={() => setDialog(null)} />}
    </>
  );
}

function AddPolicyDialog({ onClose }: { onClose: () => void }) {
  const add = useChannelMutation('setting.addPolicy');
  const form = useContractForm(contract['setting.addPolicy'].input, { title: '', adoptedOn: '', nextReviewOn: '', notes: '' });
  const { submit, error } = useFormSubmit(form, (v) => add.mutateAsync(v), onClose);
  return (
    <FormDialog title="Add a policy" submitLabel="Add policy" onSubmit={submit} onClose={onClose} pending={add.isPending} error={error}>
      <TextField form={form} name="title" label="Title" list="policy-suggestions" required />
      <datalist id="policy-suggestions">
        {POLICY_SUGGESTIONS.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <TextField form={form} name="adoptedOn" label="Adopted on" type="date" required />
      <TextField form={form} name="nextReviewOn" label="Next review" type="date" required hint="Most settings review each policy every year." />
      <TextAreaField form={form} name="notes" label="Notes" rows={2} hint="e.g. adopted at the committee meeting; where the signed copy is." />
    </FormDialog>
  );
}

function ReviewPolicyDialog({ policy, onClose }: { policy: Policy; onClose: () => void }) {
  const review = useChannelMutation('setting.reviewPolicy');
  const today = londonDay();
  const form = useContractForm(contract['setting.reviewPolicy'].input, { policyId: policy.id, reviewedOn: today, nextReviewOn: addMonthsToDay(today, 12), note: '' });
  const { submit, error } = useFormSubmit(form, (v) => review.mutateAsync(v), onClose);
  return (
    <FormDialog title={`Review of ${policy.title}`} submitLabel="Record review" onSubmit={submit} onClose={onClose} pending={review.isPending} error={error}>
      <TextField form={form} name="reviewedOn" label="Reviewed on" type="date" required />
      <TextField form={form} name="nextReviewOn" label="Next review" type="date" required />
      <TextAreaField form={form} name="note" label="Note" rows={2} hint="Who reviewed it and what changed." />
    </FormDialog>
  );
}

function RetirePolicyDialog({ policy, onClose }: { policy: Policy; onClose: () => void }) {
  const retire = useChannelMutation('setting.retirePolicy');
  const form = useContractForm(contract['setting.retirePolicy'].input, { policyId: policy.id, reason: '' });
  const { submit, error } = useFormSubmit(form, (v) => retire.mutateAsync(v), onClose);
  return (
    <FormDialog title={`${policy.title} no longer used?`} submitLabel="Confirm" onSubmit={submit} onClose={onClose} pending={retire.isPending} error={error}>
      <Text>It leaves the list and the review reminders; the record of it stays.</Text>
      <TextField form={form} name="reason" label="Reason" hint="e.g. replaced by the new Safeguarding policy." required />
    </FormDialog>
  );
}
