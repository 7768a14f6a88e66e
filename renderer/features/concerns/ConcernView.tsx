import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import {
  CONCERN_CATEGORY_LABELS,
  CONCERN_URGENCY_LABELS,
  concernsChannels,
  LINKED_CHILD_RELATION_LABELS,
  REVIEW_DECISION_LABELS,
  REVIEW_DECISIONS,
  type Concern,
} from '../../../shared/contract/concerns';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { today } from '../../../shared/domain/weeks';
import { useQueryClient } from '@tanstack/react-query';
import { useChannel, useChannelMutation } from '../../api';
import { href, navigate } from '../../router';
import { FormDialog, SelectField, TextAreaField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading, Page } from '../../ui/Page';
import { Facts } from '../children/Facts';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { LinkChildDialog } from './LinkChildDialog';
import type { Session } from '../../../shared/contract/auth';
import { BodyMap, MarkLegend } from './BodyMap';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  quote: { margin: 0, padding: tokens.spacingHorizontalM, borderLeft: `4px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorNeutralBackground3, whiteSpace: 'pre-wrap' },
  text: { whiteSpace: 'pre-wrap' },
  item: { padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Dialog = 'link' | 'addendum' | 'review' | 'action' | 'referral' | { closeAction: string } | { updateReferral: string } | null;

/** `#/concerns/<id>`: one concern as recorded, with what the safeguarding team did about it. Opening it is audited. */
export function ConcernView({ session, id }: { session: Session; id: string }) {
  const s = useStyles();
  const concern = useChannel('concerns.get', { id });
  const [dialog, setDialog] = useState<Dialog>(null);
  const client = useQueryClient();
  const opened = concern.isSuccess;
  useEffect(() => {
    // Opening it takes it off everyone's list of concerns not yet opened.
    if (opened) void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'concerns.alerts' || q.queryKey[0] === 'concerns.list' });
  }, [opened, client]);
  if (concern.isPending) return <Loading />;
  if (concern.error) {
    return (
      <Page title="Safeguarding concern">
        <ErrorBar error={concern.error} />
      </Page>
    );
  }
  const c = concern.data;
  const close = () => setDialog(null);
  return (
    <Page
      title={`Concern ${c.reference}: ${c.childName}`}
      actions={
        <>
          <Button onClick={() => navigate(`/concerns/chronology/${c.childId}`)}>Chronology</Button>
          <Button onClick={() => navigate(`/sharing/new?child=${c.childId}&concern=${c.id}`)}>Share information</Button>
          <Button appearance="primary" onClick={() => setDialog('review')}>
            Record a decision
          </Button>
        </>
      }
    >
      {c.urgency === 'now' && (
        <MessageBar intent="error">
          <MessageBarBody>{CONCERN_URGENCY_LABELS.now}, in the view of the person who recorded it.</MessageBarBody>
        </MessageBar>
      )}
      <Facts
        items={[
          ['Kind', CONCERN_CATEGORY_LABELS[c.category]],
          ['Seen or heard', formatDateTime(c.observedAt)],
          ['Recorded', `${formatDateTime(c.recordedAt)} by ${c.recordedByName}`],
          ['Late entry', c.lateEntryReason ?? 'No'],
          ['Where', c.whereSeen ?? 'Not given'],
          ['Who noticed it', c.noticedBy ?? c.recordedByName],
          ['About a member of staff', c.aboutName ?? null],
          ['Urgency (as recorded)', CONCERN_URGENCY_LABELS[c.urgency]],
        ]}
      />
      <section className={s.section} aria-label="What was seen or heard">
        <Text weight="semibold">What was seen or heard</Text>
        <Text className={s.text}>{c.description}</Text>
        {c.childsWords && (
          <>
            <Text weight="semibold">The child’s own words</Text>
            <blockquote className={s.quote}>“{c.childsWords}”</blockquote>
          </>
        )}
        {c.actionTaken && <Text className={s.text}>What was done at the time: {c.actionTaken}</Text>}
        {c.toldWho && <Text>Who was told: {c.toldWho}</Text>}
      </section>
      {c.bodyMarks.length > 0 && (
        <section className={s.section} aria-label="Body map">
          <Text weight="semibold">Body map</Text>
          <BodyMap label="Body map of this concern" marks={c.bodyMarks} />
          <MarkLegend marks={c.bodyMarks} />
        </section>
      )}
      <section className={s.section} aria-label="Other children involved">
        <div className={s.row}>
          <Text weight="semibold">Other children involved</Text>
          <Button size="small" onClick={() => setDialog('link')}>
            Name another child
          </Button>
        </div>
        {c.otherChildren.length === 0 && <Text>None named.</Text>}
        {c.otherChildren.map((o) => (
          <Text key={o.childId}>
            <a href={href(`/concerns/chronology/${o.childId}`)}>{o.name}</a> ({LINKED_CHILD_RELATION_LABELS[o.relation].toLowerCase()}), named by {o.linkedByName}, {formatDateTime(o.at)}
          </Text>
        ))}
      </section>
      <DocumentsPanel session={session} ownerType="concern" ownerId={c.id} canAdd />
      {c.partnerArrangements.length > 0 && (
        <section className={s.section} aria-label="Telling the other settings">
          <Text weight="semibold">What was agreed with the other settings about concerns</Text>
          {c.partnerArrangements.map((a) => (
            <Text key={a.partnerId}>
              {a.partnerName}: tell {a.whom}, {a.how}, {a.howFast.toLowerCase()}.
            </Text>
          ))}
        </section>
      )}
      <section className={s.section} aria-label="Addenda">
        <div className={s.row}>
          <Text weight="semibold">Addenda</Text>
          <Button size="small" onClick={() => setDialog('addendum')}>
            Add an addendum
          </Button>
        </div>
        {c.addenda.length === 0 && <Text>None. The record above is never changed; anything to add or correct goes here.</Text>}
        {c.addenda.map((a, i) => (
          <div key={i} className={s.item} data-testid="concern-addendum">
            <Text size={200}>
              {a.byName}, {formatDateTime(a.at)}. Why: {a.reason}
            </Text>
            <Text className={s.text}>{a.text}</Text>
          </div>
        ))}
      </section>
      <section className={s.section} aria-label="Decisions">
        <Text weight="semibold">Decisions</Text>
        {c.reviews.length === 0 && <Text>No decision yet.</Text>}
        {c.reviews.map((r) => (
          <div key={r.id} className={s.item}>
            <Text weight="semibold">{REVIEW_DECISION_LABELS[r.decision]}</Text>
            <Text className={s.text}>{r.reasons}</Text>
            <Text size={200}>
              {r.reviewedByName}, {formatDateTime(r.at)}
            </Text>
          </div>
        ))}
      </section>
      <Actions concern={c} onAdd={() => setDialog('action')} onClose={(actionId) => setDialog({ closeAction: actionId })} />
      <section className={s.section} aria-label="Referrals">
        <div className={s.row}>
          <Text weight="semibold">Referrals</Text>
          <Button size="small" onClick={() => setDialog('referral')}>
            Record a referral
          </Button>
        </div>
        {c.referrals.length === 0 && <Text>None.</Text>}
        {c.referrals.map((r) => (
          <div key={r.id} className={s.item}>
            <Text weight="semibold">
              {r.agency}, {formatDay(r.referredOn)}
            </Text>
            <Text>Their reference: {r.theirReference ?? 'not known yet'}</Text>
            <Text>Outcome: {r.outcome ?? 'not known yet'}</Text>
            {r.followUpOn && <Text>Follow up on {formatDay(r.followUpOn)}</Text>}
            <div>
              <Button size="small" onClick={() => setDialog({ updateReferral: r.id })}>
                Add news of this referral
              </Button>
            </div>
          </div>
        ))}
      </section>
      <section className={s.section} aria-label="Information sharing">
        <Text weight="semibold">Information sharing decisions that included this concern</Text>
        {c.sharingDecisions.length === 0 && <Text>None.</Text>}
        {c.sharingDecisions.map((d) => (
          <Text key={d.id}>
            <a href={href(`/sharing/${d.id}`)}>
              {d.decision === 'share' ? 'Share with' : 'Not to share with'} {d.recipientName}, {formatDateTime(d.decidedAt)}
            </a>
          </Text>
        ))}
      </section>
      {c.diaryEntryId && (
        <Text>
          Started from <a href={href(`/diary/child/${c.childId}`)}>a diary entry</a>.
        </Text>
      )}
      {dialog === 'link' && <LinkChildDialog concernId={c.id} exclude={[c.childId, ...c.otherChildren.map((o) => o.childId)]} onClose={close} />}
      {dialog === 'addendum' && <AddendumDialog id={c.id} onClose={close} />}
      {dialog === 'review' && <ReviewDialog id={c.id} onClose={close} />}
      {dialog === 'action' && <ActionDialog concernId={c.id} onClose={close} />}
      {dialog === 'referral' && <ReferralDialog concernId={c.id} onClose={close} />}
      {dialog && typeof dialog === 'object' && 'closeAction' in dialog && <CloseActionDialog actionId={dialog.closeAction} onClose={close} />}
      {dialog && typeof dialog === 'object' && 'updateReferral' in dialog && <UpdateReferralDialog referralId={dialog.updateReferral} onClose={close} />}
    </Page>
  );
}

function Actions({ concern, onAdd, onClose }: { concern: Concern; onAdd: () => void; onClose: (actionId: string) => void }) {
  const s = useStyles();
  const day = today();
  return (
    <section className={s.section} aria-label="Actions">
      <div className={s.row}>
        <Text weight="semibold">Actions</Text>
        <Button size="small" onClick={onAdd}>
          Add an action
        </Button>
      </div>
      {concern.actions.length === 0 && <Text>None.</Text>}
      {concern.actions.map((a) => (
        <div key={a.id} className={s.item}>
          <Text>
            {a.text}: {a.ownerName}, due {formatDay(a.dueOn)}
            {a.status === 'open' && a.dueOn < day ? ' (overdue)' : ''}
          </Text>
          {a.status === 'open' ? (
            <div>
              <Button size="small" onClick={() => onClose(a.id)}>
                Close this action
              </Button>
            </div>
          ) : (
            <Text size={200}>
              {a.status === 'done' ? 'Done' : 'No longer needed'}
              {a.closedNote ? `: ${a.closedNote}` : ''} ({a.closedByName}, {a.closedAt ? formatDateTime(a.closedAt) : ''})
            </Text>
          )}
        </div>
      ))}
    </section>
  );
}

function useStaffOptions() {
  const staff = useChannel('concerns.staff');
  return (staff.data?.staff ?? []).map((u) => ({ value: u.userId, label: u.name }));
}

function AddendumDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const save = useChannelMutation('concerns.addendum');
  const form = useContractForm(concernsChannels['concerns.addendum'].input, { id, text: '', reason: '' });
  const { submit, error } = useFormSubmit(form, (v) => save.mutateAsync(v), onClose);
  return (
    <FormDialog title="Add an addendum" submitLabel="Add the addendum" onSubmit={submit} onClose={onClose} error={error} pending={form.formState.isSubmitting}>
      <TextField form={form} name="reason" label="Why it is added" hint="For example: a correction, something remembered later, what happened next." required />
      <TextAreaField form={form} name="text" label="The addendum" required rows={4} />
    </FormDialog>
  );
}

const reviewForm = concernsChannels['concerns.review'].input.omit({ actions: true }).extend({
  actionText: z.string().trim().max(1000).optional(),
  actionOwnerUserId: z.string().optional(),
  actionDueOn: z.string().optional(),
});

function ReviewDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const save = useChannelMutation('concerns.review');
  const staff = useStaffOptions();
  const form = useContractForm(reviewForm, { id, reasons: '', decision: undefined });
  const { submit, error } = useFormSubmit(
    form,
    ({ actionText, actionOwnerUserId, actionDueOn, ...v }) =>
      save.mutateAsync({ ...v, actions: actionText ? [{ text: actionText, ownerUserId: actionOwnerUserId || undefined, dueOn: actionDueOn ?? '' }] : [] }),
    onClose,
    // The core checks the one action this form offers as actions[0].
    { 'actions.0.text': 'actionText', 'actions.0.ownerUserId': 'actionOwnerUserId', 'actions.0.ownerName': 'actionOwnerUserId', 'actions.0.dueOn': 'actionDueOn' },
  );
  return (
    <FormDialog title="Record a decision" submitLabel="Record the decision" onSubmit={submit} onClose={onClose} error={error} pending={form.formState.isSubmitting} wide>
      <SelectField form={form} name="decision" label="Decision" required emptyLabel="Choose one" options={REVIEW_DECISIONS.map((d) => ({ value: d, label: REVIEW_DECISION_LABELS[d] }))} />
      <TextAreaField form={form} name="reasons" label="Your reasons" hint="Record your reasons whichever way you decide." required rows={4} />
      <Text weight="semibold">An action (optional)</Text>
      <TextField form={form} name="actionText" label="What is to be done" />
      <SelectField form={form} name="actionOwnerUserId" label="Who will do it" emptyLabel="Choose a member of staff" options={staff} />
      <TextField form={form} name="actionDueOn" label="By when" type="date" />
    </FormDialog>
  );
}

function ActionDialog({ concernId, onClose }: { concernId: string; onClose: () => void }) {
  const save = useChannelMutation('concerns.addAction');
  const staff = useStaffOptions();
  const form = useContractForm(concernsChannels['concerns.addAction'].input, { concernId, text: '', dueOn: '' });
  const { submit, error } = useFormSubmit(form, (v) => save.mutateAsync({ ...v, ownerUserId: v.ownerUserId || undefined }), onClose);
  return (
    <FormDialog title="Add an action" submitLabel="Add the action" onSubmit={submit} onClose={onClose} error={error} pending={form.formState.isSubmitting}>
      <TextField form={form} name="text" label="What is to be done" required />
      <SelectField form={form} name="ownerUserId" label="Who will do it (our staff)" emptyLabel="Someone else: name them below" options={staff} />
      <TextField form={form} name="ownerName" label="Or someone outside the setting" hint="For example: the health visitor." />
      <TextField form={form} name="dueOn" label="By when" type="date" required />
    </FormDialog>
  );
}

function CloseActionDialog({ actionId, onClose }: { actionId: string; onClose: () => void }) {
  const save = useChannelMutation('concerns.closeAction');
  const form = useContractForm(concernsChannels['concerns.closeAction'].input, { actionId, status: 'done', note: '' });
  const { submit, error } = useFormSubmit(form, (v) => save.mutateAsync(v), onClose);
  return (
    <FormDialog title="Close an action" submitLabel="Close the action" onSubmit={submit} onClose={onClose} error={error} pending={form.formState.isSubmitting}>
      <SelectField
        form={form}
        name="status"
        label="What happened"
        options={[
          { value: 'done', label: 'Done' },
          { value: 'cancelled', label: 'No longer needed' },
        ]}
      />
      <TextAreaField form={form} name="note" label="Note" rows={2} />
    </FormDialog>
  );
}

function ReferralDialog({ concernId, onClose }: { concernId: string; onClose: () => void }) {
  const save = useChannelMutation('concerns.addReferral');
  const form = useContractForm(concernsChannels['concerns.addReferral'].input, { concernId, agency: '', referredOn: today() });
  const { submit, error } = useFormSubmit(form, (v) => save.mutateAsync({ ...v, followUpOn: v.followUpOn || undefined }), onClose);
  return (
    <FormDialog title="Record a referral" submitLabel="Record the referral" onSubmit={submit} onClose={onClose} error={error} pending={form.formState.isSubmitting}>
      <TextField form={form} name="agency" label="Agency" hint="For example: children’s social care (MASH), the police, the LADO, early help." required />
      <TextField form={form} name="referredOn" label="Referred on" type="date" required max={today()} />
      <TextField form={form} name="theirReference" label="Their reference" />
      <TextAreaField form={form} name="outcome" label="Outcome, if known" rows={2} />
      <TextField form={form} name="followUpOn" label="Follow up on" type="date" />
    </FormDialog>
  );
}

function UpdateReferralDialog({ referralId, onClose }: { referralId: string; onClose: () => void }) {
  const save = useChannelMutation('concerns.updateReferral');
  const form = useContractForm(concernsChannels['concerns.updateReferral'].input, { referralId });
  const { submit, error } = useFormSubmit(form, (v) => save.mutateAsync({ ...v, followUpOn: v.followUpOn || undefined }), onClose);
  return (
    <FormDialog title="News of a referral" submitLabel="Add it" onSubmit={submit} onClose={onClose} error={error} pending={form.formState.isSubmitting}>
      <TextField form={form} name="theirReference" label="Their reference" />
      <TextAreaField form={form} name="outcome" label="Outcome" rows={3} />
      <TextField form={form} name="followUpOn" label="Next follow-up" type="date" />
    </FormDialog>
  );
}
