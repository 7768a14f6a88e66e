import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Divider,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { rolesAllow } from '../../../shared/contract/define';
import {
  DIARY_CATEGORIES,
  DIARY_CATEGORY_LABELS,
  DIARY_SHARERS,
  mayAmendEntry,
  SHARE_METHOD_LABELS,
  SHARE_METHODS,
  type DiaryCategory,
  type DiaryEntry,
} from '../../../shared/contract/diary';
import { contract } from '../../../shared/contract/index';
import { formatDateTime } from '../../../shared/domain/dates';
import { longDayLabel } from '../../../shared/domain/weeks';
import { errorMessage, useChannel, useChannelMutation } from '../../api';
import { applyServerError, useContractForm, withErrorFocus } from '../../ui/forms';
import { ErrorBar, Loading } from '../../ui/Page';
import { can } from '../../ui/access';
import { MarkSignificantForm } from '../concerns/MarkSignificant';
import { CategoryBadge, recordConcernHref } from './common';
import { ConsentLink } from './EntryForm';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase400 },
  meta: { color: tokens.colorNeutralForeground3 },
  history: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  old: { whiteSpace: 'pre-wrap', color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
});

type Mode = 'view' | 'amend' | 'close' | 'share' | 'chronology';

/** An entry's details: the text, who and when, its history of amendments and where it was shared; and what can be done with it. */
export function EntryDialog({ session, entryId, onClose }: { session: Session; entryId: string; onClose: () => void }) {
  const s = useStyles();
  const detail = useChannel('diary.entry', { entryId });
  const [mode, setMode] = useState<Mode>('view');
  const canShare = rolesAllow(DIARY_SHARERS, session.roles);
  const entry = detail.data?.entry;
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface style={{ maxWidth: '720px' }}>
        <DialogBody>
          <DialogTitle>{entry ? `${longDayLabel(entry.day)}${entry.time ? `, ${entry.time}` : ''}` : 'Diary entry'}</DialogTitle>
          <DialogContent className={s.body}>
            {detail.isPending ? (
              <Loading />
            ) : detail.error ? (
              <ErrorBar error={detail.error} />
            ) : (
              <>
                <CategoryBadge category={detail.data.entry.category} />
                <Text>
                  <strong>From</strong> {detail.data.entry.from.name} <strong>to</strong> {detail.data.entry.to.name}
                </Text>
                <Text className={s.text}>{detail.data.entry.text}</Text>
                <Text size={200} className={s.meta}>
                  Typed in by {detail.data.entry.createdByName} on {formatDateTime(detail.data.entry.createdAt)}
                  {detail.data.entry.transcribedFrom ? `, copied from ${detail.data.entry.transcribedFrom.name}’s communication book` : ''}.
                  {!mayAmendEntry(session, detail.data.entry.createdById) && ' Only they, the office, the DSL or a manager can correct it.'}
                </Text>
                <FollowUpState entry={detail.data.entry} />
                {mode === 'amend' && <AmendForm entry={detail.data.entry} onDone={() => setMode('view')} />}
                {mode === 'close' && <CloseFollowUpForm entry={detail.data.entry} onDone={() => setMode('view')} />}
                {mode === 'share' && <ShareForm entry={detail.data.entry} onDone={() => setMode('view')} />}
                {mode === 'chronology' && <MarkSignificantForm entryId={detail.data.entry.id} childId={detail.data.entry.childId} onDone={() => setMode('view')} />}
                {detail.data.revisions.length > 1 && (
                  <>
                    <Divider />
                    <Text weight="semibold">History of changes</Text>
                    <ol className={s.history} aria-label="History of changes">
                      {detail.data.revisions.map((r) => (
                        <li key={r.revision}>
                          <Text size={200} className={s.meta} block>
                            {r.revision === 1 ? 'Original' : `Amendment ${r.revision - 1}`}, by {r.byName} on {formatDateTime(r.at)}
                            {r.reason ? ` — reason: ${r.reason}` : ''}
                          </Text>
                          <Text className={s.old} block>
                            {r.time ? `${r.time} · ` : ''}
                            {DIARY_CATEGORY_LABELS[r.category]}: {r.text}
                          </Text>
                        </li>
                      ))}
                    </ol>
                  </>
                )}
                {detail.data.entry.shares.length > 0 && (
                  <>
                    <Divider />
                    <Text weight="semibold">Shared</Text>
                    <ul className={s.history} aria-label="Where this entry was shared">
                      {detail.data.entry.shares.map((x) => (
                        <li key={x.shareId}>
                          <Text size={200}>
                            {x.partnerName}: {SHARE_METHOD_LABELS[x.method].toLowerCase()}, by {x.sharedByName} on {formatDateTime(x.sharedAt)}
                            {x.revision > 1 ? ` (amendment ${x.revision - 1})` : ''}
                          </Text>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </DialogContent>
          {entry && mode === 'view' && (
            <DialogActions position="start" style={{ whiteSpace: 'nowrap' }}>
              {mayAmendEntry(session, entry.createdById) && <Button onClick={() => setMode('amend')}>Correct this entry</Button>}
              {entry.needsFollowUp && !entry.followUp && <Button onClick={() => setMode('close')}>Close the follow-up</Button>}
              {canShare && <Button onClick={() => setMode('share')}>Share with another setting</Button>}
              {/* Any member of staff records a concern; it goes to the DSL, apart from the diary. */}
              <Button as="a" href={recordConcernHref(entry.childId, { entry })}>
                Record a concern
              </Button>
              {can(session, 'concerns.markDiarySignificant') && <Button onClick={() => setMode('chronology')}>Add to the safeguarding chronology</Button>}
            </DialogActions>
          )}
          <DialogActions position="end">
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function FollowUpState({ entry }: { entry: DiaryEntry }) {
  if (!entry.needsFollowUp) return null;
  if (!entry.followUp) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>This needs follow-up and nobody has closed it yet.</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="success">
      <MessageBarBody>
        Followed up by {entry.followUp.closedByName} on {formatDateTime(entry.followUp.closedAt)}
        {entry.followUp.note ? `: ${entry.followUp.note}` : '.'}
      </MessageBarBody>
    </MessageBar>
  );
}

function AmendForm({ entry, onDone }: { entry: DiaryEntry; onDone: () => void }) {
  const s = useStyles();
  const amend = useChannelMutation('diary.amend');
  const form = useContractForm(contract['diary.amend'].input, { entryId: entry.id, text: entry.text, category: entry.category, time: entry.time ?? '', reason: '' });
  const [error, setError] = useState<string | null>(null);
  const category = form.watch('category') as DiaryCategory | undefined;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await amend.mutateAsync(values);
      onDone();
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={withErrorFocus(submit)} noValidate className={s.body} aria-label="Correct this entry">
      <Divider />
      <Text weight="semibold">Correct this entry</Text>
      <Text size={200}>The original stays in the entry’s history with your reason; nothing is overwritten.</Text>
      <div className={s.row}>
        <Field label="Time" validationMessage={errors.time?.message}>
          <Input type="time" {...form.register('time')} />
        </Field>
        <Field label="What it is about" validationMessage={errors.category?.message}>
          <Dropdown
            value={category ? DIARY_CATEGORY_LABELS[category] : ''}
            selectedOptions={category ? [category] : []}
            onOptionSelect={(_e, d) => form.setValue('category', d.optionValue as DiaryCategory, { shouldDirty: true })}
          >
            {DIARY_CATEGORIES.map((c) => (
              <Option key={c} value={c}>
                {DIARY_CATEGORY_LABELS[c]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field label="Corrected text" required validationMessage={errors.text?.message}>
        <Textarea rows={4} resize="vertical" {...form.register('text')} />
      </Field>
      <Field label="Why it is being corrected" required validationMessage={errors.reason?.message}>
        <Input {...form.register('reason')} />
      </Field>
      <ErrorBar error={error} />
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={amend.isPending}>
          Save the correction
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function CloseFollowUpForm({ entry, onDone }: { entry: DiaryEntry; onDone: () => void }) {
  const s = useStyles();
  const close = useChannelMutation('diary.closeFollowUp');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <div className={s.body}>
      <Divider />
      <Field label="What was done (optional)">
        <Input value={note} onChange={(_e, d) => setNote(d.value)} />
      </Field>
      <ErrorBar error={error} />
      <div className={s.row}>
        <Button
          appearance="primary"
          disabled={close.isPending}
          onClick={() => {
            setError(null);
            close.mutateAsync({ entryId: entry.id, note: note || undefined }).then(onDone, setError);
          }}
        >
          Mark as followed up
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </div>
  );
}

/** Share with a partner setting: allowed only where the consent register covers it; otherwise says why and where to record the decision. */
function ShareForm({ entry, onDone }: { entry: DiaryEntry; onDone: () => void }) {
  const s = useStyles();
  const parties = useChannel('diary.parties', { childId: entry.childId, day: entry.day });
  const share = useChannelMutation('diary.share');
  const [partnerId, setPartnerId] = useState('');
  const [method, setMethod] = useState<(typeof SHARE_METHODS)[number] | ''>('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const partner = parties.data?.partners.find((p) => p.partnerId === partnerId);
  return (
    <div className={s.body}>
      <Divider />
      <Text weight="semibold">Share with another setting</Text>
      <div className={s.row}>
        <Field label="Setting">
          <Dropdown
            aria-label="Share with"
            placeholder="Choose a setting"
            value={partner?.name ?? ''}
            selectedOptions={partnerId ? [partnerId] : []}
            onOptionSelect={(_e, d) => {
              setPartnerId(d.optionValue ?? '');
              setRefusal(null);
            }}
          >
            {(parties.data?.partners ?? []).map((p) => (
              <Option key={p.partnerId} value={p.partnerId} text={p.name}>
                {p.name}
                {p.consent.valid ? '' : ' (no consent)'}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="How">
          <Dropdown
            aria-label="How it was shared"
            placeholder="Choose how"
            value={method ? SHARE_METHOD_LABELS[method] : ''}
            selectedOptions={method ? [method] : []}
            onOptionSelect={(_e, d) => setMethod((d.optionValue ?? '') as typeof method)}
          >
            {SHARE_METHODS.map((m) => (
              <Option key={m} value={m}>
                {SHARE_METHOD_LABELS[m]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {partner && !partner.consent.valid && (
        <MessageBar intent="error">
          <MessageBarBody>
            This entry cannot be shared with {partner.name}: {partner.consent.message} <ConsentLink childId={entry.childId} />
          </MessageBarBody>
        </MessageBar>
      )}
      {partner?.consent.valid && <Text size={200}>{partner.consent.message}</Text>}
      {refusal && (
        <MessageBar intent="error">
          <MessageBarBody>
            Not shared: {refusal} <ConsentLink childId={entry.childId} />
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={error} />
      <div className={s.row}>
        <Button
          appearance="primary"
          disabled={!partner?.consent.valid || !method || share.isPending}
          onClick={() => {
            setError(null);
            share.mutateAsync({ entryId: entry.id, partnerId, method: method as (typeof SHARE_METHODS)[number] }).then(
              (r) => (r.shared ? onDone() : setRefusal(r.message)),
              (e: unknown) => setError(errorMessage(e)),
            );
          }}
        >
          Record as shared
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </div>
  );
}
