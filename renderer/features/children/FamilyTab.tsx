import { Badge, Button, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { EditRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import type { Carer, ChildFile } from '../../../shared/contract/children';
import { contract } from '../../../shared/contract/index';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { useChannelMutation } from '../../api';
import { asAnyForm, CheckboxField, FormDialog, TextAreaField, YesNoField, type AnyForm } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { can } from '../../ui/access';
import { Facts } from './Facts';

const useStyles = makeStyles({
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))', gap: tokens.spacingHorizontalL },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  restricted: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalM, alignItems: 'start' },
});

export function FamilyTab({ file, session }: { file: ChildFile; session: Session }) {
  const s = useStyles();
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'edit'; carer: Carer } | null>(null);
  const canEdit = can(session, 'carers.update');
  return (
    <>
      {can(session, 'carers.create') && (
        <div>
          <Button icon={<PersonAddRegular />} onClick={() => setDialog({ kind: 'add' })}>
            Add a parent or carer
          </Button>
        </div>
      )}
      {file.carers.length === 0 && <Text>No parents or carers recorded yet.</Text>}
      <div className={s.cards}>
        {file.carers.map((c) => {
          const restricted = c.mustNotCollect || c.restrictionNote || c.courtOrder;
          return (
            <Card key={c.id} className={restricted ? s.restricted : undefined} aria-label={c.fullName}>
              <CardHeader
                header={
                  <Text weight="semibold" size={400}>
                    {c.fullName}
                  </Text>
                }
                description={<Text>{c.relationship}</Text>}
                action={
                  canEdit ? (
                    <Button size="small" icon={<EditRegular />} onClick={() => setDialog({ kind: 'edit', carer: c })} aria-label={`Edit ${c.fullName}`}>
                      Edit
                    </Button>
                  ) : undefined
                }
              />
              <div className={s.badges}>
                {c.parentalResponsibility ? <Badge color="brand">Parental responsibility</Badge> : <Badge color="subtle">No parental responsibility</Badge>}
                {c.livesWithChild && <Badge color="informative">Lives with the child</Badge>}
                {c.mustNotCollect && <Badge color="danger">Must not collect</Badge>}
              </div>
              {c.restrictionNote && <Text className={s.warning}>Restriction: {c.restrictionNote}</Text>}
              {c.courtOrder && <Text className={s.warning}>Court order: {c.courtOrder}</Text>}
              <Facts
                items={[
                  ['Phone', c.phone],
                  ['Other phone', c.workPhone],
                  ['Email', c.email],
                  ['Address', c.address],
                  ['Notes', c.notes],
                ]}
              />
              {c.prHistory.length > 1 && (
                <Text size={200}>
                  Parental responsibility history:{' '}
                  {c.prHistory
                    .map((h) => `${h.parentalResponsibility ? 'yes' : 'no'} ${h.effectiveOn ? `from ${formatDay(h.effectiveOn)}` : 'when first recorded'}${h.note ? ` (${h.note})` : ''}`)
                    .join('; ')}
                </Text>
              )}
              <Text size={200}>
                Last changed {formatDateTime(c.updatedAt)}
                {c.updatedByName ? ` by ${c.updatedByName}` : ''}.
              </Text>
            </Card>
          );
        })}
      </div>
      {dialog?.kind === 'add' && <AddCarerDialog childId={file.child.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditCarerDialog carer={dialog.carer} onClose={() => setDialog(null)} />}
    </>
  );
}

function AddCarerDialog({ childId, onClose }: { childId: string; onClose: () => void }) {
  const s = useStyles();
  const create = useChannelMutation('carers.create', ['children', 'carers', 'consent']);
  const form = useContractForm(contract['carers.create'].input, {
    childId,
    fullName: '',
    relationship: '',
    livesWithChild: false,
    phone: '',
    workPhone: '',
    email: '',
    address: '',
    mustNotCollect: false,
    restrictionNote: '',
    courtOrder: '',
    notes: '',
  });
  const { submit, error } = useFormSubmit(form, (v) => create.mutateAsync(v), onClose);
  return (
    <FormDialog title="Add a parent or carer" submitLabel="Add" onSubmit={submit} onClose={onClose} pending={create.isPending} error={error} wide>
      <div className={s.pair}>
        <TextField form={form} name="fullName" label="Full name" required />
        <TextField form={form} name="relationship" label="Relationship to the child" hint="e.g. Mother, Father, Grandmother, Foster carer" required />
      </div>
      <YesNoField form={form} name="parentalResponsibility" label="Parental responsibility" hint="Only someone with parental responsibility can give or refuse consent." />
      <CheckboxField form={form} name="livesWithChild" label="Lives with the child" />
      <div className={s.pair}>
        <TextField form={form} name="phone" label="Phone" />
        <TextField form={form} name="workPhone" label="Other phone" />
      </div>
      <TextField form={form} name="email" label="Email" type="email" />
      <TextAreaField form={form} name="address" label="Address" rows={2} />
      <RestrictionFields form={asAnyForm(form)} />
      <TextAreaField form={form} name="notes" label="Notes" rows={2} />
    </FormDialog>
  );
}

function RestrictionFields({ form }: { form: AnyForm }) {
  return (
    <>
      <CheckboxField form={form} name="mustNotCollect" label="Must not collect the child" />
      <TextAreaField form={form} name="restrictionNote" label="Collection restriction" hint="Shown in red to everyone who can see the child." rows={2} />
      <TextAreaField form={form} name="courtOrder" label="Court order" hint="The kind of order, the court and the date; where the copy is kept." rows={2} />
    </>
  );
}

function EditCarerDialog({ carer, onClose }: { carer: Carer; onClose: () => void }) {
  const s = useStyles();
  const update = useChannelMutation('carers.update', ['children', 'carers', 'consent']);
  const form = useContractForm(contract['carers.update'].input, {
    carerId: carer.id,
    fullName: carer.fullName,
    relationship: carer.relationship,
    parentalResponsibility: carer.parentalResponsibility,
    livesWithChild: carer.livesWithChild,
    phone: carer.phone ?? '',
    workPhone: carer.workPhone ?? '',
    email: carer.email ?? '',
    address: carer.address ?? '',
    mustNotCollect: carer.mustNotCollect,
    restrictionNote: carer.restrictionNote ?? '',
    courtOrder: carer.courtOrder ?? '',
    notes: carer.notes ?? '',
    prChangedOn: '',
    prChangeNote: '',
  });
  const { submit, error } = useFormSubmit(form, (v) => update.mutateAsync(v), onClose);
  const prChanged = form.watch('parentalResponsibility') !== carer.parentalResponsibility;
  return (
    <FormDialog title={`Edit ${carer.fullName}`} submitLabel="Save changes" onSubmit={submit} onClose={onClose} pending={update.isPending} error={error} wide>
      <div className={s.pair}>
        <TextField form={form} name="fullName" label="Full name" required />
        <TextField form={form} name="relationship" label="Relationship to the child" required />
      </div>
      <YesNoField form={form} name="parentalResponsibility" label="Parental responsibility" />
      {prChanged && (
        <div className={s.pair}>
          <TextField form={form} name="prChangedOn" label="Changed on" type="date" hint="Leave empty for today. Consents are judged by the answer on each day." />
          <TextField form={form} name="prChangeNote" label="Why it changed" />
        </div>
      )}
      <CheckboxField form={form} name="livesWithChild" label="Lives with the child" />
      <div className={s.pair}>
        <TextField form={form} name="phone" label="Phone" />
        <TextField form={form} name="workPhone" label="Other phone" />
      </div>
      <TextField form={form} name="email" label="Email" type="email" />
      <TextAreaField form={form} name="address" label="Address" rows={2} />
      <RestrictionFields form={asAnyForm(form)} />
      <TextAreaField form={form} name="notes" label="Notes" rows={2} />
    </FormDialog>
  );
}
