import { Badge, Button, Card, CardHeader, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import type { ChildFile } from '../../../shared/contract/children';
import { contract } from '../../../shared/contract/index';
import { NEXT_STEP_STATUS_LABELS, NEXT_STEP_STATUSES, NEXT_STEP_WHERE, NEXT_STEP_WHERE_LABELS, type Observation } from '../../../shared/contract/observations';
import { formatDay, londonDay } from '../../../shared/domain/dates';
import { EYFS_AREA_LABELS, EYFS_AREAS, type EyfsArea } from '../../../shared/domain/eyfs';
import { useChannel, useChannelMutation } from '../../api';
import { can } from '../../ui/access';
import { FormDialog, SelectField, TextAreaField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading } from '../../ui/Page';
import { ChoicesField } from '../agreements/ChoicesField';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  text: { whiteSpace: 'pre-wrap' },
  step: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** A child's observations and next steps (issue 13), filterable by area of learning and term. */
export function ObservationsTab({ file, session }: { file: ChildFile; session: Session }) {
  const s = useStyles();
  const [area, setArea] = useState<EyfsArea | ''>('');
  const [term, setTerm] = useState('');
  const [adding, setAdding] = useState(false);
  const childId = file.child.id;
  const list = useChannel('observations.list', { childId, ...(area ? { area } : {}), ...(term ? { term } : {}) });
  return (
    <>
      <Text>
        What each setting sees, with the child’s next steps at home, here and at the other setting (the information sharing guidance: “joint termly meetings
        to discuss observations and the child’s next steps”). An observation typed in from another setting is theirs: it is shared only with their agreement.
      </Text>
      <div className={s.bar}>
        {can(session, 'observations.add') && (
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setAdding(true)}>
            Add an observation
          </Button>
        )}
        <Field label="Area of learning">
          <Select value={area} onChange={(_e, d) => setArea(d.value as EyfsArea | '')}>
            <option value="">All areas</option>
            {EYFS_AREAS.map((a) => (
              <option key={a} value={a}>
                {EYFS_AREA_LABELS[a]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Term">
          <Select value={term} onChange={(_e, d) => setTerm(d.value)}>
            <option value="">All terms</option>
            {(list.data?.terms ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {list.isPending && <Loading />}
      <ErrorBar error={list.error} />
      {list.data && list.data.observations.length === 0 && <Text>No observations {area || term ? 'match these choices' : 'yet'}.</Text>}
      <div className={s.list}>
        {list.data?.observations.map((o) => <ObservationCard key={o.id} o={o} session={session} />)}
      </div>
      {adding && <AddObservationDialog file={file} onClose={() => setAdding(false)} />}
    </>
  );
}

function ObservationCard({ o, session }: { o: Observation; session: Session }) {
  const s = useStyles();
  const move = useChannelMutation('observations.setNextStep', ['observations']);
  return (
    <Card aria-label={`Observation of ${formatDay(o.observedOn)}`}>
      <CardHeader
        header={
          <Text weight="semibold">
            {formatDay(o.observedOn)}, {o.settingName}
          </Text>
        }
        description={<Text size={200}>Observed by {o.observerName}</Text>}
      />
      <div className={s.badges}>
        {o.areas.map((a) => (
          <Badge key={a} appearance="outline">
            {EYFS_AREA_LABELS[a]}
          </Badge>
        ))}
        {o.thirdParty && <Badge color="warning">From {o.settingName}: their information</Badge>}
      </div>
      <Text className={s.text}>{o.text}</Text>
      {o.nextStep && (
        <div className={s.step}>
          <Text>
            <strong>Next step</strong> ({NEXT_STEP_WHERE_LABELS[o.nextStep.where].toLowerCase()}): {o.nextStep.text}
          </Text>
          {can(session, 'observations.setNextStep') ? (
            <Select
              size="small"
              aria-label="Next step status"
              value={o.nextStep.status}
              onChange={(_e, d) => move.mutate({ observationId: o.id, status: d.value as (typeof NEXT_STEP_STATUSES)[number] })}
            >
              {NEXT_STEP_STATUSES.map((x) => (
                <option key={x} value={x}>
                  {NEXT_STEP_STATUS_LABELS[x]}
                </option>
              ))}
            </Select>
          ) : (
            <Badge>{NEXT_STEP_STATUS_LABELS[o.nextStep.status]}</Badge>
          )}
        </div>
      )}
      <ErrorBar error={move.error} />
    </Card>
  );
}

function AddObservationDialog({ file, onClose }: { file: ChildFile; onClose: () => void }) {
  const add = useChannelMutation('observations.add', ['observations']);
  const [withStep, setWithStep] = useState(true);
  const partners = file.sharedCare.filter((x) => x.current);
  const form = useContractForm(contract['observations.add'].input, {
    childId: file.child.id,
    observedOn: londonDay(),
    areas: [],
    text: '',
    partnerId: null,
    observerName: '',
    nextStep: { text: '', status: 'planned', where: 'here' },
  });
  const { submit, error } = useFormSubmit(form, (v) => add.mutateAsync(v), onClose);
  const fromPartner = !!form.watch('partnerId');
  return (
    <FormDialog title="Add an observation" submitLabel="Save observation" onSubmit={submit} onClose={onClose} pending={add.isPending} error={error} wide>
      <TextField form={form} name="observedOn" label="Day" type="date" required />
      <SelectField
        form={form}
        name="partnerId"
        label="Which setting"
        nullWhenEmpty
        emptyLabel="Here"
        options={partners.map((p) => ({ value: p.partnerId, label: `At ${p.partnerName} (typed in from them)` }))}
      />
      <TextField
        form={form}
        name="observerName"
        label="Who observed"
        required={fromPartner}
        hint={fromPartner ? 'Their name, as they gave it.' : 'Leave empty if it was you.'}
      />
      <ChoicesField form={form} name="areas" label="Areas of learning" required options={EYFS_AREAS.map((a) => ({ value: a, label: EYFS_AREA_LABELS[a] }))} />
      <TextAreaField form={form} name="text" label="What was observed" required rows={4} />
      <Field label="Next step">
        <Select
          value={withStep ? 'yes' : 'no'}
          onChange={(_e, d) => {
            // No next step: nothing of one is sent (or checked); choosing one again starts it afresh.
            setWithStep(d.value === 'yes');
            form.setValue('nextStep', d.value === 'yes' ? { text: '', status: 'planned', where: 'here' } : undefined);
          }}
        >
          <option value="yes">Add a next step</option>
          <option value="no">No next step</option>
        </Select>
      </Field>
      {withStep && (
        <>
          <TextAreaField form={form} name="nextStep.text" label="The next step" rows={2} />
          <SelectField form={form} name="nextStep.where" label="Where it happens" options={NEXT_STEP_WHERE.map((w) => ({ value: w, label: NEXT_STEP_WHERE_LABELS[w] }))} />
          <SelectField form={form} name="nextStep.status" label="Status" options={NEXT_STEP_STATUSES.map((w) => ({ value: w, label: NEXT_STEP_STATUS_LABELS[w] }))} />
        </>
      )}
    </FormDialog>
  );
}
