import { Button, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, Text, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';
import {
  BODY_MARK_TYPE_LABELS,
  BODY_MARK_TYPES,
  CONCERN_CATEGORIES,
  CONCERN_CATEGORY_LABELS,
  CONCERN_URGENCIES,
  CONCERN_URGENCY_LABELS,
  concernRecordSchema,
  LATE_ENTRY_HOURS,
  LINKED_CHILD_RELATION_LABELS,
  LINKED_CHILD_RELATIONS,
} from '../../../shared/contract/concerns';
import { daySchema } from '../../../shared/contract/define';
import { formatDateTime } from '../../../shared/domain/dates';
import { londonDateTime, today } from '../../../shared/domain/weeks';
import { useChannel, useChannelMutation } from '../../api';
import { navigate } from '../../router';
import { SelectField, TextAreaField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Page } from '../../ui/Page';
import { BODY_PARTS, BodyMap, type Side } from './BodyMap';
import { childDisplayName } from '../../../shared/domain/names';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  marks: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  mark: { display: 'grid', gridTemplateColumns: '2rem 10rem 1fr 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  markDescription: { gridColumn: '2 / span 4' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const timeSchema = z.string({ error: 'Give the time.' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the time, like 09:30.');

/** The form's own shape: the contract's, with the moment typed as a London day and time. */
const formSchema = concernRecordSchema.omit({ observedAt: true }).extend({ observedDay: daySchema, observedTime: timeSchema });

const nowTime = () => new Date().toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/**
 * `#/concerns/new?child=<id>&diary=<entryId>&text=…`: anyone on the staff records a concern. The DSL
 * is told at once (Home and the Concerns menu of the DSL and managers); the person who recorded it
 * sees a receipt, never the safeguarding team's list.
 */
export function RecordConcern({
  childId,
  diaryEntryId,
  startText,
  seesTheList = false,
}: {
  childId?: string;
  diaryEntryId?: string;
  startText?: string;
  /** The DSL and managers: the concern is in their list (an allegation about staff goes to the managers alone). */
  seesTheList?: boolean;
}) {
  const s = useStyles();
  const children = useChannel('children.list', {});
  const staff = useChannel('concerns.staff');
  const record = useChannelMutation('concerns.record');
  const [receipt, setReceipt] = useState<{ reference: string; at: string; inMyList: boolean } | null>(null);
  const form = useContractForm(formSchema, {
    childId: childId ?? '',
    observedDay: today(),
    observedTime: nowTime(),
    category: undefined,
    urgency: 'routine',
    description: startText ?? '',
    bodyMarks: [],
    otherChildren: [],
    diaryEntryId,
  });
  const marks = useFieldArray({ control: form.control, name: 'bodyMarks' });
  const [part, setPart] = useState(BODY_PARTS[0].id);
  const [partSide, setPartSide] = useState<Side>('front');

  const { submit, error } = useFormSubmit(
    form,
    async ({ observedDay, observedTime, ...values }) => {
      const result = await record.mutateAsync({ ...values, observedAt: londonDateTime(observedDay, observedTime).toISOString() });
      setReceipt({ reference: result.reference, at: new Date().toISOString(), inMyList: seesTheList && values.category !== 'allegation-staff' });
    },
    () => undefined,
    // The core checks the moment it was seen or heard; the form asks for its day and time.
    { observedAt: 'observedDay' },
  );

  const day = form.watch('observedDay');
  const time = form.watch('observedTime');
  const category = form.watch('category');
  const observed = daySchema.safeParse(day).success && timeSchema.safeParse(time).success ? londonDateTime(day, time) : null;
  const late = observed !== null && Date.now() - observed.getTime() > LATE_ENTRY_HOURS * 3_600_000;

  if (receipt) {
    return (
      <Page title="Concern recorded">
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <MessageBarTitle>Thank you. Your concern is recorded as {receipt.reference}.</MessageBarTitle>
            Recorded on {formatDateTime(receipt.at)}. The designated safeguarding lead has been alerted and will see it when they next open
            TwoWay. If you think the child is at risk right now, also tell the DSL in person or by phone, today.
          </MessageBarBody>
        </MessageBar>
        <Text>
          {receipt.inMyList
            ? 'Keep the reference. The concern is in the safeguarding list under Concerns, where you can triage it.'
            : 'Keep the reference. You will not see the concern again, but you can add to it from “Concerns you recorded”.'}
        </Text>
        <div className={s.actions}>
          <Button appearance="primary" onClick={() => navigate('/concerns')}>
            Concerns you recorded
          </Button>
          <Button onClick={() => navigate('/home')}>Back to Home</Button>
        </div>
      </Page>
    );
  }

  const addMark = (side: Side, x: number, y: number) => marks.append({ side, x, y, type: 'bruise', size: '', colour: '', description: '' });
  const childOptions = (children.data?.children ?? []).map((c) => ({ value: c.id, label: childDisplayName(c) }));

  return (
    <Page title="Record a safeguarding concern">
      <Text>
        Write down what you saw or heard as soon as you can, in plain facts, and use the child’s own words. Do not investigate or ask
        leading questions. The designated safeguarding lead will be alerted as soon as you save.
      </Text>
      <form className={s.form} onSubmit={submit} noValidate aria-label="Record a safeguarding concern">
        <SelectField form={form} name="childId" label="Child" required options={childOptions} emptyLabel="Choose a child" />
        <div className={s.row}>
          <TextField form={form} name="observedDay" label="Date it was seen or heard" type="date" required max={today()} />
          <TextField form={form} name="observedTime" label="Time" type="time" required />
        </div>
        {late && (
          <TextAreaField
            form={form}
            name="lateEntryReason"
            label="Why it is recorded late"
            hint={`This is more than ${LATE_ENTRY_HOURS} hours after it was seen or heard, so it is a late entry. Say why.`}
            required
            rows={2}
          />
        )}
        <div className={s.row}>
          <SelectField
            form={form}
            name="category"
            label="What kind of concern"
            required
            emptyLabel="Choose one"
            options={CONCERN_CATEGORIES.map((c) => ({ value: c, label: CONCERN_CATEGORY_LABELS[c] }))}
          />
          <SelectField form={form} name="urgency" label="How urgent you think it is" options={CONCERN_URGENCIES.map((u) => ({ value: u, label: CONCERN_URGENCY_LABELS[u] }))} />
        </div>
        {category === 'allegation-staff' && (
          <SelectField
            form={form}
            name="aboutUserId"
            label="Which member of staff it is about"
            hint="Only the manager sees an allegation about a member of staff, never the person named."
            required
            emptyLabel="Choose a member of staff"
            options={(staff.data?.staff ?? []).map((u) => ({ value: u.userId, label: u.name }))}
          />
        )}
        <TextAreaField
          form={form}
          name="description"
          label="What you saw or heard"
          hint="Facts only: what, where, when and who was there. Not what you think it means."
          required
          rows={5}
        />
        <TextAreaField form={form} name="childsWords" label="The child’s own words" hint="Exactly as the child said them, even if they are not grammatical." rows={2} />
        <div className={s.row}>
          <TextField form={form} name="whereSeen" label="Where it happened" />
          <TextField form={form} name="noticedBy" label="Who noticed it" hint="Leave empty if it was you." />
        </div>
        <TextAreaField form={form} name="actionTaken" label="What was done at the time" rows={2} />
        <TextField form={form} name="toldWho" label="Who was told" />

        <OtherChildrenField form={form} options={childOptions.filter((c) => c.value !== form.watch('childId'))} />
        <section className={s.section} aria-label="Body map">
          <Text weight="semibold">Body map</Text>
          <Text size={200}>Click on the outline where you saw a mark, or choose a part of the body and add it. Never photograph or examine a child.</Text>
          <BodyMap label="Body map: click to place a mark" marks={marks.fields.map((m, i) => ({ number: i + 1, side: m.side, x: m.x, y: m.y }))} onPlace={addMark} />
          <div className={s.row}>
            <Field label="Part of the body">
              <Select value={part} onChange={(_e, d) => setPart(d.value)}>
                {BODY_PARTS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Front or back">
              <Select value={partSide} onChange={(_e, d) => setPartSide(d.value as Side)}>
                <option value="front">Front</option>
                <option value="back">Back</option>
              </Select>
            </Field>
            <Button
              onClick={() => {
                const p = BODY_PARTS.find((b) => b.id === part)!;
                const [x, y] = p[partSide];
                addMark(partSide, x, y);
              }}
            >
              Add a mark there
            </Button>
          </div>
          <div className={s.marks}>
            {marks.fields.map((m, i) => (
              <div key={m.id} className={s.mark} role="group" aria-label={`Mark ${i + 1}`}>
                <Text weight="bold">{i + 1}</Text>
                <SelectField form={form} name={`bodyMarks.${i}.type`} label={`Mark ${i + 1}: kind`} options={BODY_MARK_TYPES.map((t) => ({ value: t, label: BODY_MARK_TYPE_LABELS[t] }))} />
                <TextField form={form} name={`bodyMarks.${i}.size`} label="Size" placeholder="e.g. 2 cm" />
                <TextField form={form} name={`bodyMarks.${i}.colour`} label="Colour" />
                <Button icon={<DeleteRegular />} aria-label={`Remove mark ${i + 1}`} onClick={() => marks.remove(i)} />
                <div className={s.markDescription}>
                  <TextField form={form} name={`bodyMarks.${i}.description`} label={`Mark ${i + 1}: what it looks like`} />
                </div>
              </div>
            ))}
          </div>
        </section>

        <ErrorBar error={error} />
        <div className={s.actions}>
          <Button appearance="primary" type="submit" disabled={form.formState.isSubmitting}>
            Record the concern
          </Button>
          <Button onClick={() => navigate('/concerns')}>Cancel</Button>
        </div>
      </form>
    </Page>
  );
}

type RecordForm = ReturnType<typeof useContractForm<typeof formSchema>>;

/**
 * Other children involved (issue 18): a child-on-child incident, a brother or sister. Each is named
 * beside the concern, and their own chronology shows it.
 */
function OtherChildrenField({ form, options }: { form: RecordForm; options: { value: string; label: string }[] }) {
  const s = useStyles();
  const others = useFieldArray({ control: form.control, name: 'otherChildren' });
  const chosen = new Set(others.fields.map((o) => o.childId));
  const label = (id: string) => options.find((c) => c.value === id)?.label ?? 'A child';
  return (
    <section className={s.section} aria-label="Other children involved">
      <Text weight="semibold">Other children involved (if any)</Text>
      {others.fields.map((o, i) => (
        <div key={o.id} className={s.row}>
          <Text>{label(o.childId)}</Text>
          <SelectField
            form={form}
            name={`otherChildren.${i}.relation`}
            label={`How ${label(o.childId)} is involved`}
            options={LINKED_CHILD_RELATIONS.map((r) => ({ value: r, label: LINKED_CHILD_RELATION_LABELS[r] }))}
          />
          <Button icon={<DeleteRegular />} aria-label={`Do not name ${label(o.childId)}`} onClick={() => others.remove(i)} />
        </div>
      ))}
      <Field label="Name another child involved" hint="Their chronology will show this concern. A printed chronology names another family’s child only as “another child”.">
        <Select value="" onChange={(_e, d) => d.value && others.append({ childId: d.value, relation: 'involved' })}>
          <option value="">Choose a child</option>
          {options
            .filter((c) => !chosen.has(c.value))
            .map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
        </Select>
      </Field>
    </section>
  );
}
