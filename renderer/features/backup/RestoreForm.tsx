import { Button, Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { restoreWithPasswordSchema, restoreWithRecoveryKeySchema, type BackupSummary } from '../../../shared/contract/backup';
import type { InputOf } from '../../../shared/contract/index';
import { invoke, useChannelMutation } from '../../api';
import { applyServerError, TextField, useContractForm, withErrorFocus } from '../../ui/forms';
import { ErrorBar } from '../../ui/Page';
import { SummaryFacts } from './common';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  grow: { flexGrow: 1 },
});

type Via = 'password' | 'recovery';

/**
 * Restoring a backup in two steps: unlock it (a password of someone in the backup, or the
 * recovery key of its time) and see what it holds; then restore it. Used at Admin, Backups
 * (`backup.*`: the current records are kept as a safety copy) and on a laptop not yet set up
 * (`setup.*`). Nothing changes before "Restore this backup".
 */
export function RestoreForm({
  where,
  onRestored,
  onBusy,
  progress,
  canChoose = true,
}: {
  where: 'admin' | 'new-laptop';
  onRestored: () => void;
  onBusy?: (busy: boolean) => void;
  progress?: ReactNode;
  /** Whether the computer's file picker is there (the desktop app); on a laptop not yet set up, asked by trying. */
  canChoose?: boolean;
}) {
  const [via, setVia] = useState<Via>('password');
  const [file, setFile] = useState('');
  return <UnlockForm key={via} via={via} setVia={setVia} file={file} setFile={setFile} where={where} onRestored={onRestored} onBusy={onBusy} progress={progress} canChoose={canChoose} />;
}

function UnlockForm({
  via,
  setVia,
  file,
  setFile,
  where,
  onRestored,
  onBusy,
  progress,
  canChoose,
}: {
  via: Via;
  setVia: (v: Via) => void;
  file: string;
  setFile: (f: string) => void;
  where: 'admin' | 'new-laptop';
  onRestored: () => void;
  onBusy?: (busy: boolean) => void;
  progress?: ReactNode;
  canChoose: boolean;
}) {
  const s = useStyles();
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inspect = useChannelMutation(where === 'admin' ? 'backup.inspect' : 'setup.inspectBackup', []);
  const restore = useChannelMutation(where === 'admin' ? 'backup.restore' : 'setup.restoreBackup', []);
  // One way of unlocking at a time, each with its own part of the contract's schema.
  const schema = (via === 'password' ? restoreWithPasswordSchema : restoreWithRecoveryKeySchema) as unknown as z.ZodType<FieldValues, FieldValues>;
  const form = useContractForm(schema, { file, unlock: via === 'password' ? { username: '', password: '' } : { recoveryKey: '' } });
  const check = form.handleSubmit(async (values) => {
    setError(null);
    setSummary(null);
    try {
      setSummary(await inspect.mutateAsync(values as InputOf<'backup.restore'>));
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });
  const confirm = form.handleSubmit(async (values) => {
    setError(null);
    onBusy?.(true);
    try {
      await restore.mutateAsync(values as InputOf<'backup.restore'>);
      onRestored();
    } catch (e) {
      setError(applyServerError(form, e));
    } finally {
      onBusy?.(false);
    }
  });
  const chooseFile = async () => {
    try {
      const chosen = (await invoke('backup.chooseFile')).file;
      if (chosen) form.setValue('file', chosen);
    } catch (e) {
      setError(applyServerError(form, e));
    }
  };
  return (
    <form className={s.form} onSubmit={withErrorFocus(check)} noValidate aria-label="Restore from a backup">
      <div className={s.row}>
        <div className={s.grow} onBlur={() => setFile(String(form.getValues('file') ?? ''))}>
          <TextField form={form} name="file" label="Backup file" hint="Its full name, for example E:\TwoWay backups\TwoWay backup 2026-11-30 17-02-11.twowaybackup" required />
        </div>
        {canChoose && (
          <Button type="button" onClick={() => void chooseFile()}>
            Choose…
          </Button>
        )}
      </div>
      <Field label="Unlock it with">
        <RadioGroup
          value={via}
          onChange={(_e, d) => {
            setFile(String(form.getValues('file') ?? ''));
            setVia(d.value as Via);
          }}
          layout="horizontal"
        >
          <Radio value="password" label="A username and password from when it was made" />
          <Radio value="recovery" label="The recovery key" />
        </RadioGroup>
      </Field>
      {via === 'password' ? (
        <>
          <TextField form={form} name="unlock.username" label="Username" autoComplete="off" required />
          <TextField form={form} name="unlock.password" label="Password" type="password" autoComplete="off" required />
        </>
      ) : (
        <TextField form={form} name="unlock.recoveryKey" label="Recovery key" hint="The key on the recovery sheet in use when the backup was made." autoComplete="off" required />
      )}
      <div>
        <Button type="submit" disabled={inspect.isPending || restore.isPending}>
          {inspect.isPending ? 'Unlocking…' : 'See what it holds'}
        </Button>
      </div>
      {summary && (
        <MessageBar intent="info">
          <MessageBarBody>
            <SummaryFacts summary={summary} />
            <Text>
              {where === 'admin'
                ? 'Restoring replaces every record on this laptop with the ones in this backup. The records as they are now are kept as a safety copy, so you can undo the restore until the next one. TwoWay then locks: log in again with a password from the backup.'
                : 'Restoring puts these records on this laptop. Afterwards, log in with a username and password from the backup.'}
            </Text>
          </MessageBarBody>
        </MessageBar>
      )}
      {summary && (
        <div>
          <Button appearance="primary" type="button" disabled={restore.isPending} onClick={withErrorFocus(confirm)}>
            {restore.isPending ? 'Restoring…' : 'Restore this backup'}
          </Button>
        </div>
      )}
      {restore.isPending && progress}
      <ErrorBar error={error} />
    </form>
  );
}
