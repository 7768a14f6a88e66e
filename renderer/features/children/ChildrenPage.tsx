import {
  Badge,
  Button,
  Checkbox,
  createFocusOutlineStyle,
  Field,
  Link,
  makeStyles,
  Popover,
  PopoverSurface,
  PopoverTrigger,
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
import { ChevronDownRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { CHILD_STATUS_LABELS, CHILD_STATUSES, type ChildListItem, type ChildStatus, type Restriction } from '../../../shared/contract/children';
import { contract } from '../../../shared/contract/index';
import { formatDayShort, londonDay } from '../../../shared/domain/dates';
import { describeDays } from '../../../shared/domain/weekdays';
import { useChannel, useChannelMutation } from '../../api';
import { href, navigate } from '../../router';
import { DaysField, SelectField } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { FormDialog } from '../../ui/fields';
import { nameMatches } from '../../../shared/domain/names';
import { ErrorBar, Loading, Page } from '../../ui/Page';
import { ageOn, restrictionText } from './common';
import { can } from '../../ui/access';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  flags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  /** A long list of allergens wraps inside its badge instead of spilling out of it. */
  longBadge: { height: 'auto', minHeight: '20px', textAlign: 'left', paddingTop: '1px', paddingBottom: '1px', borderRadius: tokens.borderRadiusMedium },
  name: { fontWeight: tokens.fontWeightSemibold },
  restriction: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  row: { cursor: 'pointer' },
  /** The consent flag looks like the badges beside it, but opens its reasons (keyboard and touch too). */
  flagButton: {
    position: 'relative',
    display: 'inline-flex',
    alignItems: 'center',
    gap: '2px',
    minHeight: '20px',
    padding: `0 ${tokens.spacingHorizontalXS} 0 ${tokens.spacingHorizontalSNudge}`,
    border: 'none',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralForeground1,
    color: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralForeground2 },
    ...createFocusOutlineStyle({ style: { outlineRadius: tokens.borderRadiusCircular } }),
  },
  reasons: { margin: `0 0 ${tokens.spacingVerticalS}`, paddingLeft: tokens.spacingHorizontalL, maxWidth: '360px' },
});

type Flag = 'attendsOtherSetting' | 'healthNeeds' | 'consent' | 'contacts';
const FLAG_LABELS: Record<Flag, string> = {
  attendsOtherSetting: 'Attends another setting',
  healthNeeds: 'Has allergies or medication',
  consent: 'Consent missing or expired',
  contacts: 'Contacts need checking',
};

function matches(c: ChildListItem, search: string, room: string, flags: Set<Flag>): boolean {
  if (!nameMatches(search, c.legalName, c.preferredName)) return false;
  if (room && c.room !== room) return false;
  if (flags.has('attendsOtherSetting') && c.partners.length === 0) return false;
  if (flags.has('healthNeeds') && !c.hasAllergies && !c.hasMedication) return false;
  if (flags.has('consent') && c.consentAttention.length === 0) return false;
  if (flags.has('contacts') && !c.contactsNeedCheck) return false;
  return true;
}

export function ChildrenPage({ session }: { session: Session }) {
  const s = useStyles();
  const [status, setStatus] = useState<ChildStatus | 'all'>('current');
  const [search, setSearch] = useState('');
  const [room, setRoom] = useState('');
  const [flags, setFlags] = useState<Set<Flag>>(new Set());
  const [adding, setAdding] = useState(false);
  // One read per status; search and flags filter here (every read of the list is audited).
  const list = useChannel('children.list', { status });
  const shown = useMemo(() => (list.data?.children ?? []).filter((c) => matches(c, search, room, flags)), [list.data, search, room, flags]);
  const today = londonDay();

  return (
    <Page
      title="Children"
      actions={
        can(session, 'children.create') && (
          <Button appearance="primary" icon={<PersonAddRegular />} onClick={() => setAdding(true)}>
            Add a child
          </Button>
        )
      }
    >
      <div className={s.filters}>
        <Field label="Search by name">
          <SearchBox value={search} onChange={(_e, d) => setSearch(d.value)} placeholder="Legal or preferred name" />
        </Field>
        <Field label="Room or group">
          <Select value={room} onChange={(_e, d) => setRoom(d.value)}>
            <option value="">All rooms</option>
            {(list.data?.rooms ?? []).map((r) => (
              <option key={r}>{r}</option>
            ))}
          </Select>
        </Field>
        <Field label="Status">
          <Select value={status} onChange={(_e, d) => setStatus(d.value as ChildStatus | 'all')}>
            {CHILD_STATUSES.map((x) => (
              <option key={x} value={x}>
                {CHILD_STATUS_LABELS[x]}
              </option>
            ))}
            <option value="all">All</option>
          </Select>
        </Field>
      </div>
      <div className={s.flags} role="group" aria-label="Show only children who">
        {(Object.keys(FLAG_LABELS) as Flag[]).map((f) => (
          <Checkbox
            key={f}
            label={FLAG_LABELS[f]}
            checked={flags.has(f)}
            onChange={(_e, d) => {
              const next = new Set(flags);
              if (d.checked) next.add(f);
              else next.delete(f);
              setFlags(next);
            }}
          />
        ))}
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorBar error={list.error} />
      ) : (
        <>
          <Text>
            {shown.length} of {list.data.children.length} {status === 'all' ? '' : CHILD_STATUS_LABELS[status].toLowerCase()} children
          </Text>
          <Table aria-label="Children">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '27%' }}>Name</TableHeaderCell>
                <TableHeaderCell style={{ width: '13%' }}>Age</TableHeaderCell>
                <TableHeaderCell style={{ width: '11%' }}>Room</TableHeaderCell>
                <TableHeaderCell style={{ width: '17%' }}>Days here</TableHeaderCell>
                <TableHeaderCell style={{ width: '12%' }}>Key person</TableHeaderCell>
                <TableHeaderCell style={{ width: '20%' }}>Needs attention</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((c) => (
                <TableRow key={c.id} className={s.row} onClick={() => navigate(`/children/${c.id}`)}>
                  <TableCell>
                    <a href={href(`/children/${c.id}`)} className={s.name}>
                      {c.preferredName ?? c.legalName}
                    </a>
                    {c.preferredName && c.preferredName !== c.legalName && <Text size={200} block>{c.legalName}</Text>}
                    {/* Who and what, in one line; the whole note and court order are at the top of the child's file. */}
                    {c.restrictions.map((r) => (
                      <Text key={r.carerId} size={200} block className={s.restriction} title={restrictionText(r)}>
                        ⚠ {restrictionSummary(r)}
                      </Text>
                    ))}
                  </TableCell>
                  <TableCell>
                    {ageOn(c.dateOfBirth, today)}
                    <Text size={200} block>
                      Born {formatDayShort(c.dateOfBirth)}
                    </Text>
                  </TableCell>
                  <TableCell>{c.room ?? '—'}</TableCell>
                  <TableCell>
                    {describeDays(c.attendance)}
                    {c.partners.length > 0 && (
                      <Text size={200} block>
                        Also at {c.partners.map((p) => p.name).join(', ')}
                      </Text>
                    )}
                  </TableCell>
                  <TableCell>{c.keyPersonName ?? '—'}</TableCell>
                  <TableCell>
                    <div className={s.badges}>
                      {c.status !== 'current' && <Badge color="subtle">{CHILD_STATUS_LABELS[c.status]}</Badge>}
                      {c.hasAllergies && <Badge color="danger" className={s.longBadge}>Allergy: {c.allergyNames.join(', ')}</Badge>}
                      {c.hasMedication && <Badge color="warning">Medication</Badge>}
                      {c.contactsNeedCheck && <Badge color="warning">Check contacts</Badge>}
                      {c.consentAttention.length > 0 && <ConsentFlag child={c} />}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {shown.length === 0 && <Text>No children match. Clear the search or the filters to see more.</Text>}
        </>
      )}
      {adding && <AddChildDialog onClose={() => setAdding(false)} />}
    </Page>
  );
}

/** "Consent: 2 to check", a button that opens the reasons and a link to the child's consent tab. */
function ConsentFlag({ child }: { child: ChildListItem }) {
  const s = useStyles();
  const name = child.preferredName ?? child.legalName;
  return (
    // Inside a clickable row: opening the flag (or using what it opens) does not open the child's file.
    <span onClick={(e) => e.stopPropagation()}>
      <Popover withArrow trapFocus positioning="below-start">
        <PopoverTrigger disableButtonEnhancement>
          <button type="button" className={s.flagButton}>
            Consent: {child.consentAttention.length} to check
            <ChevronDownRegular aria-hidden="true" />
          </button>
        </PopoverTrigger>
        <PopoverSurface aria-label={`Consent to check for ${name}`}>
          <ul className={s.reasons}>
            {child.consentAttention.map((reason) => (
              <li key={reason}>
                <Text size={200}>{reason}</Text>
              </li>
            ))}
          </ul>
          <Link href={href(`/children/${child.id}?tab=consent`)}>Open {name}’s consent</Link>
        </PopoverSurface>
      </Popover>
    </span>
  );
}

/** "Craig Bennett (Father) · MUST NOT COLLECT · court order": the list's short form of a restriction. */
function restrictionSummary(r: Restriction): string {
  const parts = [`${r.carerName} (${r.relationship})`];
  if (r.mustNotCollect) parts.push('MUST NOT COLLECT');
  else if (r.note) parts.push('collection restriction');
  if (r.courtOrder) parts.push('court order');
  return parts.join(' · ');
}

function AddChildDialog({ onClose }: { onClose: () => void }) {
  const create = useChannelMutation('children.create');
  const staff = useChannel('setting.staff');
  const form = useContractForm(contract['children.create'].input, {
    legalName: '',
    preferredName: '',
    dateOfBirth: '',
    room: '',
    startDate: '',
    attendance: [],
    keyPersonUserId: null,
  });
  const { submit, error } = useFormSubmit(
    form,
    async (values) => {
      const { id } = await create.mutateAsync(values);
      navigate(`/children/${id}`);
    },
    onClose,
  );
  return (
    <FormDialog title="Add a child" submitLabel="Add child" onSubmit={submit} onClose={onClose} pending={create.isPending} error={error} wide>
      <TextField form={form} name="legalName" label="Legal name" hint="As on the birth certificate." required />
      <TextField form={form} name="preferredName" label="Preferred name" hint="What the child is called day to day, if different." />
      <TextField form={form} name="dateOfBirth" label="Date of birth" type="date" required />
      <TextField form={form} name="room" label="Room or group" />
      <TextField form={form} name="startDate" label="Start date" type="date" />
      <SelectField
        form={form}
        name="keyPersonUserId"
        label="Key person here"
        emptyLabel="Not chosen yet"
        nullWhenEmpty
        options={(staff.data?.staff ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
      />
      <DaysField form={form} name="attendance" label="Days and sessions here" />
    </FormDialog>
  );
}
