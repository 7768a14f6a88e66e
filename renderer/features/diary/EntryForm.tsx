import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { Session } from '../../../shared/contract/auth';
import { rolesAllow } from '../../../shared/contract/define';
import {
  DIARY_CATEGORIES,
  DIARY_CATEGORY_LABELS,
  DIARY_SHARERS,
  SHARE_METHOD_LABELS,
  SHARE_METHODS,
  type diaryAddSchema,
  type DiaryCategory,
} from '../../../shared/contract/diary';
import { contract, type OutputOf } from '../../../shared/contract/index';
import { useChannel, useChannelMutation } from '../../api';
import { href } from '../../router';
import { concernSign } from '../../../shared/domain/concerns';
import { recordConcernHref } from './common';
import { applyServerError, useContractForm, withErrorFocus } from '../../ui/forms';
import { ErrorBar } from '../../ui/Page';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-start' },
  grow: { flexGrow: 1, minWidth: '14em' },
  party: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    flexGrow: 1,
    minWidth: '16em',
  },
  share: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  why: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, marginLeft: '28px' },
  ok: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginLeft: '28px' },
});

type AddValues = z.input<typeof diaryAddSchema>;
type Parties = OutputOf<'diary.parties'>;
type Form = UseFormReturn<AddValues, unknown, z.output<typeof diaryAddSchema>>;

/** "Add to the diary": who from, to whom, the day, time, category, text, follow-up and (for the office) sharing. */
export function AddEntryDialog({
  session,
  childId,
  childName,
  day,
  category,
  onClose,
}: {
  session: Session;
  childId: string;
  childName: string;
  day: string;
  category?: DiaryCategory;
  onClose: (addedId?: string) => void;
}) {
  const s = useStyles();
  const add = useChannelMutation('diary.add');
  const form = useContractForm(contract['diary.add'].input, {
    childId,
    day,
    time: '',
    category,
    from: { kind: 'staff', userId: session.userId },
    to: { kind: 'carer' },
    text: '',
    needsFollowUp: false,
    shareWith: [],
  });
  const chosenDay = useWatch({ control: form.control, name: 'day' });
  const parties = useChannel('diary.parties', { childId, day: chosenDay || day }, { enabled: !!(chosenDay || day) });
  const [error, setError] = useState<string | null>(null);
  const canShare = rolesAllow(DIARY_SHARERS, session.roles);
  const toChosen = useRef(false);

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const result = await add.mutateAsync({
        ...values,
        transcribedFrom: values.transcribedFrom || undefined,
        shareWith: values.shareWith?.length ? values.shareWith : undefined,
        shareMethod: values.shareWith?.length ? values.shareMethod : undefined,
      });
      onClose(result.id);
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });
  const err = (path: string) =>
    path.split('.').reduce<unknown>((acc, k) => (acc as Record<string, unknown> | undefined)?.[k], form.formState.errors) as { message?: string } | undefined;

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface style={{ maxWidth: '760px' }}>
        <form onSubmit={withErrorFocus(submit)} noValidate>
          <DialogBody>
            <DialogTitle>Add to {childName}’s diary</DialogTitle>
            <DialogContent className={s.form}>
              <div className={s.row}>
                <Controller
                  control={form.control}
                  name="day"
                  render={({ field, fieldState }) => (
                    <Field label="Day" required validationMessage={fieldState.error?.message}>
                      <Input type="date" value={field.value ?? ''} onChange={(_e, d) => field.onChange(d.value)} onBlur={field.onBlur} />
                    </Field>
                  )}
                />
                <Controller
                  control={form.control}
                  name="time"
                  render={({ field, fieldState }) => (
                    <Field label="Time" hint="Optional" validationMessage={fieldState.error?.message}>
                      <Input type="time" value={field.value ?? ''} onChange={(_e, d) => field.onChange(d.value)} onBlur={field.onBlur} />
                    </Field>
                  )}
                />
                <Controller
                  control={form.control}
                  name="category"
                  render={({ field, fieldState }) => (
                    <Field label="What it is about" required validationMessage={fieldState.error?.message} className={s.grow}>
                      <Dropdown
                        placeholder="Choose a category"
                        value={field.value ? DIARY_CATEGORY_LABELS[field.value as DiaryCategory] : ''}
                        selectedOptions={field.value ? [field.value] : []}
                        onOptionSelect={(_e, d) => field.onChange(d.optionValue)}
                        onBlur={field.onBlur}
                      >
                        {DIARY_CATEGORIES.map((c) => (
                          <Option key={c} value={c}>
                            {DIARY_CATEGORY_LABELS[c]}
                          </Option>
                        ))}
                      </Dropdown>
                    </Field>
                  )}
                />
              </div>
              <div className={s.row}>
                <Controller
                  control={form.control}
                  name="from"
                  render={({ field, fieldState }) => (
                    <PartyFields
                      side="from"
                      value={field.value as PartyValue}
                      errors={fieldState.error as PartyErrors}
                      parties={parties.data}
                      onChange={(next) => {
                        field.onChange(next);
                        // Messages usually go the other way: from a parent or another setting to us, from us to the parents.
                        if (!toChosen.current && next.kind !== (field.value as PartyValue).kind) {
                          form.setValue('to', next.kind === 'staff' ? { kind: 'carer' } : { kind: 'staff' });
                        }
                      }}
                    />
                  )}
                />
                <Controller
                  control={form.control}
                  name="to"
                  render={({ field, fieldState }) => (
                    <PartyFields
                      side="to"
                      value={field.value as PartyValue}
                      errors={fieldState.error as PartyErrors}
                      parties={parties.data}
                      onChange={(next) => {
                        toChosen.current = true;
                        field.onChange(next);
                      }}
                    />
                  )}
                />
              </div>
              <Field label="What happened, or the message" required validationMessage={err('text')?.message}>
                <Textarea rows={4} resize="vertical" {...form.register('text')} />
              </Field>
              <ConcernPrompt form={form} childId={childId} />
              <Controller
                control={form.control}
                name="needsFollowUp"
                render={({ field }) => (
                  <Checkbox label="Needs follow-up (someone must act on this and close it)" checked={!!field.value} onChange={(_e, d) => field.onChange(!!d.checked)} />
                )}
              />
              <TranscribedField form={form} parties={parties.data} />
              {canShare && <ShareFields form={form} parties={parties.data} childId={childId} />}
              <ErrorBar error={error} />
            </DialogContent>
            <DialogActions>
              <Button onClick={() => onClose()}>Cancel</Button>
              <Button appearance="primary" type="submit" disabled={add.isPending}>
                Add to the diary
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

type PartyValue = { kind: string; userId?: string; carerId?: string; partnerId?: string; person?: string };
type PartyErrors = Record<string, { message?: string } | undefined> | undefined;

function PartyFields({
  side,
  value,
  errors = {},
  parties,
  onChange,
}: {
  side: 'from' | 'to';
  value: PartyValue;
  errors?: PartyErrors;
  parties?: Parties;
  onChange: (next: PartyValue) => void;
}) {
  const s = useStyles();
  const party = value;
  const setParty = onChange;
  const title = side === 'from' ? 'From' : 'To';
  const staffLabel = side === 'from' ? 'Our staff' : 'Our staff';
  return (
    <fieldset className={s.party} style={{ border: 'none', margin: 0 }}>
      <legend style={{ fontWeight: 600, padding: 0 }}>{title}</legend>
      <RadioGroup
        layout="horizontal"
        aria-label={`${title}: who`}
        value={party?.kind ?? 'staff'}
        onChange={(_e, d) => {
          // Only one partner setting: it is the one meant.
          const only = d.value === 'partner' && parties?.partners.length === 1 ? parties.partners[0].partnerId : undefined;
          setParty(only ? { kind: d.value, partnerId: only } : { kind: d.value });
        }}
      >
        <Radio value="staff" label={staffLabel} />
        <Radio value="carer" label={side === 'from' ? 'A parent or carer' : 'Parents and carers'} />
        <Radio value="partner" label="Another setting" />
      </RadioGroup>
      {party?.kind === 'staff' && (
        <Field label={side === 'from' ? 'Who wrote it' : 'For whom (optional)'} validationMessage={errors.userId?.message}>
          <Dropdown
            aria-label={`${title}: member of staff`}
            value={parties?.staff.find((x) => x.userId === party.userId)?.name ?? (side === 'to' ? 'All our staff' : '')}
            selectedOptions={party.userId ? [party.userId] : ['']}
            onOptionSelect={(_e, d) => setParty({ kind: 'staff', userId: d.optionValue || undefined })}
          >
            {side === 'to' && <Option value="">All our staff</Option>}
            {(parties?.staff ?? []).map((x) => (
              <Option key={x.userId} value={x.userId}>
                {x.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {party?.kind === 'carer' && (
        <Field label={side === 'from' ? 'Which parent or carer' : 'Which parent or carer (optional)'} validationMessage={errors.carerId?.message} required={side === 'from'}>
          <Dropdown
            aria-label={`${title}: parent or carer`}
            placeholder={parties?.carers.length === 0 ? 'No parents or carers recorded' : 'Choose'}
            value={(() => {
              const c = parties?.carers.find((x) => x.carerId === party.carerId);
              return c ? `${c.name}${c.relationship ? ` (${c.relationship})` : ''}` : side === 'to' ? 'Parents and carers' : '';
            })()}
            selectedOptions={party.carerId ? [party.carerId] : []}
            onOptionSelect={(_e, d) => setParty({ kind: 'carer', carerId: d.optionValue || undefined })}
          >
            {side === 'to' && <Option value="">Parents and carers</Option>}
            {(parties?.carers ?? []).map((c) => (
              <Option key={c.carerId} value={c.carerId} text={`${c.name}${c.relationship ? ` (${c.relationship})` : ''}`}>
                {`${c.name}${c.relationship ? ` (${c.relationship})` : ''}`}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {party?.kind === 'partner' && (
        <>
          <Field label="Which setting" required validationMessage={errors.partnerId?.message}>
            <Dropdown
              aria-label={`${title}: setting`}
              placeholder={parties?.partners.length === 0 ? 'No partner settings in the directory' : 'Choose'}
              value={parties?.partners.find((p) => p.partnerId === party.partnerId)?.name ?? ''}
              selectedOptions={party.partnerId ? [party.partnerId] : []}
              onOptionSelect={(_e, d) => setParty({ ...party, kind: 'partner', partnerId: d.optionValue })}
            >
              {(parties?.partners ?? []).map((p) => (
                <Option key={p.partnerId} value={p.partnerId} text={p.name}>
                  {p.name}
                  {p.attends ? ' (the child attends)' : ''}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Their person (optional)" hint="e.g. the child’s key person there">
            <Input aria-label={`${title}: their person`} value={party.person ?? ''} onChange={(_e, d) => setParty({ ...party, person: d.value })} />
          </Field>
        </>
      )}
    </fieldset>
  );
}

function TranscribedField({ form, parties }: { form: Form; parties?: Parties }) {
  const value = useWatch({ control: form.control, name: 'transcribedFrom' });
  const [on, setOn] = useState(!!value);
  const partners = parties?.partners ?? [];
  return (
    <div>
      <Checkbox
        label="Typed in from another setting’s communication book"
        checked={on}
        onChange={(_e, d) => {
          setOn(!!d.checked);
          if (!d.checked) form.setValue('transcribedFrom', undefined);
          // Only one partner setting: that is whose book it is.
          else if (partners.length === 1) form.setValue('transcribedFrom', partners[0].partnerId);
        }}
      />
      {on && (
        <Field label="Whose book" required style={{ marginLeft: '28px', maxWidth: '24em' }}>
          <Dropdown
            aria-label="Whose book"
            value={partners.find((p) => p.partnerId === value)?.name ?? ''}
            selectedOptions={value ? [value] : []}
            onOptionSelect={(_e, d) => form.setValue('transcribedFrom', d.optionValue)}
          >
            {partners.map((p) => (
              <Option key={p.partnerId} value={p.partnerId}>
                {p.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
    </div>
  );
}

/** Share at once with partner settings: only those the consent register covers can be ticked; the others say why. */
function ShareFields({ form, parties, childId }: { form: Form; parties?: Parties; childId: string }) {
  const s = useStyles();
  const shareWith = (useWatch({ control: form.control, name: 'shareWith' }) ?? []) as string[];
  const method = useWatch({ control: form.control, name: 'shareMethod' });
  const partners = parties?.partners ?? [];
  if (partners.length === 0) return null;
  return (
    <fieldset className={s.share} style={{ border: 'none', margin: 0, padding: 0 }}>
      <legend style={{ fontWeight: 600, padding: 0 }}>Share with the child’s other settings</legend>
      {partners.map((p) => (
        <div key={p.partnerId}>
          <Checkbox
            label={`Share with ${p.name}`}
            disabled={!p.consent.valid}
            checked={shareWith.includes(p.partnerId)}
            onChange={(_e, d) => {
              form.setValue('shareWith', d.checked ? [...shareWith, p.partnerId] : shareWith.filter((x) => x !== p.partnerId), { shouldDirty: true });
              // The obvious way to share a diary entry with a setting the child attends is their communication book.
              if (d.checked && !method) form.setValue('shareMethod', 'communication-book');
            }}
          />
          {p.consent.valid ? (
            <Text block className={s.ok}>
              {p.consent.message}
            </Text>
          ) : (
            <Text block className={s.why}>
              Cannot be shared: {p.consent.message} <ConsentLink childId={childId} />
            </Text>
          )}
        </div>
      ))}
      {shareWith.length > 0 && (
        <Field label="How it will be shared" required validationMessage={form.formState.errors.shareMethod?.message} style={{ maxWidth: '24em' }}>
          <Dropdown
            aria-label="How it will be shared"
            value={method ? SHARE_METHOD_LABELS[method] : ''}
            selectedOptions={method ? [method] : []}
            onOptionSelect={(_e, d) => form.setValue('shareMethod', d.optionValue as (typeof SHARE_METHODS)[number])}
          >
            {SHARE_METHODS.map((m) => (
              <Option key={m} value={m}>
                {SHARE_METHOD_LABELS[m]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
    </fieldset>
  );
}

/**
 * When the text reads like a safeguarding concern, says so while it is being typed: the diary is
 * shared with parents and other settings, and a concern goes to the DSL, recorded in the concern
 * recorder (what was typed goes with it, so it need not be typed twice).
 */
function ConcernPrompt({ form, childId }: { form: Form; childId: string }) {
  const typed = (useWatch({ control: form.control, name: 'text' }) ?? '') as string;
  const setting = useChannel('setting.get');
  const sign = concernSign(typed);
  if (!sign) return null;
  const dsl = setting.data?.dslName ? `our designated safeguarding lead, ${setting.data.dslName},` : 'our designated safeguarding lead (DSL)';
  return (
    <section aria-label="This may be a safeguarding concern">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This reads like a safeguarding concern.</MessageBarTitle> It mentions {sign}. Tell {dsl} today, before the child goes
          home. A concern is recorded apart from the diary, which parents and other settings may see: write here only what is right for them to
          read.
        </MessageBarBody>
        <MessageBarActions>
          <Link href={recordConcernHref(childId, { typed })}>Record a concern</Link>
        </MessageBarActions>
      </MessageBar>
    </section>
  );
}

/** Where to record the parents' decision about sharing the diary: the child's consent register. */
export function ConsentLink({ childId }: { childId: string }) {
  return <Link href={href(`/children/${childId}?tab=consent`)}>Record the parents’ decision in the consent register</Link>;
}
