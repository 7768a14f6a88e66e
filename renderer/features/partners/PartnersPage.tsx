import {
  Badge,
  Button,
  Checkbox,
  Field,
  makeStyles,
  SearchBox,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import type { Session } from '../../../shared/contract/auth';
import { contract } from '../../../shared/contract/index';
import { PARTNER_KIND_FORM_LABELS, PARTNER_KIND_LABELS, PARTNER_KINDS, type Partner, type PartnerKind } from '../../../shared/contract/partners';
import { formatDay } from '../../../shared/domain/dates';
import { useChannel, useChannelMutation } from '../../api';
import { asAnyForm, CheckboxField, FormDialog, SelectField, TextAreaField, type AnyForm } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { ErrorBar, Loading, Page } from '../../ui/Page';
import { can } from '../../ui/access';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  contact: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1.4fr) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
    '& .fui-Input': { minWidth: 0 },
  },
  secure: { color: tokens.colorPaletteGreenForeground1 },
  /** Long email and portal addresses break inside their column instead of running over the next. */
  address: { overflowWrap: 'anywhere' },
  actions: { width: '96px' },
});

/** The partners directory: other settings and childminders, schools, health, social care, police, SEND and others. */
export function PartnersPage({ session }: { session: Session }) {
  const s = useStyles();
  const [kind, setKind] = useState<PartnerKind | ''>('');
  const [search, setSearch] = useState('');
  const [inactive, setInactive] = useState(false);
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'edit'; partner: Partner } | { kind: 'concerns'; partner: Partner } | null>(null);
  const arrangements = useChannel('concerns.arrangements', undefined, { enabled: can(session, 'concerns.arrangements') });
  const arrangementOf = (partnerId: string) => arrangements.data?.arrangements.find((a) => a.partnerId === partnerId);
  const list = useChannel('partners.list', { includeInactive: inactive, ...(kind ? { kind } : {}) });
  const canEdit = can(session, 'partners.update');
  const shown = (list.data?.partners ?? []).filter((p) => !search || p.name.toLowerCase().includes(search.toLowerCase()));
  return (
    <Page
      title="Partners"
      actions={
        can(session, 'partners.create') && (
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setDialog({ kind: 'add' })}>
            Add a partner
          </Button>
        )
      }
    >
      <Text>Other settings and childminders the children attend, schools, health visitors, children’s social care, police, SEND and other agencies.</Text>
      <div className={s.filters}>
        <Field label="Search">
          <SearchBox value={search} onChange={(_e, d) => setSearch(d.value)} placeholder="Name" />
        </Field>
        <Field label="Kind">
          <Select value={kind} onChange={(_e, d) => setKind(d.value as PartnerKind | '')}>
            <option value="">All kinds</option>
            {PARTNER_KINDS.map((k) => (
              <option key={k} value={k}>
                {PARTNER_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox label="Show partners no longer worked with" checked={inactive} onChange={(_e, d) => setInactive(d.checked === true)} />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorBar error={list.error} />
      ) : (
        <Table aria-label="Partners">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Kind</TableHeaderCell>
              <TableHeaderCell>Phone and address</TableHeaderCell>
              <TableHeaderCell>Secure contact</TableHeaderCell>
              <TableHeaderCell>Named contacts</TableHeaderCell>
              {canEdit && <TableHeaderCell className={s.actions}>Actions</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((p) => (
              <TableRow key={p.id}>
                <TableCell>
                  <Text weight="semibold">{p.name}</Text>
                  {!p.active && <Badge color="subtle">No longer worked with</Badge>}
                  {p.childrenCount > 0 && (
                    <Text size={200} block>
                      {p.childrenCount} {p.childrenCount === 1 ? 'child attends' : 'children attend'}
                    </Text>
                  )}
                </TableCell>
                <TableCell>{PARTNER_KIND_LABELS[p.kind]}</TableCell>
                <TableCell>
                  {p.phone ?? '—'}
                  {p.address && (
                    <Text size={200} block className={s.address}>
                      {p.address}
                    </Text>
                  )}
                </TableCell>
                <TableCell>
                  {p.secureEmail && (
                    <Text block className={s.address}>
                      {p.secureEmail}
                    </Text>
                  )}
                  {p.portal && (
                    <Text block className={s.address}>
                      Portal: {p.portal}
                    </Text>
                  )}
                  {!p.secureEmail && !p.portal && <Badge color="warning">No secure method</Badge>}
                  {p.secureVerifiedNote && (
                    <Text size={200} block className={s.secure}>
                      Verified{p.secureVerifiedOn ? ` ${formatDay(p.secureVerifiedOn)}` : ''}: {p.secureVerifiedNote}
                    </Text>
                  )}
                </TableCell>
                <TableCell>
                  {p.contacts.length === 0
                    ? '—'
                    : p.contacts.map((c, i) => (
                        <Text key={i} block size={200} className={s.address}>
                          {c.name}
                          {c.role ? `, ${c.role}` : ''}
                          {c.phone ? ` · ${c.phone}` : ''}
                          {c.email ? ` · ${c.email}` : ''}
                        </Text>
                      ))}
                  <ConcernsArrangement
                    arrangement={arrangementOf(p.id)}
                    canSet={can(session, 'concerns.setPartnerArrangement')}
                    name={p.name}
                    onSet={() => setDialog({ kind: 'concerns', partner: p })}
                  />
                </TableCell>
                {canEdit && (
                  <TableCell>
                    <Button size="small" icon={<EditRegular />} onClick={() => setDialog({ kind: 'edit', partner: p })} aria-label={`Edit ${p.name}`}>
                      Edit
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {list.data && shown.length === 0 && <Text>No partners match.</Text>}
      {dialog?.kind === 'add' && <AddPartnerDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditPartnerDialog partner={dialog.partner} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'concerns' && <ArrangementDialog partner={dialog.partner} current={arrangementOf(dialog.partner.id)} onClose={() => setDialog(null)} />}
    </Page>
  );
}

const REFRESH = ['partners', 'children', 'consent'];

function PartnerFields({ form }: { form: AnyForm }) {
  const s = useStyles();
  const contacts = useFieldArray({ control: form.control, name: 'contacts' });
  return (
    <>
      <div className={s.pair}>
        <TextField form={form} name="name" label="Name" required />
        <SelectField form={form} name="kind" label="Kind" required emptyLabel="Choose…" options={PARTNER_KINDS.map((k) => ({ value: k, label: PARTNER_KIND_FORM_LABELS[k] }))} />
      </div>
      <TextAreaField form={form} name="address" label="Address" rows={2} />
      <div className={s.pair}>
        <TextField form={form} name="phone" label="Phone" />
        <TextField form={form} name="email" label="General email" type="email" />
      </div>
      <Text weight="semibold">Secure contact method (for sending personal information)</Text>
      <div className={s.pair}>
        <TextField form={form} name="secureEmail" label="Secure email address" type="email" />
        <TextField form={form} name="portal" label="Portal" hint="The web address or name of the portal." />
      </div>
      <div className={s.pair}>
        <TextField form={form} name="secureVerifiedNote" label="How it was verified" hint="e.g. phoned the office on the number from their website." />
        <TextField form={form} name="secureVerifiedOn" label="Verified on" type="date" />
      </div>
      <Text weight="semibold">Named contacts</Text>
      {contacts.fields.map((f, i) => (
        <div key={f.id} className={s.contact} role="group" aria-label={`Contact ${i + 1}`}>
          <TextField form={form} name={`contacts.${i}.name`} label="Name" required />
          <TextField form={form} name={`contacts.${i}.role`} label="Role" />
          <TextField form={form} name={`contacts.${i}.phone`} label="Phone" />
          <TextField form={form} name={`contacts.${i}.email`} label="Email" />
          <Button icon={<DeleteRegular />} aria-label={`Remove contact ${i + 1}`} onClick={() => contacts.remove(i)} />
        </div>
      ))}
      <div>
        <Button size="small" icon={<AddRegular />} onClick={() => contacts.append({ name: '', role: '', phone: '', email: '' })}>
          Add a named contact
        </Button>
      </div>
      <TextAreaField form={form} name="notes" label="Notes" rows={2} />
    </>
  );
}

function AddPartnerDialog({ onClose }: { onClose: () => void }) {
  const create = useChannelMutation('partners.create', REFRESH);
  const form = useContractForm(contract['partners.create'].input, {
    name: '',
    address: '',
    phone: '',
    email: '',
    secureEmail: '',
    portal: '',
    secureVerifiedNote: '',
    secureVerifiedOn: '',
    contacts: [],
    notes: '',
  });
  const { submit, error } = useFormSubmit(form, (v) => create.mutateAsync(v), onClose);
  return (
    <FormDialog title="Add a partner" submitLabel="Add partner" onSubmit={submit} onClose={onClose} pending={create.isPending} error={error} wide>
      <PartnerFields form={asAnyForm(form)} />
    </FormDialog>
  );
}

function EditPartnerDialog({ partner: p, onClose }: { partner: Partner; onClose: () => void }) {
  const update = useChannelMutation('partners.update', REFRESH);
  const form = useContractForm(contract['partners.update'].input, {
    partnerId: p.id,
    name: p.name,
    kind: p.kind,
    address: p.address ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    secureEmail: p.secureEmail ?? '',
    portal: p.portal ?? '',
    secureVerifiedNote: p.secureVerifiedNote ?? '',
    secureVerifiedOn: p.secureVerifiedOn ?? '',
    contacts: p.contacts.map((c) => ({ name: c.name, role: c.role ?? '', phone: c.phone ?? '', email: c.email ?? '' })),
    notes: p.notes ?? '',
    active: p.active,
  });
  const { submit, error } = useFormSubmit(form, (v) => update.mutateAsync(v), onClose);
  return (
    <FormDialog title={`Edit ${p.name}`} submitLabel="Save changes" onSubmit={submit} onClose={onClose} pending={update.isPending} error={error} wide>
      <PartnerFields form={asAnyForm(form)} />
      <CheckboxField form={form} name="active" label="Still worked with (untick to hide from lists; it is never deleted)" />
    </FormDialog>
  );
}

type Arrangement = { whom: string; how: string; howFast: string };

/**
 * What was agreed with a partner about telling each other of concerns (seed 000: settings sharing a
 * child agree "a process for how you will keep each other informed if you have any concerns"). The
 * concern screen shows it to the DSL for every partner the child attends.
 */
function ConcernsArrangement({ arrangement, canSet, name, onSet }: { arrangement?: Arrangement; canSet: boolean; name: string; onSet: () => void }) {
  return (
    <>
      {arrangement && (
        <Text block size={200}>
          Concerns: tell {arrangement.whom}, {arrangement.how}, {arrangement.howFast.toLowerCase()}.
        </Text>
      )}
      {canSet && (
        <Button size="small" appearance="subtle" onClick={onSet} aria-label={`How we tell ${name} of concerns`}>
          {arrangement ? 'Change how we tell each other of concerns' : 'Agree how we tell each other of concerns'}
        </Button>
      )}
    </>
  );
}

function ArrangementDialog({ partner, current, onClose }: { partner: Partner; current?: Arrangement; onClose: () => void }) {
  const save = useChannelMutation('concerns.setPartnerArrangement', ['concerns']);
  const form = useContractForm(contract['concerns.setPartnerArrangement'].input, {
    partnerId: partner.id,
    whom: current?.whom ?? '',
    how: current?.how ?? '',
    howFast: current?.howFast ?? '',
  });
  const { submit, error } = useFormSubmit(form, (v) => save.mutateAsync(v), onClose);
  return (
    <FormDialog title={`Telling ${partner.name} of concerns`} submitLabel="Save what was agreed" onSubmit={submit} onClose={onClose} pending={save.isPending} error={error}>
      <Text>What you agreed with {partner.name} about keeping each other informed of any concerns about a child you both care for.</Text>
      <TextField form={form} name="whom" label="Whom to tell" hint="For example: their DSL, or the manager if the DSL is away." required />
      <TextField form={form} name="how" label="How" hint="For example: by phone, then by secure email." required />
      <TextField form={form} name="howFast" label="How fast" hint="For example: the same day." required />
    </FormDialog>
  );
}
