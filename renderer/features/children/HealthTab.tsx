import { Badge, Button, Card, CardHeader, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { Session } from '../../../shared/contract/auth';
import { HEALTH_KIND_LABELS, HEALTH_KINDS, HEALTH_SOURCES, SEVERITIES, SEVERITY_LABELS, type ChildFile, type HealthItem, type HealthKind } from '../../../shared/contract/children';
import { contract } from '../../../shared/contract/index';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { useChannel, useChannelMutation } from '../../api';
import { errorOf, FormDialog, GroupField, SelectField, TextAreaField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { can } from '../../ui/access';
import { Facts } from './Facts';

const useStyles = makeStyles({
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(380px, 1fr))', gap: tokens.spacingHorizontalL },
  severe: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  ended: { opacity: 0.7 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalM, alignItems: 'start' },
});

const REFRESH = ['children'];

const SOURCE_LABELS: Record<(typeof HEALTH_SOURCES)[number], string> = { us: 'Us (our own record)', agency: 'Another agency (for example, a health visitor’s care plan)' };

export function HealthTab({ file, session }: { file: ChildFile; session: Session }) {
  const s = useStyles();
  const [dialog, setDialog] = useState<{ kind: 'add'; healthKind: HealthKind } | { kind: 'edit' | 'end'; item: HealthItem } | null>(null);
  const canEdit = can(session, 'children.updateHealth');
  const current = file.health.filter((h) => !h.ended);
  const ended = file.health.filter((h) => h.ended);
  return (
    <>
      <Text>
        The shared care information sharing guidance: be aware of any allergies or medication the child is taking, and understand the role of the parents and each setting in managing
        them.
      </Text>
      {can(session, 'children.addHealth') && (
        <div className={s.badges}>
          {HEALTH_KINDS.map((k) => (
            <Button key={k} icon={<AddRegular />} onClick={() => setDialog({ kind: 'add', healthKind: k })}>
              Add {HEALTH_KIND_LABELS[k].toLowerCase()}
            </Button>
          ))}
        </div>
      )}
      {current.length === 0 && <Text>No allergies, medication or dietary needs recorded.</Text>}
      <div className={s.cards}>
        {current.map((h) => (
          <HealthCard key={h.id} item={h} canEdit={canEdit} onEdit={() => setDialog({ kind: 'edit', item: h })} onEnd={() => setDialog({ kind: 'end', item: h })} />
        ))}
      </div>
      {ended.length > 0 && (
        <>
          <Text weight="semibold">No longer applies</Text>
          <div className={s.cards}>
            {ended.map((h) => (
              <HealthCard key={h.id} item={h} canEdit={false} />
            ))}
          </div>
        </>
      )}
      {dialog?.kind === 'add' && <HealthDialog file={file} kind={dialog.healthKind} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <HealthDialog file={file} item={dialog.item} kind={dialog.item.kind} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'end' && <EndHealthDialog item={dialog.item} onClose={() => setDialog(null)} />}
    </>
  );
}

function HealthCard({ item: h, canEdit, onEdit, onEnd }: { item: HealthItem; canEdit: boolean; onEdit?: () => void; onEnd?: () => void }) {
  const s = useStyles();
  const severe = h.severity === 'severe' || h.severity === 'anaphylaxis';
  return (
    <Card className={h.ended ? s.ended : severe ? s.severe : undefined} aria-label={`${HEALTH_KIND_LABELS[h.kind]}: ${h.name}`}>
      <CardHeader
        header={
          <Text weight="semibold" size={400}>
            {HEALTH_KIND_LABELS[h.kind]}: {h.name}
          </Text>
        }
        action={
          canEdit ? (
            <div className={s.badges}>
              <Button size="small" icon={<EditRegular />} onClick={onEdit} aria-label={`Edit ${h.name}`}>
                Edit
              </Button>
              <Button size="small" onClick={onEnd} aria-label={`No longer applies: ${h.name}`}>
                No longer applies
              </Button>
            </div>
          ) : undefined
        }
      />
      <div className={s.badges}>
        {h.severity && <Badge color={severe ? 'danger' : 'warning'}>{SEVERITY_LABELS[h.severity]}</Badge>}
        {h.expired && <Badge color="danger">Expired {formatDay(h.expiresOn!)}</Badge>}
        {h.source && <Badge color="informative">From {h.source.agency}</Badge>}
      </div>
      <Facts
        items={[
          ...(h.kind === 'allergy' ? ([['Reaction', h.reaction]] as [string, string | null][]) : []),
          ...(h.kind === 'medication'
            ? ([
                ['Dose', h.dose],
                ['When', h.timing],
                ['Expires', h.expiresOn && formatDay(h.expiresOn)],
                ['Stored', h.storedWhere],
              ] as [string, string | null][])
            : []),
          ['Action plan', h.actionPlan],
          ['Details', h.details],
          ...h.arrangements.map((a) => [`Managed at ${a.settingName}`, a.who] as [string, string]),
          ['What the parents do', h.parentsDo],
        ]}
      />
      {h.ended ? (
        <Text size={200}>
          No longer applies since {formatDateTime(h.ended.at)}
          {h.ended.byName ? ` (${h.ended.byName})` : ''}: {h.ended.reason}
        </Text>
      ) : (
        <Text size={200}>
          Last changed {formatDateTime(h.updatedAt)}
          {h.updatedByName ? ` by ${h.updatedByName}` : ''}.
        </Text>
      )}
    </Card>
  );
}

function HealthDialog({ file, item, kind, onClose }: { file: ChildFile; item?: HealthItem; kind: HealthKind; onClose: () => void }) {
  const s = useStyles();
  const add = useChannelMutation('children.addHealth', REFRESH);
  const update = useChannelMutation('children.updateHealth', REFRESH);
  const base = {
    kind,
    name: item?.name ?? '',
    severity: item?.severity ?? undefined,
    reaction: item?.reaction ?? '',
    actionPlan: item?.actionPlan ?? '',
    dose: item?.dose ?? '',
    timing: item?.timing ?? '',
    expiresOn: item?.expiresOn ?? '',
    storedWhere: item?.storedWhere ?? '',
    details: item?.details ?? '',
    arrangements: item?.arrangements.map((a) => ({ partnerId: a.partnerId, who: a.who })) ?? [],
    parentsDo: item?.parentsDo ?? '',
    source: item?.source ? ('agency' as const) : ('us' as const),
    sourcePartnerId: item?.source?.partnerId ?? null,
    sourceAgency: item?.source && !item.source.partnerId ? item.source.agency : '',
  };
  // One schema per mode: adding needs the child, editing the record.
  const form = useContractForm(contract['children.addHealth'].input, { ...base, childId: file.child.id });
  const { submit, error } = useFormSubmit(
    form,
    (v) => {
      if (!item) return add.mutateAsync(v);
      const { childId: _c, ...rest } = v;
      return update.mutateAsync({ ...rest, healthId: item.id });
    },
    onClose,
  );
  const places = [
    { partnerId: null as string | null, name: `${file.child.preferredName ?? 'The child'} here (our setting)` },
    ...file.sharedCare.filter((sc) => sc.current).map((sc) => ({ partnerId: sc.partnerId as string | null, name: sc.partnerName })),
  ];
  for (const a of item?.arrangements ?? []) if (!places.some((p) => p.partnerId === a.partnerId)) places.push({ partnerId: a.partnerId, name: a.settingName });
  const what = HEALTH_KIND_LABELS[kind].toLowerCase();
  const partners = useChannel('partners.list', {});
  const fromAgency = form.watch('source') === 'agency';
  return (
    <FormDialog
      title={item ? `Edit ${what}: ${item.name}` : `Add ${what}`}
      submitLabel={item ? 'Save changes' : 'Add'}
      onSubmit={submit}
      onClose={onClose}
      pending={add.isPending || update.isPending}
      error={error}
      wide
    >
      <TextField form={form} name="name" label={kind === 'allergy' ? 'Allergen' : kind === 'medication' ? 'Medicine' : 'Dietary need'} required />
      {kind === 'allergy' && (
        <>
          <SelectField form={form} name="severity" label="Severity" required emptyLabel="Choose…" options={SEVERITIES.map((x) => ({ value: x, label: SEVERITY_LABELS[x] }))} />
          <TextAreaField form={form} name="reaction" label="Reaction" rows={2} />
        </>
      )}
      {kind === 'medication' && (
        <>
          <div className={s.pair}>
            <TextField form={form} name="dose" label="Dose" required />
            <TextField form={form} name="timing" label="When it is given" required />
          </div>
          <div className={s.pair}>
            <TextField form={form} name="expiresOn" label="Expiry date" type="date" />
            <TextField form={form} name="storedWhere" label="Where it is stored" required />
          </div>
        </>
      )}
      <TextAreaField form={form} name="actionPlan" label="Action plan" hint="What staff do, step by step." rows={3} />
      <TextAreaField form={form} name="details" label="Details" rows={2} />
      <Controller
        control={form.control}
        name="arrangements"
        render={({ field }) => {
          const value = (field.value ?? []) as { partnerId: string | null; who: string }[];
          return (
            <GroupField label="Who manages it at each setting" message={errorOf(form, 'arrangements')}>
              {places.map((p) => {
                const current = value.find((a) => a.partnerId === p.partnerId)?.who ?? '';
                return (
                  <Field key={p.partnerId ?? 'here'} label={p.name} size="small">
                    <Input
                      value={current}
                      onChange={(_e, d) => {
                        const rest = value.filter((a) => a.partnerId !== p.partnerId);
                        field.onChange(d.value.trim() ? [...rest, { partnerId: p.partnerId, who: d.value }] : rest);
                      }}
                    />
                  </Field>
                );
              })}
            </GroupField>
          );
        }}
      />
      <TextAreaField form={form} name="parentsDo" label="What the parents do" hint="e.g. bring the inhaler each day and tell both settings of any change." rows={2} />
      <SelectField
        form={form}
        name="source"
        label="Where this came from"
        hint="Our information sharing policy, 1.3: information another agency gave us is not shared without that agency’s agreement."
        options={HEALTH_SOURCES.map((x) => ({ value: x, label: SOURCE_LABELS[x] }))}
      />
      {fromAgency && (
        <div className={s.pair}>
          <SelectField
            form={form}
            name="sourcePartnerId"
            label="The agency"
            emptyLabel="Not in the list"
            nullWhenEmpty
            options={(partners.data?.partners ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
          <TextField form={form} name="sourceAgency" label="Or its name" hint="For example: Health visiting team." />
        </div>
      )}
    </FormDialog>
  );
}

function EndHealthDialog({ item, onClose }: { item: HealthItem; onClose: () => void }) {
  const end = useChannelMutation('children.endHealth', REFRESH);
  const form = useContractForm(contract['children.endHealth'].input, { healthId: item.id, reason: '' });
  const { submit, error } = useFormSubmit(form, (v) => end.mutateAsync(v), onClose);
  return (
    <FormDialog title={`${item.name} no longer applies?`} submitLabel="Confirm" onSubmit={submit} onClose={onClose} pending={end.isPending} error={error}>
      <Text>It stays on record, marked as no longer applying, with your reason.</Text>
      <TextField form={form} name="reason" label="Reason" hint="For example: GP letter dated 3 March says the allergy has resolved." required />
    </FormDialog>
  );
}
