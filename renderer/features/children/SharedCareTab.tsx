import { Badge, Button, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular, EditRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import type { ChildFile, SharedCare } from '../../../shared/contract/children';
import { contract } from '../../../shared/contract/index';
import { CARE_PARTNER_KINDS, PARTNER_KIND_LABELS, type PartnerKind } from '../../../shared/contract/partners';
import { formatDateTime, formatDay, londonDay } from '../../../shared/domain/dates';
import { describeDays } from '../../../shared/domain/weekdays';
import { useChannel, useChannelMutation } from '../../api';
import { href } from '../../router';
import { asAnyForm, DaysField, FormDialog, SelectField, TextAreaField, type AnyForm } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { can } from '../../ui/access';
import { Facts } from './Facts';

const useStyles = makeStyles({
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(380px, 1fr))', gap: tokens.spacingHorizontalL },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  ended: { opacity: 0.7 },
});

const REFRESH = ['children', 'consent', 'partners'];

export function SharedCareTab({ file, session }: { file: ChildFile; session: Session }) {
  const s = useStyles();
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'edit' | 'end'; sc: SharedCare } | null>(null);
  const canEdit = can(session, 'children.updateSharedCare');
  const c = file.child;
  return (
    <>
      <Card aria-label="Here">
        <CardHeader header={<Text weight="semibold">Here</Text>} />
        <Facts
          items={[
            ['Days', describeDays(c.attendance)],
            ['Our key person', c.keyPersonName],
          ]}
        />
      </Card>
      {can(session, 'children.addSharedCare') && (
        <div>
          <Button icon={<AddRegular />} onClick={() => setDialog({ kind: 'add' })}>
            Add another setting the child attends
          </Button>
        </div>
      )}
      {file.sharedCare.length === 0 && <Text>The child does not attend another setting.</Text>}
      <div className={s.cards}>
        {file.sharedCare.map((sc) => (
          <Card key={sc.id} className={sc.current ? undefined : s.ended} aria-label={sc.partnerName}>
            <CardHeader
              header={
                <Text weight="semibold" size={400}>
                  <a href={href('/partners')}>{sc.partnerName}</a>
                </Text>
              }
              description={<Text>{PARTNER_KIND_LABELS[sc.partnerKind as PartnerKind] ?? sc.partnerKind}</Text>}
              action={
                canEdit && sc.current ? (
                  <div className={s.badges}>
                    <Button size="small" icon={<EditRegular />} onClick={() => setDialog({ kind: 'edit', sc })} aria-label={`Edit arrangement with ${sc.partnerName}`}>
                      Edit
                    </Button>
                    <Button size="small" onClick={() => setDialog({ kind: 'end', sc })} aria-label={`End arrangement with ${sc.partnerName}`}>
                      End
                    </Button>
                  </div>
                ) : undefined
              }
            />
            {!sc.current && <Badge color="subtle">{sc.endsOn && sc.endsOn < londonDay() ? `Ended ${formatDay(sc.endsOn)}` : 'Not started yet'}</Badge>}
            <Facts
              items={[
                ['Days there', describeDays(sc.days)],
                ['Key person there', sc.keyPersonName],
                ['Their contact', sc.keyPersonContact ?? sc.partnerPhone],
                ['Who takes the child between settings', sc.transferWho],
                ['When', sc.transferWhen],
                ['What is handed over', sc.handover],
                ['From', sc.startsOn && formatDay(sc.startsOn)],
                ['Until', sc.endsOn && formatDay(sc.endsOn)],
                ['Notes', sc.notes],
              ]}
            />
            <Text size={200}>
              Last changed {formatDateTime(sc.updatedAt)}
              {sc.updatedByName ? ` by ${sc.updatedByName}` : ''}.
            </Text>
          </Card>
        ))}
      </div>
      {dialog?.kind === 'add' && <AddSharedCareDialog childId={c.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditSharedCareDialog sc={dialog.sc} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'end' && <EndSharedCareDialog sc={dialog.sc} onClose={() => setDialog(null)} />}
    </>
  );
}

function TransferFields({ form }: { form: AnyForm }) {
  const s = useStyles();
  return (
    <>
      <div className={s.pair}>
        <TextField form={form} name="keyPersonName" label="Key person there" />
        <TextField form={form} name="keyPersonContact" label="Key person’s contact" hint="Phone or email." />
      </div>
      <Text weight="semibold">Transfer between the settings (the shared care information sharing guidance: “discuss transfers to and from each setting”)</Text>
      <TextField form={form} name="transferWho" label="Who takes the child between settings" />
      <TextField form={form} name="transferWhen" label="When" />
      <TextAreaField form={form} name="handover" label="What is handed over" hint="e.g. the diary, bag, medication." rows={2} />
    </>
  );
}

function AddSharedCareDialog({ childId, onClose }: { childId: string; onClose: () => void }) {
  const s = useStyles();
  const add = useChannelMutation('children.addSharedCare', REFRESH);
  const partners = useChannel('partners.list', {});
  const options = (partners.data?.partners ?? []).filter((p) => CARE_PARTNER_KINDS.includes(p.kind)).map((p) => ({ value: p.id, label: p.name }));
  const form = useContractForm(contract['children.addSharedCare'].input, {
    childId,
    partnerId: '',
    days: [],
    keyPersonName: '',
    keyPersonContact: '',
    transferWho: '',
    transferWhen: '',
    handover: '',
    startsOn: '',
    endsOn: '',
    notes: '',
  });
  const { submit, error } = useFormSubmit(form, (v) => add.mutateAsync(v), onClose);
  // Only one setting, childminder or school in the directory: that is the one meant.
  const only = options.length === 1 ? options[0].value : null;
  useEffect(() => {
    if (only && !form.getValues('partnerId')) form.setValue('partnerId', only);
  }, [only, form]);
  return (
    <FormDialog title="Another setting the child attends" submitLabel="Add" onSubmit={submit} onClose={onClose} pending={add.isPending} error={error} wide>
      <SelectField
        form={form}
        name="partnerId"
        label="Setting, childminder or school"
        hint={options.length === 0 ? 'Add the setting to the partners directory first.' : undefined}
        required
        emptyLabel="Choose…"
        options={options}
      />
      <DaysField form={form} name="days" label="Days and sessions there" weekend />
      <TransferFields form={asAnyForm(form)} />
      <div className={s.pair}>
        <TextField form={form} name="startsOn" label="From" type="date" />
        <TextField form={form} name="endsOn" label="Until" type="date" />
      </div>
      <TextAreaField form={form} name="notes" label="Notes" rows={2} />
    </FormDialog>
  );
}

function EditSharedCareDialog({ sc, onClose }: { sc: SharedCare; onClose: () => void }) {
  const s = useStyles();
  const update = useChannelMutation('children.updateSharedCare', REFRESH);
  const form = useContractForm(contract['children.updateSharedCare'].input, {
    sharedCareId: sc.id,
    days: sc.days,
    keyPersonName: sc.keyPersonName ?? '',
    keyPersonContact: sc.keyPersonContact ?? '',
    transferWho: sc.transferWho ?? '',
    transferWhen: sc.transferWhen ?? '',
    handover: sc.handover ?? '',
    startsOn: sc.startsOn ?? '',
    endsOn: sc.endsOn ?? '',
    notes: sc.notes ?? '',
  });
  const { submit, error } = useFormSubmit(form, (v) => update.mutateAsync(v), onClose);
  return (
    <FormDialog title={`Arrangement with ${sc.partnerName}`} submitLabel="Save changes" onSubmit={submit} onClose={onClose} pending={update.isPending} error={error} wide>
      <DaysField form={form} name="days" label="Days and sessions there" weekend />
      <TransferFields form={asAnyForm(form)} />
      <div className={s.pair}>
        <TextField form={form} name="startsOn" label="From" type="date" />
        <TextField form={form} name="endsOn" label="Until" type="date" />
      </div>
      <TextAreaField form={form} name="notes" label="Notes" rows={2} />
    </FormDialog>
  );
}

function EndSharedCareDialog({ sc, onClose }: { sc: SharedCare; onClose: () => void }) {
  const end = useChannelMutation('children.endSharedCare', REFRESH);
  const form = useContractForm(contract['children.endSharedCare'].input, { sharedCareId: sc.id, on: londonDay() });
  const { submit, error } = useFormSubmit(form, (v) => end.mutateAsync(v), onClose);
  return (
    <FormDialog title={`End the arrangement with ${sc.partnerName}?`} submitLabel="End arrangement" onSubmit={submit} onClose={onClose} pending={end.isPending} error={error}>
      <Text>The arrangement stays on record with its end date, so the diary still knows where the child was on earlier days.</Text>
      <TextField form={form} name="on" label="Last day there" type="date" required />
    </FormDialog>
  );
}
