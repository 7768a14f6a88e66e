import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth';
import { contract, type OutputOf } from '../../../shared/contract/index';
import { formatDateTime } from '../../../shared/domain/dates';
import { announceLocked, invoke, useChannel, useChannelMutation } from '../../api';
import { can } from '../../ui/access';
import { NumberField } from '../../ui/fields';
import { applyServerError, TextField, useContractForm, useFormSubmit, withErrorFocus } from '../../ui/forms';
import { ErrorBar, Loading } from '../../ui/Page';
import { countsInWords, JobProgress } from './common';
import { RecoveryKeySection } from './RecoveryKeySection';
import { RestoreForm } from './RestoreForm';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '720px', paddingTop: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  grow: { flexGrow: 1 },
});

type Status = OutputOf<'backup.status'>;

/** Admin, Backups: back up now, where backups go, check a file, restore (and undo), the recovery key. */
export function BackupPanel({ session }: { session: Session }) {
  const s = useStyles();
  const [busy, setBusy] = useState(false);
  // While a backup, check or restore runs, the status is asked for often: it carries the progress.
  const status = useChannel('backup.status', undefined, { refetchInterval: busy ? 300 : false });
  if (status.isPending) return <Loading />;
  if (status.error) return <ErrorBar error={status.error} />;
  const data = status.data;
  return (
    <div className={s.panel}>
      <section className={s.section} aria-labelledby="backup-now">
        <Subtitle2 as="h2" id="backup-now">
          Back up
        </Subtitle2>
        <LastBackup status={data} />
        <BackUpNow status={data} setBusy={setBusy} />
      </section>
      <section className={s.section} aria-labelledby="backup-where">
        <Subtitle2 as="h2" id="backup-where">
          Where backups go
        </Subtitle2>
        <Text>
          TwoWay backs up when it closes and once a day while it is open, to this folder. Use a USB stick kept away from the laptop, or a
          folder that is copied somewhere else. Backups are encrypted: they open only with a password or the recovery key.
        </Text>
        <SettingsForm status={data} />
      </section>
      <section className={s.section} aria-labelledby="backup-check">
        <Subtitle2 as="h2" id="backup-check">
          Check a backup
        </Subtitle2>
        <CheckFile status={data} setBusy={setBusy} />
      </section>
      {can(session, 'backup.restore') && (
        <section className={s.section} aria-labelledby="backup-restore">
          <Subtitle2 as="h2" id="backup-restore">
            Restore from a backup
          </Subtitle2>
          {data.undo && <UndoRestore undo={data.undo} />}
          <RestoreWatch setBusy={setBusy} status={data} />
        </section>
      )}
      {can(session, 'users.rotateRecoveryKey') && <RecoveryKeySection />}
    </div>
  );
}

function LastBackup({ status }: { status: Status }) {
  return (
    <>
      {status.last ? (
        <Text>
          Last good backup: {formatDateTime(status.last.createdAt)}, by {status.last.createdBy}.
        </Text>
      ) : (
        <Text>No backup has been made yet.</Text>
      )}
      {status.warning && (
        <MessageBar intent="warning">
          <MessageBarBody>{status.warning}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function BackUpNow({ status, setBusy }: { status: Status; setBusy: (b: boolean) => void }) {
  const create = useChannelMutation('backup.create');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setDone(null);
    setError(null);
    setBusy(true);
    try {
      setDone((await create.mutateAsync({})).file);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div>
        <Button appearance="primary" disabled={create.isPending || !status.settings.folder} onClick={() => void run()}>
          {create.isPending ? 'Backing up…' : 'Back up now'}
        </Button>
      </div>
      {create.isPending && <JobProgress running={status.running} label="Backing up" />}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Backed up and checked.</MessageBarTitle>
            Saved as {done}
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={error} title="Not backed up" />
    </>
  );
}

function SettingsForm({ status }: { status: Status }) {
  const s = useStyles();
  const save = useChannelMutation('backup.setSettings');
  const [saved, setSaved] = useState(false);
  const form = useContractForm(contract['backup.setSettings'].input, { ...status.settings, folder: status.settings.folder ?? '' });
  const { submit, error } = useFormSubmit(
    form,
    async (v) => {
      setSaved(false);
      await save.mutateAsync(v);
    },
    () => setSaved(true),
  );
  const [chooseError, setChooseError] = useState<string | null>(null);
  const choose = async () => {
    setChooseError(null);
    try {
      const { folder } = await invoke('backup.chooseFolder');
      if (folder) form.setValue('folder', folder, { shouldDirty: true });
    } catch (e) {
      setChooseError(applyServerError(form, e));
    }
  };
  return (
    <form className={s.section} onSubmit={submit} noValidate aria-label="Where backups go">
      <div className={s.row}>
        <div className={s.grow}>
          <TextField form={form} name="folder" label="Backup folder" hint="Its full name, for example E:\TwoWay backups" required />
        </div>
        {status.canChoose && (
          <Button type="button" onClick={() => void choose()}>
            Choose…
          </Button>
        )}
      </div>
      <NumberField form={form} name="keep" label="Backups to keep" hint="Older ones are removed from the folder after each good backup." />
      <NumberField form={form} name="warnAfterDays" label="Warn on Home when the last backup is older than (days)" hint="7 days is a sensible default." />
      <ErrorBar error={error ?? chooseError} />
      {saved && <Text role="status">Saved.</Text>}
      <div>
        <Button type="submit" disabled={save.isPending}>
          Save
        </Button>
      </div>
    </form>
  );
}

function CheckFile({ status, setBusy }: { status: Status; setBusy: (b: boolean) => void }) {
  const s = useStyles();
  const verify = useChannelMutation('backup.verify', []);
  const [verdict, setVerdict] = useState<OutputOf<'backup.verify'> | null>(null);
  const form = useContractForm(contract['backup.verify'].input, { file: status.last?.file ?? '' });
  const { submit, error } = useFormSubmit(
    form,
    async (v) => {
      setVerdict(null);
      setBusy(true);
      try {
        setVerdict(await verify.mutateAsync(v));
      } finally {
        setBusy(false);
      }
    },
    () => undefined,
  );
  return (
    <form className={s.section} onSubmit={submit} noValidate aria-label="Check a backup">
      <Text>Checks that a backup file is whole and that its records open. Nothing is changed.</Text>
      <TextField form={form} name="file" label="Backup file to check" required />
      <div>
        <Button type="submit" disabled={verify.isPending}>
          {verify.isPending ? 'Checking…' : 'Check'}
        </Button>
      </div>
      {verify.isPending && <JobProgress running={status.running} label="Checking the backup" />}
      {verdict?.ok === true && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>This backup is good.</MessageBarTitle>
            It holds {countsInWords(verdict.counts)}.
          </MessageBarBody>
        </MessageBar>
      )}
      {verdict?.ok === false && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>This backup cannot be used.</MessageBarTitle>
            {verdict.problem}
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={error} />
    </form>
  );
}

function RestoreWatch({ status, setBusy }: { status: Status; setBusy: (b: boolean) => void }) {
  return <RestoreForm where="admin" canChoose={status.canChoose} onRestored={announceLocked} onBusy={setBusy} progress={<JobProgress running={status.running} label="Restoring" />} />;
}

function UndoRestore({ undo }: { undo: NonNullable<Status['undo']> }) {
  const undoRestore = useChannelMutation('backup.undoRestore', []);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);
  const run = async () => {
    setError(null);
    try {
      await undoRestore.mutateAsync({});
      announceLocked();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The restore could not be undone.');
    }
  };
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>The records were restored from a backup on {formatDateTime(undo.restoredAt)}.</MessageBarTitle>
        <Text>
          From {undo.file}. The records as they were before are kept: undoing puts them back and removes everything since the restore. TwoWay
          then locks.
        </Text>{' '}
        {asked ? (
          <Button appearance="primary" onClick={withErrorFocus(run)} disabled={undoRestore.isPending}>
            {undoRestore.isPending ? 'Undoing…' : 'Yes, undo the restore'}
          </Button>
        ) : (
          <Button onClick={() => setAsked(true)}>Undo the restore</Button>
        )}
        <ErrorBar error={error} />
      </MessageBarBody>
    </MessageBar>
  );
}
