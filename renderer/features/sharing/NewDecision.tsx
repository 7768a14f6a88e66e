import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  Textarea,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { Controller, useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { Session } from '../../../shared/contract/auth';
import { CONSENT_SCOPE_LABELS, CONSENT_SCOPES } from '../../../shared/contract/consent';
import { contract, type InputOf, type OutputOf } from '../../../shared/contract/index';
import {
  CONSENT_STATUS_LABELS,
  GOLDEN_RULES,
  HARM_CHOICES,
  HARM_LABELS,
  NOT_SOUGHT_REASON_LABELS,
  QUESTION_HELP,
  RECIPIENT_NEED_LABELS,
  SHARING_METHOD_LABELS,
  suggestedConsentStatus,
  type AssessOutput,
} from '../../../shared/contract/sharing';
import { consentStatusSchema, consentNotSoughtReasonSchema, recipientNeedSchema, sharingMethodSchema, type Assessment, type SharingRule } from '../../../shared/contract/sharing-policy';
import { londonDay } from '../../../shared/domain/dates';
import { useChannel, useChannelMutation } from '../../api';
import { href, navigate } from '../../router';
import { errorOf } from '../../ui/fields';
import { applyServerError, useContractForm, withErrorFocus } from '../../ui/forms';
import { ErrorBar, Loading, Page } from '../../ui/Page';
import { Checklist } from './common';
import { ItemsPicker } from './ItemsPicker';
import { childDisplayName } from '../../../shared/domain/names';

type Values = InputOf<'sharing.record'>;
type Form = UseFormReturn<Values, unknown, FieldValues>;
type Items = OutputOf<'sharing.items'>;

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 380px', gap: tokens.spacingHorizontalXXL, alignItems: 'start' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  side: {
    position: 'sticky',
    top: tokens.spacingVerticalM,
    maxHeight: 'calc(100vh - 120px)',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-start' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  second: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorPaletteMarigoldBorder2}`, borderRadius: tokens.borderRadiusMedium },
  needed: { margin: 0, paddingLeft: '1.2em' },
  rules: { margin: 0, paddingLeft: '1.4em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
});

/**
 * `#/sharing/new?child=<id>`: the "Share information" flow from a child's file; with `&concern=<id>`,
 * from a safeguarding concern (issue 12).
 */
export function NewDecision({ session, childId, concernId = null }: { session: Session; childId: string | null; concernId?: string | null }) {
  if (!childId) return <ChooseChild />;
  return <NewDecisionFor key={`${childId}:${concernId ?? ''}`} session={session} childId={childId} concernId={concernId} />;
}

function ChooseChild() {
  const children = useChannel('children.list', {});
  return (
    <Page title="Share information">
      <Text>Start from the child’s file, or choose the child here.</Text>
      <Field label="Child">
        <Select defaultValue="" onChange={(_e, d) => d.value && navigate(`/sharing/new?child=${d.value}`)}>
          <option value="">Choose a child…</option>
          {(children.data?.children ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {childDisplayName(c)}
            </option>
          ))}
        </Select>
      </Field>
    </Page>
  );
}

function NewDecisionFor({ session, childId, concernId }: { session: Session; childId: string; concernId: string | null }) {
  const items = useChannel('sharing.items', { childId });
  const policy = useChannel('sharing.policy');
  if (items.isPending || policy.isPending) return <Loading />;
  if (items.error || policy.error) {
    return (
      <Page title="Share information">
        <ErrorBar error={items.error ?? policy.error} />
      </Page>
    );
  }
  const proposerOnly = !session.roles.includes('dsl') && !session.roles.includes('manager');
  // Golden rule 7: anyone who may start the questions may record a decision NOT to share.
  return <DecisionForm data={items.data} concernId={concernId} proposerOnly={proposerOnly} mayShare={!proposerOnly || policy.data.practitionersMayPropose} />;
}

/**
 * The questions that must be answered before the checklist can say anything firm (issue 11.12:
 * safety questions start unanswered). While any is open the checklist still shows, with what is
 * still needed (issue 11.14).
 */
const QUESTIONS: [keyof Values & string, string][] = [
  ['legitimatePurpose', 'Is there a clear and legitimate reason to share it?'],
  ['partnerId', 'Who is it for?'],
  ['recipientNeed', 'Do they need this information for their role?'],
  ['identifiable', 'Does it identify the child or family?'],
  ['confidential', 'Is it confidential?'],
  ['statutoryDuty', 'Does the law require it?'],
  ['courtOrder', 'Does a court order require it?'],
  ['consent', 'Have the parents agreed?'],
  ['harm', 'Is a child at risk of significant harm?'],
  ['adviceSought', 'Did you seek advice?'],
  ['parentsInformed', 'Have the parents been told?'],
];

/** What is still needed, in the words of the form's own messages (never zod's). */
function stillNeeded(v: Partial<Values>): string[] {
  const open = QUESTIONS.filter(([name]) => v[name] === undefined || v[name] === '').map(([, q]) => `Answer: ${q}`);
  // Unanswered questions are listed above; stand-ins let the schema's own cross-checks (a named
  // court order, who gave advice, ...) speak as soon as their question is answered.
  const standIns: Partial<Values> = {
    legitimatePurpose: true,
    partnerId: 'x',
    recipientNeed: 'childs-care',
    identifiable: true,
    confidential: true,
    statutoryDuty: false,
    courtOrder: false,
    consent: 'given',
    harm: 'none',
    adviceSought: false,
    parentsInformed: true,
  };
  const answered = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
  const parsed = contract['sharing.record'].input.safeParse({ ...standIns, ...answered, decision: v.decision ?? 'do-not-share', reasons: v.reasons || 'x', purpose: v.purpose || 'x' });
  const asked = new Set(QUESTIONS.map(([name]) => name as string));
  const others = (parsed.error?.issues ?? []).filter((i) => !asked.has(String(i.path[0])) && i.path[0] !== 'authoriser').map((i) => i.message);
  if (!v.purpose?.trim()) others.unshift('Write why you want to share this information.');
  return [...new Set([...open, ...others])];
}

/**
 * A draft for the live checklist: only what changes the answer (the purpose and notes count only as
 * given or not). Questions not yet answered are sent with the answer that shares least, and the
 * panel says they are still to answer.
 */
function toDraft(v: Partial<Values>): InputOf<'sharing.assess'> | null {
  if (!v.childId || !v.partnerId) return null;
  const draft: InputOf<'sharing.assess'> = {
    childId: v.childId,
    purpose: v.purpose?.trim() ? 'given' : '',
    legitimatePurpose: v.legitimatePurpose ?? true,
    partnerId: v.partnerId,
    recipientNeed: v.recipientNeed ?? 'childs-care',
    items: (v.items ?? [])
      .filter((i) => !i.ref.startsWith('note:') || (i.text?.trim() && i.source))
      .map((i) => ({
        ref: i.ref,
        necessary: i.necessary,
        ...(i.thirdParty?.agency.trim() && (!i.thirdParty.agencyConsent || (i.thirdParty.agreedBy?.trim() && i.thirdParty.agreedOn && i.thirdParty.agreedHow?.trim())) ? { thirdParty: i.thirdParty } : {}),
        ...(i.ref.startsWith('note:') ? { text: 'given', topic: i.topic, source: i.source === 'agency' && !i.thirdParty?.agency.trim() ? 'us' : i.source } : {}),
      })),
    identifiable: v.identifiable ?? true,
    confidential: v.confidential ?? true,
    ...(v.consentScope ? { consentScope: v.consentScope } : {}),
    consent: v.consent ?? 'not-sought',
    ...(v.consent === 'not-sought' && v.consentNotSoughtReason ? { consentNotSoughtReason: v.consentNotSoughtReason } : {}),
    statutoryDuty: v.statutoryDuty ?? false,
    courtOrder: v.courtOrder ?? false,
    ...(v.courtOrder || v.statutoryDuty ? { legalWhat: v.legalWhat ?? '', legalReference: v.legalReference ?? '' } : {}),
    harm: v.harm ?? 'none',
    adviceSought: v.adviceSought ?? false,
    ...(v.adviceSought ? { adviceFrom: v.adviceFrom ?? '', adviceNote: v.adviceNote ?? '' } : {}),
    parentsInformed: v.parentsInformed ?? false,
    ...(v.parentsInformed === false ? { parentsNotInformedReason: v.parentsNotInformedReason ?? '' } : {}),
    ...(v.method ? { method: v.method } : {}),
  };
  return contract['sharing.assess'].input.safeParse(draft).success ? draft : null;
}

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const t = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(t);
    // Compared by content (key): a new object with the same answers does not restart the wait.
  }, [key, ms]);
  return current;
}

function DecisionForm({ data, concernId, proposerOnly, mayShare }: { data: Items; concernId: string | null; proposerOnly: boolean; mayShare: boolean }) {
  const s = useStyles();
  // Nothing is pre-answered (issue 11.12): each question is answered on purpose. Started from a
  // concern the user may read (issue 12), the concern is chosen and the harm question says what a
  // concern is: reasonable cause to suspect significant harm (both can be changed).
  const fromConcern = concernId ? data.items.find((i) => i.ref === `concern:${concernId}`) : undefined;
  const form = useContractForm(contract['sharing.record'].input, {
    childId: data.child.id,
    purpose: '',
    items: fromConcern ? [{ ref: fromConcern.ref, necessary: true }] : [],
    ...(fromConcern ? { harm: 'significant-harm-suspected' as const } : {}),
    reasons: '',
    ...(mayShare ? {} : { decision: 'do-not-share' as const }),
  }) as unknown as Form;
  const values = useWatch({ control: form.control }) as Partial<Values>;
  const draft = useDebounced(toDraft(values), 350);
  const assess = useChannel('sharing.assess', draft ?? undefined, { enabled: draft !== null, placeholderData: (previous) => previous });
  const assessed = draft ? assess.data : undefined;
  // A concern lists the decisions that included it, and the chronology shows them: both refresh.
  const record = useChannelMutation('sharing.record', ['sharing', 'consent', 'concerns']);
  const [formError, setFormError] = useState<string | null>(null);
  const [secondHere, setSecondHere] = useState<'here' | 'later'>('here');

  const partner = data.partners.find((p) => p.partnerId === values.partnerId);
  // A refusal of the other choice no longer applies once the decision changes.
  useEffect(() => {
    setFormError(null);
    form.clearErrors('decision');
  }, [values.decision, form]);

  const problem = (path: string) => assessed?.problems.find((p) => p.path.join('.') === path)?.message;
  const message = (path: string) => errorOf(form, path) ?? problem(path);
  const needsSecond = values.decision === 'share' && !!assessed?.needsAuthorisation;
  const sharing = values.decision !== 'do-not-share';
  const needed = stillNeeded(values);
  const legal = values.courtOrder === true || values.statutoryDuty === true;

  const handle = form.handleSubmit(
    async (v) => {
      setFormError(null);
      const input = { ...(v as Values) };
      if (!needsSecond || secondHere !== 'here') delete input.authoriser;
      if (input.decision === 'do-not-share') delete input.method;
      try {
        const { id } = await record.mutateAsync(input);
        navigate(`/sharing/${id}`);
      } catch (e) {
        setFormError(applyServerError(form, e));
      }
    },
    () => setFormError('Some answers are missing or need correcting: they are marked below.'),
  );
  // A refusal (the schema's or the core's) moves focus to the first error (issue 11.4 / 11.2).
  const submit = withErrorFocus(async (e: React.FormEvent) => {
    // The second person's boxes count only when they are here (issue 11.2): "Send it to the list"
    // saves without them; "they are here" needs both boxes.
    if (!needsSecond || secondHere === 'later') form.setValue('authoriser', undefined);
    else if (!form.getValues('authoriser')) form.setValue('authoriser', { username: '', password: '' });
    if (values.decision === 'do-not-share') form.setValue('method', undefined);
    await handle(e);
  });

  return (
    <Page
      title={`Share information about ${data.child.name}`}
      actions={
        <Button onClick={() => navigate(`/children/${data.child.id}?tab=sharing`)}>Back to the child’s file</Button>
      }
    >
      <div className={s.layout}>
        <form className={s.form} onSubmit={submit} noValidate aria-label="Information-sharing decision">
          {!mayShare && (
            // Said first, not at the end: a practitioner who thinks it should be shared must not answer every question to find out.
            <MessageBar intent="info" role="note">
              <MessageBarBody>
                Your setting’s policy says the DSL or a manager records decisions to share. If you think this information should be shared, tell the DSL today:
                they will record the decision. Here you can record a decision not to share, with your reasons.
              </MessageBarBody>
            </MessageBar>
          )}
          <Section title="1. Why">
            <TextArea form={form} name="purpose" label="Why do you want to share this information?" hint="The purpose, in your own words." required message={message('purpose')} />
            <YesNo form={form} name="legitimatePurpose" label="Is there a clear and legitimate reason to share it?" hint={QUESTION_HELP.legitimatePurpose} message={message('legitimatePurpose')} />
          </Section>

          <Section title="2. With whom">
            <Controller
              control={form.control}
              name="partnerId"
              render={({ field }) => (
                <Field label="Who is it for?" required hint="From the partners directory." validationMessage={message('partnerId')} validationState={message('partnerId') ? 'error' : 'none'}>
                  <Select
                    value={field.value ?? ''}
                    onChange={(_e, d) => {
                      field.onChange(d.value || undefined);
                      const p = data.partners.find((x) => x.partnerId === d.value);
                      if (p?.attends && form.getValues('recipientNeed') === undefined) form.setValue('recipientNeed', 'childs-care');
                    }}
                  >
                    <option value="">Choose…</option>
                    {data.partners.map((p) => (
                      <option key={p.partnerId} value={p.partnerId}>
                        {p.name}
                        {p.attends ? ' (the child attends)' : ''}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
            />
            <SimpleInput form={form} name="recipientContact" label="The person you are sharing with there (if known)" />
            <Choice
              form={form}
              name="recipientNeed"
              label="Do they need this information for their role?"
              hint={QUESTION_HELP.recipientNeed}
              options={recipientNeedSchema.options.map((n) => ({ value: n, label: RECIPIENT_NEED_LABELS[n] }))}
              message={message('recipientNeed')}
            />
          </Section>

          <Section title="3. What">
            <Text>Choose only what is needed for the purpose. Anything not needed, or from another agency that has not agreed, is held back.</Text>
            <Controller
              control={form.control}
              name="items"
              render={({ field }) => <ItemsPicker available={data.items} value={field.value ?? []} onChange={field.onChange} errors={message} />}
            />
            {message('items') && <ErrorBar error={message('items')} />}
          </Section>

          <Section title="4. The questions before sharing">
            <YesNo form={form} name="identifiable" label="Does it identify the child or family?" hint={QUESTION_HELP.identifiable} message={message('identifiable')} />
            <YesNo form={form} name="confidential" label="Is it confidential?" hint={QUESTION_HELP.confidential} message={message('confidential')} />
            <YesNo form={form} name="statutoryDuty" label="Does the law require you to share it (a statutory duty)?" hint={QUESTION_HELP.statutoryDuty} message={message('statutoryDuty')} />
            <YesNo form={form} name="courtOrder" label="Does a court order require you to share it?" hint={QUESTION_HELP.courtOrder} message={message('courtOrder')} />
            {legal && (
              <div className={s.row}>
                <SimpleInput form={form} name="legalWhat" label="Which order or law" hint="For example, “Family Court order to disclose records to the local authority”." message={message('legalWhat')} />
                <SimpleInput form={form} name="legalReference" label="Its reference or date" hint="The case number, or the date it was made." message={message('legalReference')} />
              </div>
            )}
            {legal && proposerOnly && (
              <Text size={200}>Only the DSL or a manager may rely on a court order or a legal duty: your proposal will wait for one of them.</Text>
            )}
            <ConsentQuestions form={form} childId={data.child.id} message={message} />
            <Choice
              form={form}
              name="harm"
              label="Is a child at risk of significant harm?"
              hint={QUESTION_HELP.harm}
              options={HARM_CHOICES.map((h) => ({ value: h, label: HARM_LABELS[h] }))}
              message={message('harm')}
            />
          </Section>

          <Section title="5. Advice and the parents">
            <YesNo form={form} name="adviceSought" label="Did you seek advice?" hint={QUESTION_HELP.adviceSought} message={message('adviceSought')} />
            {values.adviceSought && (
              <>
                <SimpleInput form={form} name="adviceFrom" label="From whom" hint="Their role, e.g. “duty social worker”. Do not name the child." message={message('adviceFrom')} />
                <TextArea form={form} name="adviceNote" label="What they advised" hint="Without naming the child." message={message('adviceNote')} />
              </>
            )}
            <YesNo form={form} name="parentsInformed" label="Have the parents been told what will be shared, why and with whom?" hint={QUESTION_HELP.parentsInformed} message={message('parentsInformed')} />
            {values.parentsInformed === false && (
              <TextArea form={form} name="parentsNotInformedReason" label="Why telling them would be unsafe or inappropriate" message={message('parentsNotInformedReason')} />
            )}
          </Section>

          <Section title="6. Your decision">
            <Choice
              form={form}
              name="decision"
              label="What have you decided?"
              options={[
                ...(mayShare ? [{ value: 'share', label: 'Share the information' }] : []),
                { value: 'do-not-share', label: 'Do not share it' },
              ]}
              message={message('decision')}
            />
            {!mayShare && (
              <Text size={200}>Your setting’s policy says the DSL or a manager records decisions to share. You can record a decision not to share, with your reasons.</Text>
            )}
            {sharing && (
              <Choice
                form={form}
                name="method"
                label="How will it be shared?"
                select
                hint={`${QUESTION_HELP.method}${partner ? (partner.secure ? ` ${partner.name} has a secure address in the partners directory.` : ` No secure address is recorded for ${partner.name}.`) : ''}`}
                options={sharingMethodSchema.options.map((m) => ({ value: m, label: SHARING_METHOD_LABELS[m] }))}
                message={message('method')}
              />
            )}
            {values.decision === 'share' && assessed && (assessed.assessment.outcome === 'do-not-share' || assessed.assessment.outcome === 'needs-more-information') && (
              <MessageBar intent="warning">
                <MessageBarBody>The checklist does not allow a decision to share as things stand. Change the answers, or record a decision not to share.</MessageBarBody>
              </MessageBar>
            )}
            <TextArea
              form={form}
              name="reasons"
              label="Your reasons, in your own words"
              required
              rows={4}
              hint="Information sharing advice, golden rule 7: keep a record of your decision and the reasons for it, whether it is to share information or not."
              message={message('reasons')}
            />
            {needsSecond && (
              <div className={s.second} role="group" aria-label="Second person">
                <Text weight="semibold">
                  {proposerOnly ? 'Your decision is a proposal: ' : ''}
                  {assessed?.authorisers ? `${capitalise(assessed.authorisers)} must agree before anything is shared.` : 'A second person must agree.'}
                </Text>
                <RadioGroup
                  value={secondHere}
                  onChange={(_e, d) => {
                    setSecondHere(d.value as 'here' | 'later');
                    form.clearErrors('authoriser');
                  }}
                  aria-label="When will they agree?"
                >
                  <Radio value="here" label="They are here now: they type their own username and password" />
                  <Radio value="later" label="Send it to the “Awaiting authorisation” list" />
                </RadioGroup>
                {secondHere === 'here' && (
                  <div className={s.row}>
                    <SimpleInput form={form} name="authoriser.username" label="Their username" autoComplete="off" message={message('authoriser.username')} />
                    <SimpleInput form={form} name="authoriser.password" label="Their password" type="password" autoComplete="off" message={message('authoriser.password')} />
                  </div>
                )}
              </div>
            )}
            <ErrorBar error={formError} />
            <div className={s.actions}>
              <Button appearance="primary" type="submit" disabled={record.isPending}>
                {values.decision === 'do-not-share' ? 'Record the decision not to share' : needsSecond && secondHere === 'later' ? 'Record and ask for authorisation' : 'Record the decision'}
              </Button>
            </div>
          </Section>
        </form>

        <section className={s.side} aria-label="Checklist">
          <Title3 as="h2" className={s.heading}>
            Checklist {assess.isFetching && <Spinner size="tiny" as="span" aria-label="Checking the answers again" />}
          </Title3>
          {needed.length > 0 && (
            <section aria-label="Still needed" data-testid="still-needed">
              <Text weight="semibold" block>
                Still needed
              </Text>
              <ul className={s.needed}>
                {needed.map((n) => (
                  <li key={n}>
                    <Text size={200}>{n}</Text>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {assessed ? (
            <>
              <Checklist assessment={provisional(assessed.assessment, needed.length > 0, values)} />
              <ItemSummary assessed={assessed} items={values.items ?? []} available={data.items} />
            </>
          ) : (
            <Text>Choose who it is for, and the checklist will appear here as you answer.</Text>
          )}
          {assess.error && <ErrorBar error={assess.error} />}
          <Accordion collapsible>
            <AccordionItem value="rules">
              <AccordionHeader>Information sharing advice: the seven golden rules</AccordionHeader>
              <AccordionPanel>
                <ol className={s.rules}>
                  {GOLDEN_RULES.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ol>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </section>
      </div>
    </Page>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The questions each line of the checklist depends on. */
const RULE_QUESTIONS: Partial<Record<SharingRule, (keyof Values & string)[]>> = {
  'legitimate-purpose': ['legitimatePurpose'],
  'role-in-care': ['recipientNeed'],
  'identifiable-confidential': ['identifiable', 'confidential'],
  'statutory-duty-or-court-order': ['statutoryDuty', 'courtOrder'],
  consent: ['consent'],
  'public-interest': ['harm'],
  'open-and-honest': ['parentsInformed'],
};

/**
 * While answers are missing, the checklist cannot say "You may share": it says more answers are
 * needed, and a line whose question is not answered yet says so instead of guessing.
 */
function provisional(assessment: Assessment, incomplete: boolean, v: Partial<Values>): Assessment {
  if (!incomplete) return assessment;
  const checks = assessment.checks.map((c) =>
    (RULE_QUESTIONS[c.rule] ?? []).some((q) => v[q] === undefined) ? { rule: c.rule, ok: false, message: 'Not answered yet.' } : c,
  );
  return { ...assessment, outcome: 'needs-more-information', checks };
}

function ItemSummary({ assessed, items, available }: { assessed: AssessOutput; items: Values['items']; available: Items['items'] }) {
  const label = (ref: string) => available.find((i) => i.ref === ref)?.label ?? `Note ${ref.slice('note:'.length)}`;
  const { itemsToShare, itemsWithheld } = assessed.assessment;
  if (items.length === 0) return null;
  return (
    <section aria-label="What would be shared">
      <Text weight="semibold" block>
        Would be shared: {itemsToShare.length} · Held back: {itemsWithheld.length}
      </Text>
      <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
        {itemsWithheld.map((w) => (
          <li key={w.id}>
            <Text size={200}>
              {label(w.id)}: {w.reason}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConsentQuestions({ form, childId, message }: { form: Form; childId: string; message: (p: string) => string | undefined }) {
  const consent = useWatch({ control: form.control, name: 'consent' });
  const scope = useWatch({ control: form.control, name: 'consentScope' });
  const partnerId = useWatch({ control: form.control, name: 'partnerId' });
  // The consent register's answer for this recipient today; it fills in "have the parents agreed?".
  const check = useChannel('consent.check', scope && partnerId ? { childId, scope, recipientId: partnerId, on: londonDay() } : undefined, { enabled: !!(scope && partnerId) });
  const answer = scope && partnerId ? check.data : undefined;
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (!answer || !scope || !partnerId || applied.current === `${scope}:${partnerId}`) return;
    applied.current = `${scope}:${partnerId}`;
    form.setValue('consent', suggestedConsentStatus(answer), { shouldValidate: form.formState.isSubmitted });
  }, [answer, scope, partnerId, form]);
  return (
    <>
      <Controller
        control={form.control}
        name="consentScope"
        render={({ field }) => (
          <Field label="Which consent in the register applies?" hint={`${QUESTION_HELP.consentScope} The register’s answer for this recipient today is shown below.`}>
            <Select value={field.value ?? ''} onChange={(_e, d) => field.onChange(d.value || undefined)}>
              <option value="">None of these</option>
              {CONSENT_SCOPES.map((sc) => (
                <option key={sc} value={sc}>
                  {CONSENT_SCOPE_LABELS[sc]}
                </option>
              ))}
            </Select>
          </Field>
        )}
      />
      {answer && (
        <MessageBar intent={answer.valid ? 'success' : 'warning'} data-testid="consent-answer" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The consent register says</MessageBarTitle>
            {answer.message}{' '}
            {(answer.consentId ?? answer.relatedConsentId) && (
              <a href={href(`/children/${childId}?tab=consent`)}>See the record it relies on</a>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <Choice
        form={form}
        name="consent"
        label="Have the parents agreed?"
        hint={QUESTION_HELP.consent}
        options={consentStatusSchema.options.map((c) => ({ value: c, label: CONSENT_STATUS_LABELS[c] }))}
        message={message('consent')}
        horizontal
      />
      {consent === 'not-sought' && (
        <Choice
          form={form}
          name="consentNotSoughtReason"
          label="Why was consent not asked for?"
          select
          options={consentNotSoughtReasonSchema.options.map((r) => ({ value: r, label: NOT_SOUGHT_REASON_LABELS[r] }))}
          message={message('consentNotSoughtReason')}
        />
      )}
    </>
  );
}

// ---------------------------------------------------------------------------------------
// Small field pieces bound to the form
// ---------------------------------------------------------------------------------------

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const s = useStyles();
  return (
    <section className={s.section} aria-label={title.replace(/^\d+\.\s*/, '')}>
      <Title3 as="h2" className={s.heading}>
        {title}
      </Title3>
      {children}
    </section>
  );
}

const state = (m?: string) => (m ? ('error' as const) : ('none' as const));

function YesNo({ form, name, label, hint, message }: { form: Form; name: keyof Values & string; label: string; hint?: string; message?: string }) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Field label={label} hint={hint} required validationMessage={message} validationState={state(message)}>
          <RadioGroup
            layout="horizontal"
            aria-label={label}
            value={field.value === true ? 'yes' : field.value === false ? 'no' : ''}
            onChange={(_e, d) => field.onChange(d.value === 'yes')}
          >
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="No" />
          </RadioGroup>
        </Field>
      )}
    />
  );
}

function Choice({
  form,
  name,
  label,
  hint,
  options,
  message,
  select,
  horizontal,
}: {
  form: Form;
  name: keyof Values & string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  message?: string;
  select?: boolean;
  horizontal?: boolean;
}) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Field label={label} hint={hint} required validationMessage={message} validationState={state(message)}>
          {select ? (
            <Select value={(field.value as string | undefined) ?? ''} onChange={(_e, d) => field.onChange(d.value || undefined)}>
              <option value="">Choose…</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          ) : (
            <RadioGroup layout={horizontal ? 'horizontal' : 'vertical'} aria-label={label} value={(field.value as string | undefined) ?? ''} onChange={(_e, d) => field.onChange(d.value)}>
              {options.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </RadioGroup>
          )}
        </Field>
      )}
    />
  );
}

function TextArea({ form, name, label, hint, required, rows = 3, message }: { form: Form; name: string; label: string; hint?: string; required?: boolean; rows?: number; message?: string }) {
  const { ref, onChange, onBlur, name: fieldName } = form.register(name as never);
  return (
    <Field label={label} hint={hint} required={required} validationMessage={message} validationState={state(message)}>
      <Textarea ref={ref} name={fieldName} rows={rows} resize="vertical" onChange={(ev) => void onChange(ev)} onBlur={(ev) => void onBlur(ev)} />
    </Field>
  );
}

function SimpleInput({
  form,
  name,
  label,
  hint,
  type,
  autoComplete,
  message,
}: {
  form: Form;
  name: string;
  label: string;
  hint?: string;
  type?: 'password';
  autoComplete?: string;
  message?: string;
}) {
  const { ref, onChange, onBlur, name: fieldName } = form.register(name as never);
  return (
    <Field label={label} hint={hint} validationMessage={message} validationState={state(message)}>
      <Input ref={ref} name={fieldName} type={type} autoComplete={autoComplete} onChange={(ev) => void onChange(ev)} onBlur={(ev) => void onBlur(ev)} />
    </Field>
  );
}
