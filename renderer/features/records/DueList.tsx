import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { contract, type OutputOf } from '../../../shared/contract/index';
import type { DueSet } from '../../../shared/contract/retention';
import { formatDateTime, formatDay } from '../../../shared/domain/dates';
import { addDays, today } from '../../../shared/domain/weeks';
import { useChannel, useChannelMutation } from '../../api';
import { FormDialog } from '../../ui/fields';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { TextAreaField } from '../../ui/fields';
import { ErrorBar, Loading } from '../../ui/Page';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const countsText = (counts: { label: string; n: number }[]) => counts.map((c) => `${c.n} ${c.label}`).join(', ');

/** The sets of records whose retention period has ended: keep longer (with a reason and a new day) or dispose of them. */
export function DueList() {
  const s = useStyles();
  const due = useChannel('retention.due');
  const [keeping, setKeeping] = useState<DueSet | null>(null);
  const [disposing, setDisposing] = useState<DueSet | null>(null);
  const [done, setDone] = useState<{ set: DueSet; result: OutputOf<'retention.dispose'> } | null>(null);
  if (due.isPending) return <Loading />;
  if (due.error) return <ErrorBar error={due.error} />;
  const { sets, disposals } = due.data;
  return (
    <div className={s.section}>
      <Text>
        Records are kept for as long as our retention rules say, then reviewed here: keep them longer with a reason and a day to look again,
        or dispose of them. Disposal cannot be undone.
      </Text>
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Disposed of</MessageBarTitle>
            {done.set.label} of child {done.result.childReference}: {countsText(done.result.counts)}. The record of disposal names the child only
            by this reference.{' '}
            {done.result.staleBackups.length === 0
              ? 'No backups made before today are listed; if you keep backups elsewhere, replace any made before today.'
              : `Replace these backups, made before the disposal: ${done.result.staleBackups.map((b) => `${formatDateTime(b.madeAt)} (${b.where})`).join('; ')}.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {sets.length === 0 ? (
        <Text>Nothing is due for review.</Text>
      ) : (
        <Table aria-label="Records due for review">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Child</TableHeaderCell>
              <TableHeaderCell>Records</TableHeaderCell>
              <TableHeaderCell>Due</TableHeaderCell>
              <TableHeaderCell>What is held</TableHeaderCell>
              <TableHeaderCell>Decide</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sets.map((set) => (
              <TableRow key={`${set.childId}-${set.type}`}>
                <TableCell>{set.childName}</TableCell>
                <TableCell>{set.label}</TableCell>
                <TableCell>
                  {formatDay(set.dueOn)}
                  <br />
                  <Text size={200}>{set.keptUntil ? `Kept longer until this day: ${set.keptReason}` : `Kept ${set.ruleText}`}</Text>
                </TableCell>
                <TableCell>{countsText(set.counts)}</TableCell>
                <TableCell>
                  <div className={s.actions}>
                    <Button onClick={() => setKeeping(set)}>Keep longer</Button>
                    <Button appearance="primary" onClick={() => setDisposing(set)}>
                      Dispose of them
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Text weight="semibold">Records disposed of</Text>
      {disposals.length === 0 ? (
        <Text>Nothing has been disposed of yet.</Text>
      ) : (
        <Table aria-label="Records disposed of">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>Records</TableHeaderCell>
              <TableHeaderCell>Child’s reference</TableHeaderCell>
              <TableHeaderCell>What went</TableHeaderCell>
              <TableHeaderCell>By</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {disposals.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{formatDateTime(d.at)}</TableCell>
                <TableCell>{d.label}</TableCell>
                <TableCell>{d.childReference}</TableCell>
                <TableCell>{countsText(d.counts)}</TableCell>
                <TableCell>{d.byName}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {keeping && <KeepDialog set={keeping} onClose={() => setKeeping(null)} />}
      {disposing && (
        <DisposeDialog
          set={disposing}
          onClose={() => setDisposing(null)}
          onDone={(result) => {
            setDone({ set: disposing, result });
            setDisposing(null);
          }}
        />
      )}
    </div>
  );
}

function KeepDialog({ set, onClose }: { set: DueSet; onClose: () => void }) {
  const keep = useChannelMutation('retention.keep');
  const form = useContractForm(contract['retention.keep'].input, { childId: set.childId, type: set.type, reason: '', reviewOn: addDays(today(), 365) });
  const { submit, error } = useFormSubmit(form, (v) => keep.mutateAsync(v), onClose);
  return (
    <FormDialog title={`Keep ${set.label.toLowerCase()} of ${set.childName} longer`} submitLabel="Keep them" onSubmit={submit} onClose={onClose} pending={keep.isPending} error={error}>
      <TextAreaField form={form} name="reason" label="Why they are kept longer" hint="For example: a complaint or a claim is open, or the local authority asked us to keep them." required />
      <TextField form={form} name="reviewOn" label="Review them again on" type="date" required />
    </FormDialog>
  );
}

function DisposeDialog({ set, onClose, onDone }: { set: DueSet; onClose: () => void; onDone: (r: OutputOf<'retention.dispose'>) => void }) {
  const dispose = useChannelMutation('retention.dispose');
  const form = useContractForm(contract['retention.dispose'].input, { childId: set.childId, type: set.type, password: '' });
  const { submit, error } = useFormSubmit(
    form,
    async (v) => {
      try {
        onDone(await dispose.mutateAsync(v));
      } catch (e) {
        setTimeout(() => form.setFocus('password', { shouldSelect: true }));
        throw e;
      }
    },
    () => undefined,
  );
  return (
    <FormDialog title={`Dispose of ${set.label.toLowerCase()} of ${set.childName}`} submitLabel={dispose.isPending ? 'Disposing…' : 'Dispose of them'} onSubmit={submit} onClose={onClose} pending={dispose.isPending} error={error}>
      <Text>
        This removes {countsText(set.counts)} for good. It cannot be undone. TwoWay keeps a record that they were disposed of (the kind of
        record, the child’s reference {set.childReference}, how many, when and by whom), never what they said.
      </Text>
      <TextField form={form} name="password" label="Your password" type="password" autoComplete="current-password" hint="To confirm it is you." required />
    </FormDialog>
  );
}
