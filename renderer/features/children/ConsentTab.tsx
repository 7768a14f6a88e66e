import {
  Badge,
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { AddRegular, CheckmarkCircleRegular, DismissCircleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { Session } from '../../../shared/contract/auth';
import type { ChildFile } from '../../../shared/contract/children';
import {
  ACKNOWLEDGEMENT_METHOD_LABELS,
  ACKNOWLEDGEMENT_METHODS,
  CONSENT_SCOPE_LABELS,
  CONSENT_SCOPE_SHORT,
  CONSENT_SCOPES,
  WRITTEN_CONSENT_SCOPES,
  type ConsentEntry,
  type ConsentReason,
  type ConsentScope,
} from '../../../shared/contract/consent';
import { contract } from '../../../shared/contract/index';
import { formatDateTime, formatDay, londonDay } from '../../../shared/domain/dates';
import { useChannel, useChannelMutation } from '../../api';
import { errorOf, FormDialog, GroupField, SelectField, TextAreaField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading, VisuallyHidden } from '../../ui/Page';
import { can } from '../../ui/access';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  yes: { color: tokens.colorPaletteGreenForeground1 },
  no: { color: tokens.colorPaletteRedForeground1 },
  cell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  withdrawal: { color: tokens.colorPaletteRedForeground1 },
  partners: { display: 'flex', flexDirection: 'column', paddingLeft: tokens.spacingHorizontalXL },
  narrow: { width: '96px' },
  wide: { width: '30%' },
});

/** Text someone typed, ending with one full stop whether or not they typed it. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

const REFRESH = ['consent', 'children'];

const REASON_SHORT: Record<ConsentReason, string> = {
  given: 'Yes',
  'never-given': 'Not given',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
  'recipient-not-covered': 'Not covered',
  'no-parental-responsibility': 'No PR',
};

const STATE_BADGE: Record<ConsentEntry['state'], { label: string; color: 'success' | 'danger' | 'warning' | 'subtle' | 'informative' }> = {
  'in-force': { label: 'In force', color: 'success' },
  'review-due': { label: 'Review due', color: 'warning' },
  refused: { label: 'Refused', color: 'danger' },
  withdrawn: { label: 'Withdrawn', color: 'danger' },
  expired: { label: 'Expired', color: 'warning' },
  'not-yet-in-force': { label: 'Not yet in force', color: 'informative' },
};

export function ConsentTab({ file, session }: { file: ChildFile; session: Session }) {
  const s = useStyles();
  const register = useChannel('consent.register', { childId: file.child.id });
  const [dialog, setDialog] = useState<{ kind: 'record' | 'acknowledge' } | { kind: 'withdraw'; entry: ConsentEntry } | null>(null);
  const canRecord = can(session, 'consent.record');
  if (register.isPending) return <Loading />;
  if (register.error) return <ErrorBar error={register.error} />;
  const r = register.data;
  const prCarers = file.carers.filter((c) => c.parentalResponsibility);
  return (
    <>
      <section className={s.section} aria-label="Registration form">
        <Title3 as="h2" className={s.heading}>Registration form</Title3>
        {r.acknowledgements.length === 0 ? (
          <MessageBar intent="warning">
            <MessageBarBody>
              No record yet that the parents acknowledged the information-sharing policy on the registration form (our information sharing policy, 3.3).
            </MessageBarBody>
          </MessageBar>
        ) : (
          r.acknowledgements.map((a) => (
            <Text key={a.id}>
              {a.carerName}: {ACKNOWLEDGEMENT_METHOD_LABELS[a.method].toLowerCase()} on {formatDay(a.on)}
              {a.note ? ` (${a.note})` : ''}. Recorded by {a.recordedByName ?? 'unknown'} on {formatDateTime(a.recordedAt)}.
            </Text>
          ))
        )}
      </section>

      <section className={s.section} aria-label="Where consent stands today">
        <Title3 as="h2" className={s.heading}>Where consent stands today</Title3>
        {r.matrix.length === 0 ? (
          <Text>The child does not attend another setting and no consent names a partner. Consents to “all partners” are listed below.</Text>
        ) : (
          <Table aria-label="Consent today by partner" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Partner</TableHeaderCell>
                {CONSENT_SCOPES.map((scope) => (
                  <TableHeaderCell key={scope}>
                    <Tooltip content={CONSENT_SCOPE_LABELS[scope]} relationship="description">
                      <span>{CONSENT_SCOPE_SHORT[scope]}</span>
                    </Tooltip>
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {r.matrix.map((row) => (
                <TableRow key={row.partnerId}>
                  <TableCell>{row.partnerName}</TableCell>
                  {row.results.map((res) => (
                    <TableCell key={res.scope}>
                      {/* The whole answer is in the cell for screen readers (a label on a span is not read); the tooltip shows it on hover. */}
                      <Tooltip content={res.message} relationship="inaccessible">
                        <span className={`${s.cell} ${res.valid ? s.yes : s.no}`}>
                          {res.valid ? <CheckmarkCircleRegular /> : <DismissCircleRegular />}
                          {REASON_SHORT[res.reason]}
                          <VisuallyHidden>{`. ${CONSENT_SCOPE_SHORT[res.scope]} with ${row.partnerName}: ${res.message}`}</VisuallyHidden>
                        </span>
                      </Tooltip>
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className={s.section} aria-label="Consent register">
        <Title3 as="h2" className={s.heading}>Consent register</Title3>
        <Text size={200}>Every consent, refusal and withdrawal, newest first. Nothing is ever changed or deleted.</Text>
        {canRecord && (
          <div className={s.actions}>
            <Button appearance="primary" icon={<AddRegular />} onClick={() => setDialog({ kind: 'record' })} disabled={prCarers.length === 0}>
              Record consent or refusal
            </Button>
            <Button onClick={() => setDialog({ kind: 'acknowledge' })} disabled={file.carers.length === 0}>
              Record registration form acknowledgement
            </Button>
          </div>
        )}
        {canRecord && prCarers.length === 0 && <Text>Add a parent or carer with parental responsibility first: only they can give or refuse consent.</Text>}
        {r.entries.length === 0 ? (
          <Text>Nothing recorded yet.</Text>
        ) : (
          <Table aria-label="Consent history">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>For</TableHeaderCell>
                <TableHeaderCell className={s.narrow}>Decision</TableHeaderCell>
                <TableHeaderCell>Recipients</TableHeaderCell>
                <TableHeaderCell className={s.wide}>Given by, when and how</TableHeaderCell>
                <TableHeaderCell>Expiry / review</TableHeaderCell>
                <TableHeaderCell>State today</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {r.entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>
                    <Text weight="semibold">{CONSENT_SCOPE_SHORT[e.scope]}</Text>
                    <Text size={200} block>
                      {CONSENT_SCOPE_LABELS[e.scope]}
                    </Text>
                  </TableCell>
                  <TableCell>{e.decision === 'given' ? 'Given' : 'Refused'}</TableCell>
                  <TableCell>{e.recipients === 'all-partners' ? 'All partners' : e.recipients.map((p) => p.name).join(', ')}</TableCell>
                  <TableCell>
                    {e.givenByName} ({e.givenByRelationship}) on {formatDay(e.givenOn)}, {e.method === 'written' ? 'in writing' : 'verbally'}
                    {e.evidence && (
                      <Text size={200} block>
                        Evidence: {e.evidence}
                      </Text>
                    )}
                    <Text size={200} block>
                      Recorded by {e.recordedByName ?? 'unknown'} on {formatDateTime(e.recordedAt)}
                    </Text>
                    {e.withdrawal && (
                      <Text size={200} block className={s.withdrawal}>
                        Withdrawn by {e.withdrawal.byName} on {formatDay(e.withdrawal.on)}: {sentence(e.withdrawal.reason)} Recorded by {e.withdrawal.recordedByName ?? 'unknown'} on{' '}
                        {formatDateTime(e.withdrawal.recordedAt)}.
                      </Text>
                    )}
                  </TableCell>
                  <TableCell>
                    {e.expiresOn ? `Expires ${formatDay(e.expiresOn)}` : ''}
                    {e.reviewOn && <Text block>Review {formatDay(e.reviewOn)}</Text>}
                    {!e.expiresOn && !e.reviewOn && '—'}
                  </TableCell>
                  <TableCell>
                    <Badge color={STATE_BADGE[e.state].color}>{STATE_BADGE[e.state].label}</Badge>
                    {canRecord && e.decision === 'given' && !e.withdrawal && (
                      <div>
                        <Button size="small" onClick={() => setDialog({ kind: 'withdraw', entry: e })} aria-label={`Record withdrawal of ${CONSENT_SCOPE_SHORT[e.scope]} consent given ${formatDay(e.givenOn)}`}>
                          Record withdrawal
                        </Button>
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      {dialog?.kind === 'record' && <RecordConsentDialog file={file} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'withdraw' && <WithdrawDialog file={file} entry={dialog.entry} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'acknowledge' && <AcknowledgeDialog file={file} onClose={() => setDialog(null)} />}
    </>
  );
}

function RecordConsentDialog({ file, onClose }: { file: ChildFile; onClose: () => void }) {
  const s = useStyles();
  const record = useChannelMutation('consent.record', REFRESH);
  const partners = useChannel('partners.list', {});
  const form = useContractForm(contract['consent.record'].input, {
    childId: file.child.id,
    scope: 'diary',
    decision: 'given',
    recipients: 'all-partners',
    givenByCarerId: file.carers.find((c) => c.parentalResponsibility)?.id ?? '',
    givenOn: londonDay(),
    method: 'written',
    expiresOn: '',
    reviewOn: '',
    evidence: '',
  });
  const { submit, error } = useFormSubmit(form, (v) => record.mutateAsync(v), onClose);
  const scope = form.watch('scope') as ConsentScope;
  const decision = form.watch('decision');
  // Partners the child attends first, then the rest of the directory.
  const attended = new Set(file.sharedCare.filter((sc) => sc.current).map((sc) => sc.partnerId));
  const partnerList = [...(partners.data?.partners ?? [])].sort((a, b) => Number(attended.has(b.id)) - Number(attended.has(a.id)));
  return (
    <FormDialog title="Record consent or refusal" submitLabel="Record" onSubmit={submit} onClose={onClose} pending={record.isPending} error={error} wide>
      <SelectField form={form} name="scope" label="What it is for" required options={CONSENT_SCOPES.map((x) => ({ value: x, label: CONSENT_SCOPE_LABELS[x] }))} />
      <Controller
        control={form.control}
        name="decision"
        render={({ field }) => (
          <Field label="Decision" required>
            <RadioGroup layout="horizontal" value={field.value ?? 'given'} onChange={(_e, d) => field.onChange(d.value)}>
              <Radio value="given" label="Consent given" />
              <Radio value="refused" label="Consent refused" />
            </RadioGroup>
          </Field>
        )}
      />
      <Controller
        control={form.control}
        name="recipients"
        render={({ field }) => {
          const listed = field.value === 'all-partners' ? null : ((field.value ?? []) as string[]);
          return (
            <GroupField label="Who it covers" required message={errorOf(form, 'recipients')}>
              <RadioGroup aria-label="Who it covers" value={listed ? 'listed' : 'all'} onChange={(_e, d) => field.onChange(d.value === 'all' ? 'all-partners' : [])}>
                <Radio value="all" label="All partners in the directory (settings, schools and agencies)" />
                <Radio value="listed" label="Only the partners listed" />
              </RadioGroup>
              {listed && (
                <div className={s.partners} role="group" aria-label="Partners covered">
                  {partnerList.map((p) => (
                    <Checkbox
                      key={p.id}
                      label={`${p.name}${attended.has(p.id) ? ' (the child attends)' : ''}`}
                      checked={listed.includes(p.id)}
                      onChange={(_e, d) => field.onChange(d.checked ? [...listed, p.id] : listed.filter((x) => x !== p.id))}
                    />
                  ))}
                  {partnerList.length === 0 && <Text>The partners directory is empty.</Text>}
                </div>
              )}
            </GroupField>
          );
        }}
      />
      <SelectField
        form={form}
        name="givenByCarerId"
        label={decision === 'refused' ? 'Refused by' : 'Given by'}
        hint="A parent or carer with parental responsibility."
        required
        emptyLabel="Choose…"
        options={file.carers.map((c) => ({
          value: c.id,
          label: `${c.fullName} (${c.relationship})${c.parentalResponsibility ? '' : ' – no parental responsibility'}`,
        }))}
      />
      <TextField form={form} name="givenOn" label={decision === 'refused' ? 'Refused on' : 'Given on'} type="date" required />
      <Controller
        control={form.control}
        name="method"
        render={({ field }) => (
          <Field
            label="How"
            required
            hint={WRITTEN_CONSENT_SCOPES.includes(scope) && decision !== 'refused' ? 'Our information sharing policy, 3.4: this needs written consent.' : undefined}
            validationMessage={errorOf(form, 'method')}
            validationState={errorOf(form, 'method') ? 'error' : 'none'}
          >
            <RadioGroup layout="horizontal" value={field.value} onChange={(_e, d) => field.onChange(d.value)}>
              <Radio value="written" label="In writing" />
              <Radio value="verbal" label="Verbally" />
            </RadioGroup>
          </Field>
        )}
      />
      {decision !== 'refused' && <TextField form={form} name="expiresOn" label="Expires on (optional)" type="date" hint="Valid up to and including this day." />}
      <TextField form={form} name="reviewOn" label="Review on (optional)" type="date" hint="A day to check with the parents that it still stands." />
      <TextAreaField form={form} name="evidence" label="Evidence" hint="Where the signed form is, or who heard the parent say it." rows={2} />
    </FormDialog>
  );
}

function WithdrawDialog({ file, entry, onClose }: { file: ChildFile; entry: ConsentEntry; onClose: () => void }) {
  const withdraw = useChannelMutation('consent.withdraw', REFRESH);
  const form = useContractForm(contract['consent.withdraw'].input, { consentId: entry.id, on: londonDay(), byCarerId: entry.givenByCarerId, reason: '' });
  const { submit, error } = useFormSubmit(form, (v) => withdraw.mutateAsync(v), onClose);
  return (
    <FormDialog title={`Withdrawal of ${CONSENT_SCOPE_SHORT[entry.scope].toLowerCase()} consent`} submitLabel="Record withdrawal" onSubmit={submit} onClose={onClose} pending={withdraw.isPending} error={error}>
      <Text>
        Consent given by {entry.givenByName} on {formatDay(entry.givenOn)}. It stays in the register, marked as withdrawn from the day you give.
      </Text>
      <SelectField form={form} name="byCarerId" label="Withdrawn by" required options={file.carers.map((c) => ({ value: c.id, label: `${c.fullName} (${c.relationship})` }))} />
      <TextField form={form} name="on" label="Withdrawn on" type="date" required />
      <TextAreaField form={form} name="reason" label="Reason" required rows={2} />
    </FormDialog>
  );
}

function AcknowledgeDialog({ file, onClose }: { file: ChildFile; onClose: () => void }) {
  const ack = useChannelMutation('consent.acknowledge', REFRESH);
  const form = useContractForm(contract['consent.acknowledge'].input, {
    childId: file.child.id,
    carerId: file.carers[0]?.id ?? '',
    on: londonDay(),
    method: 'signed-form',
    note: '',
  });
  const { submit, error } = useFormSubmit(form, (v) => ack.mutateAsync(v), onClose);
  return (
    <FormDialog title="Registration form acknowledgement" submitLabel="Record" onSubmit={submit} onClose={onClose} pending={ack.isPending} error={error}>
      <Text>
        Our information sharing policy, 2.2: parents “sign our Registration Form to say that they understand the circumstances in which information may be shared without their
        consent”.
      </Text>
      <SelectField form={form} name="carerId" label="Parent or carer" required options={file.carers.map((c) => ({ value: c.id, label: `${c.fullName} (${c.relationship})` }))} />
      <TextField form={form} name="on" label="Date" type="date" required />
      <SelectField form={form} name="method" label="How" required options={ACKNOWLEDGEMENT_METHODS.map((m) => ({ value: m, label: ACKNOWLEDGEMENT_METHOD_LABELS[m] }))} />
      <TextField form={form} name="note" label="Note" />
    </FormDialog>
  );
}
