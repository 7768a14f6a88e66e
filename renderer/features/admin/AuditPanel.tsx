import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
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
import { ChevronLeftRegular, ChevronRightRegular, PrintRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { AUDIT_WHAT, AUDIT_WHAT_LABELS, auditWhatSchema, type AuditWhat } from '../../../shared/contract/audit';
import type { Session } from '../../../shared/contract/auth';
import { contract } from '../../../shared/contract/index';
import { formatDateTime } from '../../../shared/domain/dates';
import { invoke, useChannel } from '../../api';
import { AuditTrailPrint, outcomeLabel } from '../../print/AuditTrailPrint';
import { PrintPortal } from '../../print/PrintPortal';
import { ErrorBar, Loading } from '../../ui/Page';
import { PrintActions, printRecorded } from '../../ui/PrintActions';

const PAGE_SIZE = 100;

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  paging: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
  seq: { width: '64px' },
  when: { width: '230px' },
  result: { width: '240px' },
});

/** Who did what, when, in words, with names; never a record's content. */
export function AuditPanel({ session, settingName, initialWhat }: { session: Session; settingName: string; initialWhat?: string | null }) {
  const s = useStyles();
  const [userId, setUserId] = useState('');
  const [what, setWhat] = useState<AuditWhat>(() => auditWhatSchema.safeParse(initialWhat).data ?? 'all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [childId, setChildId] = useState('');
  // Paging: the `beforeSeq` of each page shown so far (the first page has none).
  const [pages, setPages] = useState<Array<number | undefined>>([undefined]);
  const [printing, setPrinting] = useState<Date | null>(null);
  const users = useChannel('users.list');
  const children = useChannel('children.list', { status: 'all' });
  const beforeSeq = pages[pages.length - 1];
  const filter = {
    userId: userId || undefined,
    childId: childId || undefined,
    what,
    from: from || undefined,
    to: to || undefined,
    limit: PAGE_SIZE,
    ...(beforeSeq ? { beforeSeq } : {}),
  };
  const valid = contract['audit.list'].input.safeParse(filter).success && !(from && to && from > to);
  const audit = useChannel('audit.list', filter, { enabled: valid });
  const [verify, setVerify] = useState<{ ok: boolean; message: string } | null>(null);
  const [printError, setPrintError] = useState<unknown>(null);

  useEffect(() => {
    // Print once the layout is in the page.
    if (printing) printRecorded('audit-trail').catch(setPrintError);
  }, [printing]);

  /** A changed filter starts again at the newest entries. */
  const refilter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPages([undefined]);
    setPrinting(null);
  };
  const userName = users.data?.users.find((u) => u.id === userId)?.fullName;
  const childName = children.data?.children.find((c) => c.id === childId)?.legalName;
  const entries = audit.data?.entries ?? [];
  const shownFrom = (pages.length - 1) * PAGE_SIZE + 1;
  const describeFilters = [
    AUDIT_WHAT_LABELS[what],
    userName ? `by or confirmed by ${userName}` : 'everyone',
    childName ? `about ${childName}` : null,
    from ? `from ${from}` : null,
    to ? `to ${to}` : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <>
      <div className={s.filters} role="group" aria-label="Filters">
        <Field label="What happened">
          <Select value={what} onChange={(_e, d) => refilter(setWhat)(d.value as AuditWhat)}>
            {AUDIT_WHAT.map((w) => (
              <option key={w} value={w}>
                {AUDIT_WHAT_LABELS[w]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Member of staff">
          <Select value={userId} onChange={(_e, d) => refilter(setUserId)(d.value)}>
            <option value="">Everyone</option>
            {(users.data?.users ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName}
                {u.active ? '' : ' (deactivated)'}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Child">
          <Select value={childId} onChange={(_e, d) => refilter(setChildId)(d.value)}>
            <option value="">Any child</option>
            {(children.data?.children ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.legalName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="From">
          <Input type="date" value={from} onChange={(_e, d) => refilter(setFrom)(d.value)} />
        </Field>
        <Field label="To">
          <Input type="date" value={to} onChange={(_e, d) => refilter(setTo)(d.value)} />
        </Field>
      </div>
      <Text size={200}>Choosing a member of staff also lists what they agreed to as the second person, and failed logins as them.</Text>
      <div className={s.paging}>
        <Button onClick={() => void invoke('audit.verify').then(setVerify, (e: unknown) => setVerify({ ok: false, message: e instanceof Error ? e.message : String(e) }))}>
          Check the audit trail is intact
        </Button>
        {printing ? (
          <PrintActions document="audit-trail" suggestedName={`Audit trail - ${describeFilters}`.slice(0, 110)} landscape label="Print these entries again" />
        ) : (
          <Button icon={<PrintRegular />} disabled={!audit.data} onClick={() => setPrinting(new Date())}>
            Print these entries
          </Button>
        )}
      </div>
      {!valid && <ErrorBar error={from && to && from > to ? 'The “From” date is after the “To” date. Swap them round.' : 'Check the dates: use the date pickers.'} />}
      <ErrorBar error={printError} />
      {verify && (
        <MessageBar intent={verify.ok ? 'success' : 'error'}>
          <MessageBarBody>{verify.message}</MessageBarBody>
        </MessageBar>
      )}
      {audit.isPending && valid ? (
        <Loading />
      ) : audit.error ? (
        <ErrorBar error={audit.error} />
      ) : audit.data ? (
        <>
          <Text role="status">
            {audit.data.total === 0
              ? 'Nothing matches these filters.'
              : `${audit.data.total} ${audit.data.total === 1 ? 'entry' : 'entries'}, newest first. Showing ${shownFrom} to ${shownFrom + entries.length - 1}.`}
          </Text>
          <Table aria-label="Audit trail" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={s.seq}>No.</TableHeaderCell>
                <TableHeaderCell className={s.when}>When</TableHeaderCell>
                <TableHeaderCell>What happened</TableHeaderCell>
                <TableHeaderCell className={s.result}>Result</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={e.seq}>
                  <TableCell>{e.seq}</TableCell>
                  <TableCell>{formatDateTime(e.at)}</TableCell>
                  <TableCell>{e.description}</TableCell>
                  <TableCell>
                    {e.outcome === 'done' ? (
                      <Text size={200}>Done</Text>
                    ) : (
                      <Badge appearance="tint" color={e.outcome === 'failed-login' ? 'danger' : 'warning'} shape="rounded">
                        {outcomeLabel(e)}
                      </Badge>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className={s.paging}>
            <Button icon={<ChevronLeftRegular />} disabled={pages.length === 1} onClick={() => setPages(pages.slice(0, -1))}>
              Newer entries
            </Button>
            <Button
              icon={<ChevronRightRegular />}
              iconPosition="after"
              disabled={!audit.data.hasOlder}
              onClick={() => setPages([...pages, entries[entries.length - 1]!.seq])}
            >
              Older entries
            </Button>
          </div>
        </>
      ) : null}
      {printing && audit.data && (
        <PrintPortal>
          <AuditTrailPrint
            entries={entries}
            filters={describeFilters}
            range={`entries ${shownFrom} to ${shownFrom + entries.length - 1} of ${audit.data.total}`}
            settingName={settingName}
            printedBy={session.fullName}
            printedAt={printing}
          />
        </PrintPortal>
      )}
    </>
  );
}
