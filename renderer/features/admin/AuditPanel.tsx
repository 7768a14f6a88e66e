import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
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
import { useState } from 'react';
import { contract } from '../../../shared/contract/index';
import { formatDateTime } from '../../../shared/domain/dates';
import { invoke, useChannel } from '../../api';
import { ErrorBar, Loading } from '../../ui/Page';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  ids: { fontSize: tokens.fontSizeBase200 },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
  seq: { width: '64px' },
  when: { width: '200px' },
  who: { width: '160px' },
});

/** Record kinds as the audit trail names them (`child:…`, `sharing:…`, any `…Id` field), in words. */
const REF_KINDS: Record<string, string> = {
  child: 'Child',
  user: 'Staff',
  partner: 'Partner',
  carer: 'Parent or carer',
  consent: 'Consent',
  sharing: 'Sharing decision',
  diary: 'Diary entry',
  entry: 'Diary entry',
  health: 'Health record',
  contact: 'Emergency contact',
  policy: 'Policy',
  print: 'Printed',
};

/** Who did what, when: channel and record ids only, never a record's content. */
export function AuditPanel() {
  const s = useStyles();
  const [userId, setUserId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [childId, setChildId] = useState('');
  const users = useChannel('users.list');
  const children = useChannel('children.list', { status: 'all' });
  const filter = {
    userId: userId || undefined,
    childId: childId || undefined,
    from: from || undefined,
    to: to || undefined,
    limit: 200,
  };
  const valid = contract['audit.list'].input.safeParse(filter).success;
  // Children and staff by name, from the lists already read for the filters.
  const names = new Map<string, string>([
    ...(children.data?.children ?? []).map((c) => [`child:${c.id}`, c.preferredName && c.preferredName !== c.legalName ? `${c.preferredName} (${c.legalName})` : c.legalName] as const),
    ...(users.data?.users ?? []).map((u) => [`user:${u.id}`, u.fullName] as const),
  ]);
  const audit = useChannel('audit.list', filter, { enabled: valid });
  const [verify, setVerify] = useState<{ ok: boolean; message: string } | null>(null);

  return (
    <>
      <div className={s.filters}>
        <Field label="Member of staff">
          <Dropdown
            value={users.data?.users.find((u) => u.id === userId)?.fullName ?? 'Everyone'}
            selectedOptions={[userId]}
            onOptionSelect={(_e, d) => setUserId(d.optionValue ?? '')}
          >
            <Option value="">Everyone</Option>
            {(users.data?.users ?? []).map((u) => (
              <Option key={u.id} value={u.id}>
                {u.fullName}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Child">
          <Select value={childId} onChange={(_e, d) => setChildId(d.value)}>
            <option value="">Any child</option>
            {(children.data?.children ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.legalName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="From">
          <Input type="date" value={from} onChange={(_e, d) => setFrom(d.value)} />
        </Field>
        <Field label="To">
          <Input type="date" value={to} onChange={(_e, d) => setTo(d.value)} />
        </Field>
        <Button onClick={() => void invoke('audit.verify').then(setVerify, (e: unknown) => setVerify({ ok: false, message: String(e) }))}>
          Check the audit trail is intact
        </Button>
      </div>
      {!valid && <ErrorBar error="Check the dates: use the date pickers." />}
      {verify && (
        <MessageBar intent={verify.ok ? 'success' : 'error'}>
          <MessageBarBody>{verify.message}</MessageBarBody>
        </MessageBar>
      )}
      {audit.isPending && valid ? (
        <Loading />
      ) : audit.error ? (
        <ErrorBar error={audit.error} />
      ) : (
        <>
          <Text>{audit.data ? `${audit.data.total} entries${audit.data.total > audit.data.entries.length ? `, newest ${audit.data.entries.length} shown` : ''}` : ''}</Text>
          <Table aria-label="Audit trail" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={s.seq}>#</TableHeaderCell>
                <TableHeaderCell className={s.when}>When</TableHeaderCell>
                <TableHeaderCell className={s.who}>Who</TableHeaderCell>
                <TableHeaderCell>What</TableHeaderCell>
                <TableHeaderCell>Records</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(audit.data?.entries ?? []).map((e) => (
                <TableRow key={e.seq}>
                  <TableCell>{e.seq}</TableCell>
                  <TableCell>{formatDateTime(e.at)}</TableCell>
                  <TableCell>{e.userName ?? '—'}</TableCell>
                  <TableCell>
                    {describeChannel(e.channel)} <Text size={100}>({e.kind === 'write' ? 'change' : 'viewed'})</Text>
                  </TableCell>
                  <TableCell className={s.ids}>
                    {e.recordIds.map((ref) => (
                      <RecordRef key={ref} reference={ref} names={names} />
                    ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}

/** "Child: Isla Khan", "Sharing decision 960a3bfe…" (the whole reference is in the tooltip). */
function RecordRef({ reference, names }: { reference: string; names: Map<string, string> }) {
  const s = useStyles();
  const colon = reference.indexOf(':');
  const kind = reference.slice(0, colon);
  const id = reference.slice(colon + 1);
  // `dslUserId` -> "Dsl user"; a known kind -> its name.
  const label = REF_KINDS[kind] ?? kind.replace(/([A-Z])/g, ' $1').toLowerCase().replace(/^./, (c) => c.toUpperCase());
  const name = names.get(`${kind}:${id}`) ?? (kind.endsWith('User') ? names.get(`user:${id}`) : undefined);
  return (
    <Text block size={200} title={reference}>
      {name ? (
        `${label}: ${name}`
      ) : (
        <>
          {label} <span className={s.id}>{id.length > 8 ? `${id.slice(0, 8)}…` : id}</span>
        </>
      )}
    </Text>
  );
}

function describeChannel(channel: string): string {
  if (channel === 'auth.idle-lock') return 'Locked after being left idle';
  const def = (contract as Record<string, { summary: string } | undefined>)[channel];
  return def ? def.summary : channel;
}
