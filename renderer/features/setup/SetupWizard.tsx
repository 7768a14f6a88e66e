import { Button, Card, Checkbox, makeStyles, Subtitle1, Text, Title1, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useChannelMutation } from '../../api';
import { contract } from '../../../shared/contract/index';
import { suggestPassword } from '../../../shared/domain/words';
import { applyServerError, TextField, useContractForm, withErrorFocus } from '../../ui/forms';
import { ErrorBar } from '../../ui/Page';
import { RecoveryKeyView } from './RecoveryKeyView';
import { RestoreForm } from '../backup/RestoreForm';

const useStyles = makeStyles({
  wrap: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXXL },
  card: { width: '560px', maxWidth: '100%', padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const schema = contract['setup.create'].input;

/** First run: the setting's name and the first administrator; then the recovery key, shown once. */
export function SetupWizard({ onDone }: { onDone: () => void }) {
  const s = useStyles();
  const create = useChannelMutation('setup.create', []) // the app moves on only after the key has been seen;
  const form = useContractForm(schema, { settingName: '', admin: { fullName: '', username: '', password: '' } });
  const [formError, setFormError] = useState<string | null>(null);
  const [recovery, setRecovery] = useState<{ key: string; settingName: string } | null>(null);
  const [kept, setKept] = useState(false);
  const [restoring, setRestoring] = useState(false);

  if (restoring) {
    return (
      <main className={s.wrap}>
        <Card className={s.card}>
          <Title1 as="h1">Restore from a backup</Title1>
          <Text>
            On a new laptop, or after reinstalling: choose the backup file (from the USB stick or backup folder) and unlock it with a
            username and password from when it was made, or with the recovery key.
          </Text>
          <RestoreForm where="new-laptop" onRestored={onDone} />
          <div>
            <Button appearance="transparent" onClick={() => setRestoring(false)}>
              Back to setting up a new TwoWay
            </Button>
          </div>
        </Card>
      </main>
    );
  }

  if (recovery) {
    return (
      <main className={s.wrap}>
        <Card className={s.card}>
          <Title1 as="h1">Your recovery key</Title1>
          <RecoveryKeyView recoveryKey={recovery.key} settingName={recovery.settingName} />
          <Checkbox
            checked={kept}
            onChange={(_e, d) => setKept(Boolean(d.checked))}
            label="I have printed or written down the recovery key and will keep it somewhere safe, away from this laptop."
          />
          <Button appearance="primary" disabled={!kept} onClick={onDone}>
            Continue to log in
          </Button>
        </Card>
      </main>
    );
  }

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await create.mutateAsync(values);
      // The key is held only in this screen's memory: it is never saved anywhere unencrypted.
      setRecovery({ key: result.recoveryKey, settingName: values.settingName });
    } catch (error) {
      setFormError(applyServerError(form, error));
    }
  });

  return (
    <main className={s.wrap}>
      <Card className={s.card}>
        <Title1 as="h1">Welcome to TwoWay</Title1>
        <Text>
          Set up TwoWay on this laptop. Everything you record is kept in an encrypted database: without a password or the recovery key,
          nobody can read it.
        </Text>
        <form onSubmit={withErrorFocus(submit)} noValidate style={{ display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM }}>
          <Subtitle1 as="h2">Your setting</Subtitle1>
          <TextField form={form} name="settingName" label="Name of your setting" hint="Shown on the login screen and on everything you print." required />
          <Subtitle1 as="h2">The first administrator</Subtitle1>
          <Text size={200}>This person adds the other members of staff and can reset their passwords.</Text>
          <TextField form={form} name="admin.fullName" label="Full name" required autoComplete="name" />
          <TextField form={form} name="admin.username" label="Username" hint="What you type to log in, for example your first name." required autoComplete="username" />
          <TextField
            form={form}
            name="admin.password"
            label="Password"
            type="text"
            hint="At least 12 characters. Three random words are easy to remember and hard to guess."
            required
            autoComplete="new-password"
          />
          <div className={s.row}>
            <Button
              type="button"
              onClick={() => form.setValue('admin.password', suggestPassword(), { shouldValidate: true })}
            >
              Suggest three random words
            </Button>
          </div>
          <ErrorBar error={formError} />
          <Button appearance="primary" type="submit" disabled={create.isPending}>
            {create.isPending ? 'Creating the encrypted database…' : 'Set up TwoWay'}
          </Button>
        </form>
        <Subtitle1 as="h2">Moving to a new laptop?</Subtitle1>
        <Text size={200}>If your records are in a TwoWay backup (a USB stick, a backup folder), restore them instead of setting up again.</Text>
        <div>
          <Button onClick={() => setRestoring(true)}>Restore from a backup</Button>
        </div>
      </Card>
    </main>
  );
}
