import { Button, Field, Input, makeStyles, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { PrintRegular, ShareRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { contract, type InputOf } from '../../../shared/contract/index';
import { SHARING_STATUS_LABELS, SHARING_STATUSES, type DecisionSummary, type SharingStatus } from '../../../shared/contract/sharing';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { useChannel } from '../../api';
import { PrintPortal } from '../../print/PrintPortal';
import { SharingRegisterPrint } from '../../print/SharingRegisterPrint';
import { href, navigate } from '../../router';
import { ErrorBar, Loading } from '../../ui/Page';
import { PrintActions, printRecorded } from '../../ui/PrintActions';
import { StatusBadge } from './common';
import { can } from '../../ui/access';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  purpose: { overflowWrap: 'anywhere' },
  wide: { width: '30%' },
  outcome: { width: '150px' },
});

/** The decisions as a table; each row opens the decision. */
export function DecisionsTable({ decisions, label, showChild = true }: { decisions: DecisionSummary[]; label: string; showChild?: boolean }) {
  const s = useStyles();
  return (
    <Table aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Decided</TableHeaderCell>
          {showChild && <TableHeaderCell>Child</TableHeaderCell>}
          <TableHeaderCell>With</TableHeaderCell>
          <TableHeaderCell className={s.wide}>Purpose</TableHeaderCell>
          <TableHeaderCell className={s.outcome}>Outcome</TableHeaderCell>
          <TableHeaderCell>Decided by</TableHeaderCell>
          <TableHeaderCell>Authorised by</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {decisions.map((d) => (
          <TableRow key={d.id} data-decision={d.id}>
            <TableCell>
              <a href={href(`/sharing/${d.id}`)}>{formatDateTime(d.decidedAt)}</a>
            </TableCell>
            {showChild && <TableCell>{d.childName}</TableCell>}
            <TableCell>{d.recipientName}</TableCell>
            <TableCell className={s.purpose}>{d.purpose}</TableCell>
            <TableCell>
              <StatusBadge status={d.status} />
              {d.status === 'shared' && (
                <Text size={200} block>
                  {d.itemsShared} item{d.itemsShared === 1 ? '' : 's'}
                </Text>
              )}
            </TableCell>
            <TableCell>{d.decidedByName}</TableCell>
            <TableCell>{d.authorisedByName ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

type Filter = { childId: string; partnerId: string; status: '' | SharingStatus; from: string; to: string };

/** `#/sharing`: the register of every decision, share or not, filtered and printed. */
export function RegisterView({ session, settingName }: { session: Session; settingName: string }) {
  const s = useStyles();
  const [f, setF] = useState<Filter>({ childId: '', partnerId: '', status: '', from: '', to: '' });
  const [printing, setPrinting] = useState<Date | null>(null);
  const [printError, setPrintError] = useState<unknown>(null);
  const children = useChannel('children.list', { status: 'all' });
  const partners = useChannel('partners.list', { includeInactive: true });
  const input: InputOf<'sharing.list'> = {
    ...(f.childId ? { childId: f.childId } : {}),
    ...(f.partnerId ? { partnerId: f.partnerId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    limit: 2000,
  };
  const valid = contract['sharing.list'].input.safeParse(input).success;
  const list = useChannel('sharing.list', input, { enabled: valid });

  useEffect(() => {
    if (printing) printRecorded('sharing-register').catch(setPrintError);
  }, [printing]);

  const childName = children.data?.children.find((c) => c.id === f.childId);
  const describe = [
    childName ? `Child: ${childName.legalName}` : 'All children',
    f.partnerId ? `With: ${partners.data?.partners.find((p) => p.id === f.partnerId)?.name ?? ''}` : null,
    f.status ? SHARING_STATUS_LABELS[f.status] : null,
    f.from ? `From ${formatDay(f.from)}` : null,
    f.to ? `To ${formatDay(f.to)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <div className={s.filters} role="group" aria-label="Filters">
        <Field label="Child">
          <Select value={f.childId} onChange={(_e, d) => setF({ ...f, childId: d.value })}>
            <option value="">All children</option>
            {(children.data?.children ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.legalName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="With">
          <Select value={f.partnerId} onChange={(_e, d) => setF({ ...f, partnerId: d.value })}>
            <option value="">Anyone</option>
            {(partners.data?.partners ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Outcome">
          <Select value={f.status} onChange={(_e, d) => setF({ ...f, status: d.value as Filter['status'] })}>
            <option value="">Any</option>
            {SHARING_STATUSES.map((st) => (
              <option key={st} value={st}>
                {SHARING_STATUS_LABELS[st]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="From">
          <Input type="date" value={f.from} onChange={(_e, d) => setF({ ...f, from: d.value })} />
        </Field>
        <Field label="To">
          <Input type="date" value={f.to} onChange={(_e, d) => setF({ ...f, to: d.value })} />
        </Field>
        {printing ? (
          <PrintActions document="sharing-register" suggestedName={`Sharing register - ${describe}`.slice(0, 110)} landscape label="Print the register again" />
        ) : (
          <Button icon={<PrintRegular />} disabled={!list.data} onClick={() => setPrinting(new Date())}>
            Print the register
          </Button>
        )}
        {can(session, 'sharing.record') && (
          <Button appearance="primary" icon={<ShareRegular />} onClick={() => navigate('/sharing/new')}>
            Share information
          </Button>
        )}
      </div>
      {!valid && <ErrorBar error="Check the dates: use the date pickers." />}
      <ErrorBar error={printError} />
      {list.isPending && valid ? (
        <Loading />
      ) : list.error ? (
        <ErrorBar error={list.error} />
      ) : list.data ? (
        <>
          <Text>
            {list.data.total} decision{list.data.total === 1 ? '' : 's'}. Every decision is listed, whether to share or not.
          </Text>
          <DecisionsTable decisions={list.data.decisions} label="Register of information-sharing decisions" />
        </>
      ) : null}
      {printing && list.data && (
        <PrintPortal>
          <SharingRegisterPrint decisions={list.data.decisions} filters={describe} settingName={settingName} printedBy={session.fullName} printedAt={printing} />
        </PrintPortal>
      )}
    </>
  );
}
