import { Badge, Button, Card, CardHeader, Field, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular, SignatureRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { SHARE_CHANNEL_LABELS, SHARE_CHANNELS, SIGNATURE_METHOD_LABELS, type Agreement, type SignerRow } from '../../../shared/contract/agreements';
import type { Session } from '../../../shared/contract/auth';
import { CONSENT_SCOPE_SHORT } from '../../../shared/contract/consent';
import { contract } from '../../../shared/contract/index';
import { formatDateTime, formatDay, londonDay } from '../../../shared/domain/dates';
import { useChannel, useChannelMutation } from '../../api';
import { AgreementPrint } from '../../print/AgreementPrint';
import { PrintPortal } from '../../print/PrintPortal';
import { href } from '../../router';
import { can } from '../../ui/access';
import { FormDialog, TextAreaField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading } from '../../ui/Page';
import { PrintActions } from '../../ui/PrintActions';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { Facts } from '../children/Facts';
import { ChoicesField } from './ChoicesField';
import { SignDialog } from './SignDialog';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(380px, 1fr))', gap: tokens.spacingHorizontalL },
  who: { color: tokens.colorNeutralForeground2 },
  signers: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingHorizontalM },
  sig: { height: '60px', maxWidth: '100%', objectFit: 'contain', alignSelf: 'flex-start', background: '#fff' },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1.5fr) minmax(0, 1fr) auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Dialog = { kind: 'setting'; index: number } | { kind: 'child' } | { kind: 'sharing' } | { kind: 'sign'; signer: SignerRow } | null;

/** The child's information sharing agreement (issue 13): the three parts, the records and consents it relies on, and its signatures. */
export function AgreementTab({ childId, session, printable = true }: { childId: string; session: Session; printable?: boolean }) {
  const s = useStyles();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const versions = useChannel('agreements.versions', { childId });
  const query = useChannel('agreements.get', { childId, ...(version ? { version } : {}) });
  const [dialog, setDialog] = useState<Dialog>(null);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorBar error={query.error} />;
  const a = query.data;
  const latest = versions.data?.versions[0]?.version ?? 1;
  const isCurrent = a.version >= latest;
  const canEdit = can(session, 'agreements.update') && isCurrent;
  const canSign = can(session, 'agreements.sign') && isCurrent && a.status === 'draft' && a.problems.length === 0;
  const editHint = a.status === 'signed' ? 'Everyone has signed this version: a change makes a new version, which everyone signs again.' : undefined;
  const signed = a.signers.filter((x) => x.signature).length;

  return (
    <>
      <div className={s.bar}>
        <Badge size="large" color={a.status === 'signed' ? (a.reviewDue ? 'warning' : 'success') : 'informative'}>
          {a.status === 'signed' ? (a.reviewDue ? `Version ${a.version}: signed, past its review date` : `Version ${a.version}: signed by everyone`) : `Version ${a.version}: draft, ${signed} of ${a.signers.length} signed`}
        </Badge>
        {(versions.data?.versions.length ?? 0) > 1 && (
          <Field label="Version">
            <Select value={String(a.version)} onChange={(_e, d) => setVersion(Number(d.value))}>
              {versions.data!.versions.map((v) => (
                <option key={v.version} value={v.version}>
                  Version {v.version} ({v.status === 'signed' ? `signed ${v.signedAt ? formatDay(v.signedAt.slice(0, 10)) : ''}` : 'draft'})
                </option>
              ))}
            </Select>
          </Field>
        )}
        <PrintActions
          document="sharing-agreement"
          recordId={`child:${childId}`}
          suggestedName={`Information sharing agreement - ${a.childName} - version ${a.version}`.slice(0, 110)}
          label={a.status === 'signed' ? 'Print' : 'Print to fill in by hand'}
        />
      </div>
      {!isCurrent && <MessageBar intent="info"><MessageBarBody>This is an earlier version, kept as it was. The current one is version {latest}.</MessageBarBody></MessageBar>}
      {a.problems.map((p) => (
        <MessageBar key={p} intent="warning">
          <MessageBarBody>{p}</MessageBarBody>
        </MessageBar>
      ))}
      {editHint && isCurrent && <Text>{editHint}</Text>}
      <Text>
        Complete it together at the first joint meeting with the parents and each key person (our information sharing guidance: “Parents and key persons in
        their initial joint meeting should sign an agreement on how they will proceed with sharing information”).
      </Text>
      {a.id && (
        <section aria-label="Papers kept with this agreement">
          <Text as="h2" size={500} weight="semibold">
            Papers for this version
          </Text>
          <Text>A copy signed on paper, scanned or photographed, is kept here with the version it belongs to.</Text>
          <DocumentsPanel session={session} ownerType="agreement" ownerId={a.id} canAdd={can(session, 'documents.add') && isCurrent} />
        </section>
      )}

      <Text as="h2" size={500} weight="semibold">
        1. About each setting
      </Text>
      <div className={s.cards}>
        {a.settings.map((x, index) => (
          <Card key={x.partnerId ?? 'here'} aria-label={`About ${x.name}`}>
            <CardHeader
              header={<Text weight="semibold">{x.name}</Text>}
              action={
                canEdit ? (
                  <Button size="small" icon={<EditRegular />} onClick={() => setDialog({ kind: 'setting', index })} aria-label={`Edit about ${x.name}`}>
                    Edit
                  </Button>
                ) : undefined
              }
            />
            <Facts
              items={[
                ['Address', x.address],
                ['Opening hours', x.openingHours],
                ['The child’s days there', x.childDays],
                ['Key person', x.keyPersonName],
                ['How to reach them', x.keyPersonContact],
                ['DSL', x.dslName],
                ['How to reach the DSL', x.dslContact],
                ['How they prefer to hear from the others', x.preferredContact],
                ['Telling each other of concerns', x.concernsAgreement],
              ]}
            />
            <Completed by={x.completedBy} on={x.completedOn} />
          </Card>
        ))}
      </div>

      <Card aria-label="About the child">
        <CardHeader
          header={
            <Text as="h2" size={500} weight="semibold">
              2. About the child
            </Text>
          }
          description="Completed with the parents."
          action={
            canEdit ? (
              <Button icon={<EditRegular />} aria-label="Edit about the child" onClick={() => setDialog({ kind: 'child' })}>
                Edit
              </Button>
            ) : undefined
          }
        />
        <Facts
          items={[
            ['Routines', a.child.routines],
            ['Sleep', a.child.sleep],
            ['Food', a.child.food],
            ['Comforters', a.child.comforters],
            ['Languages', a.child.languages],
            ['Likes', a.child.likes],
            ['Dislikes', a.child.dislikes],
            ['Health, in the parents’ words', a.child.health],
            ['What the parents want every setting to know', a.child.everySettingShouldKnow],
            ['Their worries', a.child.worries],
          ]}
        />
        <Completed by={a.child.completedBy} on={a.child.completedOn} />
        <Text weight="semibold">Health and who manages it (from the health records{a.status === 'signed' ? ', as they were when signed' : ''})</Text>
        {a.records.health.length === 0 ? (
          <Text>No allergies, medication or dietary needs are recorded.</Text>
        ) : (
          <ul className={s.list}>
            {a.records.health.map((h, i) => (
              <li key={i}>
                {h.kind}: {h.name}
                {h.detail ? ` (${h.detail})` : ''}. {h.managedBy.length ? `Managed by ${h.managedBy.join('; ')}.` : 'Who manages it is not recorded.'}
              </li>
            ))}
          </ul>
        )}
        <a href={href(`/children/${childId}?tab=health`)}>Health records</a>
      </Card>

      <Card aria-label="How we will share">
        <CardHeader
          header={
            <Text as="h2" size={500} weight="semibold">
              3. How we will share
            </Text>
          }
          action={
            canEdit ? (
              <Button icon={<EditRegular />} aria-label="Edit how we will share" onClick={() => setDialog({ kind: 'sharing' })}>
                Edit
              </Button>
            ) : undefined
          }
        />
        <Facts
          items={[
            ['Ways we will share', a.sharing.channels.map((c) => SHARE_CHANNEL_LABELS[c]).join(', ')],
            ['How often', a.sharing.howOften],
            ['Emergency contacts kept current by', a.sharing.emergencyContacts],
            ['Anything else about transfers', a.sharing.transfers],
            ['Review date', a.sharing.reviewOn ? formatDay(a.sharing.reviewOn) : null],
          ]}
        />
        {a.sharing.passOn.length > 0 && (
          <ul className={s.list} aria-label="What each passes on">
            {a.sharing.passOn.map((p, i) => (
              <li key={i}>
                {p.what}
                {p.who ? ` (${p.who})` : ''}: {p.howFast}
              </li>
            ))}
          </ul>
        )}
        <Completed by={a.sharing.completedBy} on={a.sharing.completedOn} />
        <Text weight="semibold">Transfers between the settings (from Shared care)</Text>
        <ul className={s.list}>
          {a.records.transfers.map((t, i) => (
            <li key={i}>
              {t.partnerName}: {[t.who, t.when, t.handover ? `handed over: ${t.handover}` : null].filter(Boolean).join('; ') || 'not yet agreed'}
            </li>
          ))}
        </ul>
        <Text weight="semibold">The consents it relies on, as the register stands today</Text>
        <ul className={s.list}>
          {a.consents.map((c) => (
            <li key={`${c.partnerId}-${c.scope}`}>
              {CONSENT_SCOPE_SHORT[c.scope]} with {c.partnerName}: {c.valid ? 'in force' : c.message}
            </li>
          ))}
        </ul>
        <a href={href(`/children/${childId}?tab=consent`)}>Consent register</a>
      </Card>

      <Text as="h2" size={500} weight="semibold">
        Signatures
      </Text>
      <div className={s.signers}>
        {a.signers.map((x) => (
          <Card key={x.signer.kind === 'parent' ? x.signer.carerId : (x.signer.partnerId ?? 'here')} aria-label={`Signature of ${x.name}`}>
            <CardHeader header={<Text weight="semibold">{x.name}</Text>} description={<Text size={200}>{x.describe}</Text>} />
            {x.signature ? (
              <>
                {x.signature.image && <img className={s.sig} src={x.signature.image} alt={`Signature of ${x.name}`} />}
                {x.signature.typedName && <Text italic>{x.signature.typedName}</Text>}
                <Text size={200}>
                  {SIGNATURE_METHOD_LABELS[x.signature.method]}, {formatDay(x.signature.signedOn)}
                  {x.signature.recordedByName ? `; recorded by ${x.signature.recordedByName}` : ''}
                </Text>
              </>
            ) : canSign ? (
              <Button icon={<SignatureRegular />} onClick={() => setDialog({ kind: 'sign', signer: x })}>
                Sign as {x.name}
              </Button>
            ) : (
              <Text>Not signed</Text>
            )}
          </Card>
        ))}
      </div>
      {a.updatedAt && (
        <Text size={200} className={s.who}>
          Last changed {formatDateTime(a.updatedAt)}
          {a.updatedByName ? ` by ${a.updatedByName}` : ''}.
        </Text>
      )}

      {dialog?.kind === 'setting' && <SettingDialog agreement={a} index={dialog.index} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'child' && <ChildDialog agreement={a} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'sharing' && <SharingDialog agreement={a} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'sign' && <SignDialog childId={childId} version={a.version} signer={dialog.signer} onClose={() => setDialog(null)} />}
      {printable && (
        <PrintPortal>
          <AgreementPrint agreement={a} printedBy={session.fullName} />
        </PrintPortal>
      )}
    </>
  );
}

function Completed({ by, on }: { by?: string; on?: string | null }) {
  const s = useStyles();
  if (!by && !on) return <Text size={200} className={s.who}>Not completed yet.</Text>;
  return (
    <Text size={200} className={s.who}>
      Completed by {by || 'someone not named'}
      {on ? ` on ${formatDay(on)}` : ''}.
    </Text>
  );
}

const REFRESH = ['agreements'];

function useUpdate() {
  return useChannelMutation('agreements.update', REFRESH);
}

function NewVersionNote({ agreement }: { agreement: Agreement }) {
  const signedBySomeone = agreement.signers.some((x) => x.signature);
  if (!signedBySomeone) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        {agreement.status === 'signed' ? 'Version ' + agreement.version + ' is signed.' : 'Someone has already signed this version.'} Saving a change keeps it as it
        is and makes version {agreement.version + 1}, which everyone signs again.
      </MessageBarBody>
    </MessageBar>
  );
}

function SettingDialog({ agreement, index, onClose }: { agreement: Agreement; index: number; onClose: () => void }) {
  const update = useUpdate();
  const { name, ours: _ours, ...part } = agreement.settings[index];
  const form = useContractForm(contract['agreements.update'].input, {
    childId: agreement.childId,
    settings: [{ ...part, completedOn: part.completedOn || londonDay() }],
  });
  const { submit, error } = useFormSubmit(form, (v) => update.mutateAsync(v), onClose);
  return (
    <FormDialog title={`About ${name}`} submitLabel="Save" onSubmit={submit} onClose={onClose} pending={update.isPending} error={error} wide>
      <NewVersionNote agreement={agreement} />
      <TextAreaField form={form} name="settings.0.address" label="Address" rows={2} />
      <TextField form={form} name="settings.0.openingHours" label="Opening hours" />
      <TextField form={form} name="settings.0.childDays" label="The child’s days there" />
      <TextField form={form} name="settings.0.keyPersonName" label="Key person" />
      <TextField form={form} name="settings.0.keyPersonContact" label="How to reach the key person" />
      <TextField form={form} name="settings.0.dslName" label="Designated safeguarding lead" />
      <TextField form={form} name="settings.0.dslContact" label="How to reach the DSL" />
      <TextField form={form} name="settings.0.preferredContact" label="How they prefer to hear from the others" />
      <TextAreaField form={form} name="settings.0.concernsAgreement" label="What was agreed about telling each other of concerns" rows={2} />
      <TextField form={form} name="settings.0.completedBy" label="Completed by" hint="The setting completes its own part." />
      <TextField form={form} name="settings.0.completedOn" label="Completed on" type="date" />
    </FormDialog>
  );
}

function ChildDialog({ agreement, onClose }: { agreement: Agreement; onClose: () => void }) {
  const update = useUpdate();
  const form = useContractForm(contract['agreements.update'].input, {
    childId: agreement.childId,
    child: { ...agreement.child, completedOn: agreement.child.completedOn || londonDay() },
  });
  const { submit, error } = useFormSubmit(form, (v) => update.mutateAsync(v), onClose);
  return (
    <FormDialog title="About the child" submitLabel="Save" onSubmit={submit} onClose={onClose} pending={update.isPending} error={error} wide>
      <NewVersionNote agreement={agreement} />
      <Text>Completed with the parents, in their words.</Text>
      <TextAreaField form={form} name="child.routines" label="Routines" rows={2} />
      <TextAreaField form={form} name="child.sleep" label="Sleep" rows={2} />
      <TextAreaField form={form} name="child.food" label="Food" rows={2} />
      <TextField form={form} name="child.comforters" label="Comforters" />
      <TextField form={form} name="child.languages" label="Languages" />
      <TextAreaField form={form} name="child.likes" label="Likes" rows={2} />
      <TextAreaField form={form} name="child.dislikes" label="Dislikes" rows={2} />
      <TextAreaField form={form} name="child.health" label="Health, in the parents’ words" hint="Allergies and medication come from the health records." rows={2} />
      <TextAreaField form={form} name="child.everySettingShouldKnow" label="What the parents want every setting to know" rows={2} />
      <TextAreaField form={form} name="child.worries" label="The parents’ worries" rows={2} />
      <TextField form={form} name="child.completedBy" label="Completed by" hint="For example: Sarah Jones (mum) with Kim, her key person." />
      <TextField form={form} name="child.completedOn" label="Completed on" type="date" />
    </FormDialog>
  );
}

function SharingDialog({ agreement, onClose }: { agreement: Agreement; onClose: () => void }) {
  const s = useStyles();
  const update = useUpdate();
  const passOn = agreement.sharing.passOn.length
    ? agreement.sharing.passOn.map((p) => ({ what: p.what, who: p.who ?? '', howFast: p.howFast }))
    : [
        { what: 'Accidents, injuries and first aid', who: 'The key person', howFast: 'The same day' },
        { what: 'Medication given and illness', who: 'The key person', howFast: 'The same day' },
      ];
  const form = useContractForm(contract['agreements.update'].input, {
    childId: agreement.childId,
    sharing: { ...agreement.sharing, passOn, completedOn: agreement.sharing.completedOn || londonDay() },
  });
  const lines = useFieldArray({ control: form.control, name: 'sharing.passOn' as never });
  const { submit, error } = useFormSubmit(form, (v) => update.mutateAsync(v), onClose);
  return (
    <FormDialog title="How we will share" submitLabel="Save" onSubmit={submit} onClose={onClose} pending={update.isPending} error={error} wide>
      <NewVersionNote agreement={agreement} />
      <ChoicesField form={form} name="sharing.channels" label="Ways we will share" options={SHARE_CHANNELS.map((c) => ({ value: c, label: SHARE_CHANNEL_LABELS[c] }))} />
      <TextField form={form} name="sharing.howOften" label="How often" hint="For example: each day she changes setting, and a meeting each term." />
      <Text weight="semibold">What each of us passes on, and how fast</Text>
      {lines.fields.map((f, i) => (
        <div key={f.id} className={s.pair}>
          <TextField form={form} name={`sharing.passOn.${i}.what`} label="What" />
          <TextField form={form} name={`sharing.passOn.${i}.who`} label="Who" />
          <TextField form={form} name={`sharing.passOn.${i}.howFast`} label="How fast" />
          <Button icon={<DeleteRegular />} aria-label={`Remove line ${i + 1}`} onClick={() => lines.remove(i)} />
        </div>
      ))}
      <div>
        <Button icon={<AddRegular />} onClick={() => lines.append({ what: '', who: '', howFast: '' } as never)}>
          Add a line
        </Button>
      </div>
      <TextAreaField form={form} name="sharing.transfers" label="Anything else agreed about transfers between the settings" hint="Who takes the child, when and what is handed over come from Shared care." rows={2} />
      <TextField form={form} name="sharing.emergencyContacts" label="How emergency contacts are kept current" hint="For example: parents tell both settings of any change the same day." />
      <TextField form={form} name="sharing.reviewOn" label="Review date" type="date" />
      <TextField form={form} name="sharing.completedBy" label="Completed by" />
      <TextField form={form} name="sharing.completedOn" label="Completed on" type="date" />
    </FormDialog>
  );
}
